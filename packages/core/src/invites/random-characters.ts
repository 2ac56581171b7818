// Unbiased random strings from an alphabet, with WebCrypto (crypto.getRandomValues), for codes that
// people type: invite codes, recovery codes, the digits of a login name.

/** `length` characters drawn uniformly from `alphabet` (rejection sampling: no modulo bias). */
export function generateRandomCharacters(length: number, alphabet: string): string {
  if (alphabet.length < 2 || alphabet.length > 256) throw new RangeError("alphabet must have 2–256 characters");
  const limit = 256 - (256 % alphabet.length);
  let result = "";
  while (result.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte >= limit) continue;
      result += alphabet[byte % alphabet.length];
      if (result.length === length) break;
    }
  }
  return result;
}
