// Uploaded files live in one R2 bucket (binding FILES); every key starts with the tenant's own prefix,
// so a tenant's files are found, exported and deleted together and never served under another tenant.
export function tenantFilePrefix(tenantId: string): string {
  return `tenants/${tenantId}/`;
}

/** The bucket key of one file of a tenant, e.g. tenantFileKey(id, "logos", "abc.png"). */
export function tenantFileKey(tenantId: string, ...parts: string[]): string {
  return tenantFilePrefix(tenantId) + parts.join("/");
}

/** Every key under a tenant's prefix (R2 lists at most 1,000 per call). */
export async function listTenantFileKeys(bucket: R2Bucket, tenantId: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: tenantFilePrefix(tenantId), cursor });
    keys.push(...page.objects.map((object) => object.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}
