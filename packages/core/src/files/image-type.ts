// Which image an upload really is, from its first bytes (its "magic bytes"), never from its name or the
// content type the sender claims. Only raster formats a browser shows safely: PNG, JPEG and WebP. SVG
// (which can carry script), HTML and anything else are refused.

export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** The file name extension we store each type under. */
export const IMAGE_EXTENSIONS: Record<ImageType, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/** Logos (and other uploaded images) may be at most 1 MB. */
export const MAX_IMAGE_BYTES = 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, expected: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

/**
 * The image type of these bytes, or null when they are no complete-looking PNG, JPEG or WebP. Beyond
 * the signature, the first structure must be there too (PNG's IHDR chunk, JPEG's next marker, WebP's
 * VP8 chunk), so a truncated file or a text that starts with the right letters is refused.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  // PNG: the 8-byte signature, then the IHDR chunk (length 13) and the file's end chunk (IEND).
  if (startsWith(bytes, PNG_SIGNATURE)) {
    const hasHeader = startsWith(bytes, [0, 0, 0, 13, ...ascii("IHDR")], 8) && bytes.length >= 8 + 25;
    const hasEnd = startsWith(bytes, [...ascii("IEND"), 0xae, 0x42, 0x60, 0x82], bytes.length - 8);
    return hasHeader && hasEnd ? "image/png" : null;
  }
  // JPEG: SOI (FF D8), then another marker (FF xx), and EOI (FF D9) at the end.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    const hasEnd = bytes.length >= 6 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
    return hasEnd ? "image/jpeg" : null;
  }
  // WebP: "RIFF" <size> "WEBP" "VP8 " | "VP8L" | "VP8X"; the RIFF size must match the bytes we have.
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) {
    const declared = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
    const chunk = String.fromCharCode(...bytes.slice(12, 16));
    const complete = declared + 8 <= bytes.length; // fewer bytes than declared: truncated
    return complete && ["VP8 ", "VP8L", "VP8X"].includes(chunk) && bytes.length >= 20 ? "image/webp" : null;
  }
  return null;
}
