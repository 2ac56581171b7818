// The provisioning state machine's steps, in order. `provisioning_step` holds the step reached.
export const PROVISIONING_STEPS = ["requested", "database_created", "migrated", "admin_created", "active"] as const;

export type ProvisioningStep = (typeof PROVISIONING_STEPS)[number];

export function isProvisioningStep(value: string): value is ProvisioningStep {
  return (PROVISIONING_STEPS as readonly string[]).includes(value);
}

export function nextStep(step: Exclude<ProvisioningStep, "active">): ProvisioningStep {
  return PROVISIONING_STEPS[PROVISIONING_STEPS.indexOf(step) + 1] ?? "active";
}

/** Name of a tenant's database at the provider. */
export function tenantDatabaseName(slug: string): string {
  return `tenant-${slug}`;
}
