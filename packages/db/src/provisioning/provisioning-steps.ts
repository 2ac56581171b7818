// The provisioning state machine's steps, in order. `provisioning_step` holds the step reached.
export const PROVISIONING_STEPS = ["requested", "database_created", "migrated", "admin_created", "active"] as const;

export type ProvisioningStep = (typeof PROVISIONING_STEPS)[number];

export function isProvisioningStep(value: string): value is ProvisioningStep {
  return (PROVISIONING_STEPS as readonly string[]).includes(value);
}

export function nextStep(step: Exclude<ProvisioningStep, "active">): ProvisioningStep {
  return PROVISIONING_STEPS[PROVISIONING_STEPS.indexOf(step) + 1] ?? "active";
}

/** Prefix of every tenant database's name at the provider (the control plane's database has another). */
export const TENANT_DATABASE_PREFIX = "tenant-";

/**
 * Name of a tenant's database at the provider: `tenant-<slug>`, or with a suffix when that name is
 * held by a database no tenant of ours owns (see claimDatabaseName in provision-tenant.ts).
 */
export function tenantDatabaseName(slug: string, suffix?: string): string {
  return `${TENANT_DATABASE_PREFIX}${slug}${suffix ? `-${suffix}` : ""}`;
}
