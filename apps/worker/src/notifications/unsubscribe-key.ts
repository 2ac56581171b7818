// The key that signs a corporation's unsubscribe links: HKDF-SHA-256 from TENANT_TOKEN_KEY (the one
// server secret, decision 010) with the tenant's id, so no new secret is needed and a link of one
// corporation is worthless at another. Derived once per isolate and tenant.
import { importUnsubscribeKey, type UnsubscribeKey } from "@buurtplein/core";
import type { Bindings } from "../env.ts";

const derived = new Map<string, Promise<UnsubscribeKey>>();

async function derive(secret: string, tenantId: string): Promise<UnsubscribeKey> {
  const raw = Uint8Array.from(atob(secret), (character) => character.charCodeAt(0));
  if (raw.length < 32) throw new Error("TENANT_TOKEN_KEY is missing or too short");
  const base = await crypto.subtle.importKey("raw", raw, "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: new TextEncoder().encode("buurtplein-digest-unsubscribe-v1"), info: new TextEncoder().encode(tenantId) },
    base,
    256,
  );
  return importUnsubscribeKey(new Uint8Array(bits));
}

export function unsubscribeKey(env: Pick<Bindings, "TENANT_TOKEN_KEY">, tenantId: string): Promise<UnsubscribeKey> {
  const secret = env.TENANT_TOKEN_KEY ?? "";
  const cacheKey = `${tenantId}:${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = derive(secret, tenantId);
    derived.set(cacheKey, key);
    key.catch(() => derived.delete(cacheKey));
  }
  return key;
}
