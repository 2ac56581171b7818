// TENANT_TOKEN_KEY, the secret that encrypts tenant database tokens in the control plane
// (docs/decisions/010-tenant-token-encryption.md). Imported once per isolate and value.
import { importTenantTokenKey, type TenantTokenKey } from "@buurtplein/core";
import type { Bindings } from "../env.ts";

const imported = new Map<string, Promise<TenantTokenKey>>();

/** The imported key; rejects with TenantTokenKeyError when the secret is missing or malformed. */
export function tenantTokenKey(env: Pick<Bindings, "TENANT_TOKEN_KEY">): Promise<TenantTokenKey> {
  const encoded = env.TENANT_TOKEN_KEY ?? "";
  let key = imported.get(encoded);
  if (!key) {
    key = importTenantTokenKey(encoded);
    imported.set(encoded, key);
    // A refused value is not remembered: the next request tries again (and fails as clearly).
    key.catch(() => imported.delete(encoded));
  }
  return key;
}
