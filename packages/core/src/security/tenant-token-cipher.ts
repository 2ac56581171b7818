// Encryption at rest for the tenant database tokens in the control plane (docs/decisions/010-tenant-token-encryption.md).
// WebCrypto AES-GCM with a 256-bit key from a worker secret (TENANT_TOKEN_KEY, base64 of 32 bytes), a
// fresh random 96-bit IV per value, and the tenant id as additional authenticated data, so a value
// copied onto another tenant's row does not decrypt either.
// Stored format: v1:<IV base64url>:<ciphertext with GCM tag, base64url>. A value without a version
// prefix is a token written before encryption existed: it is returned as it is (legacy plain).

const FORMAT_VERSION = "v1";
const VERSION_PREFIX = /^v\d+:/;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** WebCrypto's CryptoKey, named so that it type-checks against Node's and workerd's globals alike. */
type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** An imported key (non-extractable); make one with importTenantTokenKey. */
export interface TenantTokenKey {
  readonly kind: "tenant-token-key";
  readonly cryptoKey: WebCryptoKey;
}

/** The key secret is missing or not base64 of 32 bytes. The message names the setting, never the value. */
export class TenantTokenKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenantTokenKeyError";
  }
}

/** A stored value that cannot be decrypted: wrong key, another tenant's value, tampered or malformed. */
export class TenantTokenDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenantTokenDecryptError";
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Standard base64 or base64url, padded or not; null when it is neither. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const standard = text.replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) return null;
  try {
    const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, "="));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

function associatedData(tenantId: string) {
  return new TextEncoder().encode(`buurtplein:tenant-db-token:${tenantId}`);
}

/** A new random key, base64 of 32 bytes: the value for TENANT_TOKEN_KEY. */
export function generateTenantTokenKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Imports TENANT_TOKEN_KEY; throws TenantTokenKeyError when it is missing or not 32 bytes. */
export async function importTenantTokenKey(encoded: string | undefined): Promise<TenantTokenKey> {
  const text = encoded?.trim() ?? "";
  if (!text) throw new TenantTokenKeyError("TENANT_TOKEN_KEY is not set: tenant database tokens cannot be read or written.");
  const bytes = fromBase64(text);
  if (!bytes || bytes.length !== KEY_BYTES) {
    throw new TenantTokenKeyError(`TENANT_TOKEN_KEY must be base64 of ${KEY_BYTES} random bytes (e.g. \`openssl rand -base64 32\`).`);
  }
  const cryptoKey = await crypto.subtle.importKey("raw", bytes, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
  return { kind: "tenant-token-key", cryptoKey };
}

/** True for a value in a versioned encrypted format; false for a legacy plain token. */
export function isEncryptedTenantToken(stored: string): boolean {
  return VERSION_PREFIX.test(stored);
}

/** Encrypts a tenant's database token for its control-plane row. */
export async function encryptTenantToken(key: TenantTokenKey, tenantId: string, token: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: associatedData(tenantId) },
    key.cryptoKey,
    new TextEncoder().encode(token),
  );
  return `${FORMAT_VERSION}:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(ciphertext))}`;
}

/**
 * The plain token of a stored value. A legacy plain value is returned unchanged; an encrypted one that
 * does not decrypt (wrong key, other tenant, tampered, malformed) throws TenantTokenDecryptError.
 */
export async function decryptTenantToken(key: TenantTokenKey, tenantId: string, stored: string): Promise<string> {
  if (!isEncryptedTenantToken(stored)) return stored;
  const [version, ivText, ciphertextText, ...rest] = stored.split(":");
  if (version !== FORMAT_VERSION) {
    throw new TenantTokenDecryptError(`Tenant ${tenantId}: database token has unknown format "${version}".`);
  }
  const iv = fromBase64(ivText ?? "");
  const ciphertext = fromBase64(ciphertextText ?? "");
  if (rest.length > 0 || !iv || iv.length !== IV_BYTES || !ciphertext || ciphertext.length < TAG_BYTES) {
    throw new TenantTokenDecryptError(`Tenant ${tenantId}: database token is malformed.`);
  }
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData: associatedData(tenantId) }, key.cryptoKey, ciphertext);
  } catch {
    // GCM does not say which: the key differs, or the value (or the row it sits on) was changed.
    throw new TenantTokenDecryptError(
      `Tenant ${tenantId}: database token does not decrypt (wrong TENANT_TOKEN_KEY, or the stored value was tampered with).`,
    );
  }
  return new TextDecoder().decode(plain);
}
