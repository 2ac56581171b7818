import type { Tenant } from "../control/schema.ts";
import type { ProvisioningStep } from "./provisioning-steps.ts";

export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`The tenant slug "${slug}" is already taken.`);
    this.name = "SlugTakenError";
  }
}

export class InvalidTenantSlugError extends Error {
  constructor(readonly slug: string) {
    super(`"${slug}" is not a valid tenant slug.`);
    this.name = "InvalidTenantSlugError";
  }
}

export class TenantNotFoundError extends Error {
  constructor(readonly tenantId: string) {
    super(`Tenant ${tenantId} does not exist.`);
    this.name = "TenantNotFoundError";
  }
}

/** Provisioning stopped at `step`; the tenant row (status "failed") says so too. Retrying resumes there. */
export class TenantProvisioningError extends Error {
  constructor(
    readonly tenant: Tenant,
    readonly step: ProvisioningStep,
    cause: unknown,
  ) {
    super(`Provisioning tenant ${tenant.slug} failed at step "${step}": ${messageOf(cause)}`, { cause });
    this.name = "TenantProvisioningError";
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
