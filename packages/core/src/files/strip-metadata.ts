// Removes what a photo says about where and when it was taken, and anything else that is not the
// picture itself, before it is stored: EXIF (with its GPS position), XMP, comments, text chunks. Pure
// functions on bytes (no decoding): the picture's own data is copied unchanged, only metadata is left
// out. What we keep is an allowlist per format, so a metadata block we do not know is dropped too.
// Anything that does not parse as the format we sniffed returns null (the upload is refused).
import type { ImageType } from "./image-type.ts";

/** Photos may be at most 10 MB before processing. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.byteLength;
  }
  return result;
}

// --- JPEG -------------------------------------------------------------------------------------------

const SOS = 0xda;
const EOI = 0xd9;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;

/** APPn segments we keep: JFIF/JFXX (APP0), the colour profile (APP2 "ICC_PROFILE"), Adobe (APP14: colour transform). */
function keepJpegSegment(marker: number, bytes: Uint8Array, dataStart: number, dataLength: number): boolean {
  if (marker === COM) return false;
  if (marker < APP0 || marker > 0xef) return true; // not metadata: tables, frame headers, restart interval…
  const id = ascii(bytes, dataStart, Math.min(dataLength, 12));
  if (marker === APP0) return id.startsWith("JFIF\0") || id.startsWith("JFXX\0");
  if (marker === APP2) return id === "ICC_PROFILE\0";
  if (marker === APP14) return id.startsWith("Adobe");
  return false; // APP1 (EXIF, XMP), APP13 (Photoshop/IPTC), MPF and every other APPn
}

/** Where the entropy-coded data after a start-of-scan ends: the next marker that is no stuffed byte or restart. */
function endOfScan(bytes: Uint8Array, from: number): number {
  for (let index = from; index < bytes.length - 1; index++) {
    if (bytes[index] !== 0xff) continue;
    const next = bytes[index + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return index;
  }
  return -1;
}

export function stripJpegMetadata(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    // Fill bytes (FF FF …) before a marker are allowed.
    let markerAt = offset;
    while (bytes[markerAt + 1] === 0xff) markerAt++;
    const marker = bytes[markerAt + 1];
    if (marker === undefined) return null;
    if (marker === EOI) {
      kept.push(bytes.subarray(markerAt, markerAt + 2));
      return concat(kept); // anything after the end (a second, embedded image with its own EXIF) is left out
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(bytes.subarray(markerAt, markerAt + 2));
      offset = markerAt + 2;
      continue;
    }
    if (markerAt + 4 > bytes.length) return null;
    const length = (bytes[markerAt + 2]! << 8) | bytes[markerAt + 3]!;
    const end = markerAt + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    if (marker === SOS) {
      const scanEnd = endOfScan(bytes, end);
      if (scanEnd < 0) return null;
      kept.push(bytes.subarray(markerAt, scanEnd));
      offset = scanEnd;
      continue;
    }
    if (keepJpegSegment(marker, bytes, markerAt + 4, length - 2)) kept.push(bytes.subarray(markerAt, end));
    offset = end;
  }
  return null; // no end of image
}

// --- PNG --------------------------------------------------------------------------------------------

/** Chunks that draw the picture (critical ones, colour, transparency, density, animation); no text, no eXIf, no time. */
const PNG_KEPT_CHUNKS = new Set(["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT", "cICP"]);

export function stripPngMetadata(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (bytes.length < 8) return null;
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
    const type = ascii(bytes, offset + 4, 4);
    const end = offset + 12 + length;
    if (end > bytes.length) return null;
    if (PNG_KEPT_CHUNKS.has(type)) kept.push(bytes.subarray(offset, end));
    if (type === "IEND") return concat(kept); // nothing after the end
    offset = end;
  }
  return null;
}

// --- WebP -------------------------------------------------------------------------------------------

/** RIFF chunks of a WebP that draw the picture; EXIF, XMP and unknown chunks are left out. */
const WEBP_KEPT_CHUNKS = new Set(["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"]);
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

function readUint32LE(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0;
}

export function stripWebpMetadata(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== "RIFF" || ascii(bytes, 8, 4) !== "WEBP") return null;
  const riffEnd = 8 + readUint32LE(bytes, 4);
  if (riffEnd > bytes.length) return null;
  const kept: Uint8Array[] = [];
  let offset = 12;
  while (offset + 8 <= riffEnd) {
    const type = ascii(bytes, offset, 4);
    const size = readUint32LE(bytes, offset + 4);
    const end = offset + 8 + size + (size % 2); // chunks are padded to an even size
    if (end > riffEnd) return null;
    if (WEBP_KEPT_CHUNKS.has(type)) {
      const chunk = bytes.slice(offset, end);
      // The extended header says which metadata follows: say there is none.
      if (type === "VP8X" && size >= 1) chunk[8] = chunk[8]! & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
      kept.push(chunk);
    }
    offset = end;
  }
  if (offset !== riffEnd || kept.length === 0) return null;
  const body = concat(kept);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  const riffSize = body.byteLength + 4;
  header[4] = riffSize & 0xff;
  header[5] = (riffSize >>> 8) & 0xff;
  header[6] = (riffSize >>> 16) & 0xff;
  header[7] = (riffSize >>> 24) & 0xff;
  return concat([header, body]); // anything after the RIFF container is left out
}

/** The image without its metadata, or null when its structure is broken. */
export function stripImageMetadata(bytes: Uint8Array, type: ImageType): Uint8Array<ArrayBuffer> | null {
  if (type === "image/jpeg") return stripJpegMetadata(bytes);
  if (type === "image/png") return stripPngMetadata(bytes);
  return stripWebpMetadata(bytes);
}
