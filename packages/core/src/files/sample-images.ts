// Small real images (48 × 48, drawn and encoded by Chromium) for the tests of uploads: unit tests of the
// sniffing, worker tests of the routes and the browser journey. Not used by the product itself.

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

export const SAMPLE_PNG = fromBase64("iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAv0lEQVR4AeyS4QmEMAxGi3vcjXS3jTvoNq7kIvozfwo1hOSj+IRAaGvSvNfl89uumWNpk38MoBaIAQwECfCEggDDv2MgjDBY4H0GzmNtmeEV8j4DXkLZ5zGQTXhUHwMjQtn7GMgmPKrvMDAqpdlnAA1364oBY6HJMKDhbl0xYCw0GQY03K0rBoyFJsOAhrt1dRv4/veWGXa1Z5l7gGdl604xQB3rficM9LnUreYYqLt/Y4BC2N1WGOhiKVyc3sANAAD//6djU1MAAAAGSURBVAMAk96l8YdKtzgAAAAASUVORK5CYII=");

export const SAMPLE_JPEG = fromBase64("/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAwADADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAcG/8QAKRAAAQEEBwkAAAAAAAAAAAAAABIHERMUAggVFhglMURGYWJmhKXD4//EABcBAAMBAAAAAAAAAAAAAAAAAAMEBQb/xAAjEQABAwIFBQAAAAAAAAAAAAACAAEDEjEEFDNBsVFSgaHw/9oADAMBAAIRAxEAPwCZAG9ZWzy/tqZpISULZ4q1r5qLnI46mpMxjGorKAAOb0jdYIF7w89T+P8AqMPPU/j/AKi+eg7vTo2Ul6cKCA3rVGeXCsvNJ+di7PCQhHNSe9fDQwQwBjINQ2QTBwekroXuqvvP2vuIIXuqvvP2vuF8doF45RsJqt9sr2ADPKyoJWo3Y7r0kEL3Wo3Y7r0kENDgdAfPKjYvVf7ZDesraHcK1Mrn52FtEJCF8tJ718NDBAYMBkGkrIIG4PUN1e8Q3THkPkMQ3THkPkQQC+Rg7fbo2bl68LetUaHf2y8rkJKLtEVa0ctFzkcdTBADAAMY0jZBM3N6iuv/2Q==");

export const SAMPLE_WEBP = fromBase64("UklGRpoCAABXRUJQVlA4WAoAAAAgAAAALwAALwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggrAAAALAHAJ0BKjAAMAA+XSiNRb+ioR46BAH4BcSxAFqQwOyvI3DLggdEMoBof/R/+iru3fs3AK9rLywsOZ2yCjBPr8ox68dXGAAA/vdxPf/xp/+N49u/t30EpjNP7eLeLeLVKnFzz8E4hHw/FJ8qZNarb+ABBjrl6EQPSF5WHeqfMda72zoDkIFNEXlEoucm8ZW4/EuO9V0KAp+YDAECQfASyWDt7ApkuTnCvKbYAAA=");

// Photos straight from a phone: the samples above with a location in their metadata, as a camera
// writes it (EXIF with a GPS block, XMP, comments, PNG text chunks). For the tests of metadata removal.

/** The position every sample's metadata carries; a stored photo must never contain it. */
export const SAMPLE_GPS_TEXT = "GPS 52.0907N 5.1214E Lindenhof";

function bytesOf(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0) & 0xff);
}

function joinBytes(...parts: (Uint8Array | number[])[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/** A TIFF structure as in EXIF: IFD0 with a pointer to a GPS IFD holding latitude ref "N" and a comment with the position. */
function exifTiff(): number[] {
  const comment = bytesOf(`${SAMPLE_GPS_TEXT}\0`);
  // Big-endian TIFF: header (8), IFD0 at 8 with 1 entry (2 + 12 + 4 = 18) → GPS IFD at 26 with 2 entries (2 + 24 + 4 = 30) → comment at 56.
  const u16 = (value: number) => [(value >> 8) & 0xff, value & 0xff];
  const u32 = (value: number) => [(value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
  return [
    ...bytesOf("MM"), ...u16(42), ...u32(8),
    ...u16(1), ...u16(0x8825), ...u16(4), ...u32(1), ...u32(26), ...u32(0),
    ...u16(2), ...u16(0x0001), ...u16(2), ...u32(2), ...bytesOf("N\0\0\0"), ...u16(0x001b), ...u16(7), ...u32(comment.length), ...u32(56), ...u32(0),
    ...comment,
  ];
}

function jpegSegment(marker: number, data: number[]): number[] {
  const length = data.length + 2;
  return [0xff, marker, (length >> 8) & 0xff, length & 0xff, ...data];
}

/** SAMPLE_JPEG with an EXIF block (GPS), XMP and a comment, and a second image after its end (as MPF pictures have). */
export function jpegWithLocation(jpeg: Uint8Array = SAMPLE_JPEG): Uint8Array {
  const exif = jpegSegment(0xe1, [...bytesOf("Exif\0\0"), ...exifTiff()]);
  const xmp = jpegSegment(0xe1, bytesOf(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>${SAMPLE_GPS_TEXT}</exif:GPSLatitude></x:xmpmeta>`));
  const comment = jpegSegment(0xfe, bytesOf(SAMPLE_GPS_TEXT));
  const trailer = [0xff, 0xd8, ...exif, 0xff, 0xd9];
  return joinBytes(jpeg.subarray(0, 2), exif, jpeg.subarray(2, 20), xmp, comment, jpeg.subarray(20), trailer);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function pngChunk(type: string, data: number[]): number[] {
  const typed = [...bytesOf(type), ...data];
  let crc = 0xffffffff;
  for (const byte of typed) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  crc = (crc ^ 0xffffffff) >>> 0;
  const u32 = (value: number) => [(value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
  return [...u32(data.length), ...typed, ...u32(crc)];
}

/** SAMPLE_PNG with eXIf (GPS), tEXt, zTXt-like iTXt and tIME chunks after its header. */
export function pngWithLocation(png: Uint8Array = SAMPLE_PNG): Uint8Array {
  const afterHeader = 8 + 25;
  return joinBytes(
    png.subarray(0, afterHeader),
    pngChunk("eXIf", exifTiff()),
    pngChunk("tEXt", bytesOf(`Comment\0${SAMPLE_GPS_TEXT}`)),
    pngChunk("iTXt", bytesOf(`XML:com.adobe.xmp\0\0\0\0\0${SAMPLE_GPS_TEXT}`)),
    pngChunk("tIME", [0x07, 0xea, 12, 1, 8, 0, 0]),
    png.subarray(afterHeader),
  );
}

function webpChunk(type: string, data: number[]): number[] {
  const size = data.length;
  return [...bytesOf(type), size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, (size >>> 24) & 0xff, ...data, ...(size % 2 ? [0] : [])];
}

/** SAMPLE_WEBP (an extended WebP) with EXIF (GPS) and XMP chunks, flagged in its VP8X header. */
export function webpWithLocation(webp: Uint8Array = SAMPLE_WEBP): Uint8Array {
  const body = joinBytes(webp.subarray(12), webpChunk("EXIF", exifTiff()), webpChunk("XMP ", bytesOf(`<x:xmpmeta>${SAMPLE_GPS_TEXT}</x:xmpmeta>`)));
  body[8] = body[8]! | 0x08 | 0x04; // VP8X flags: EXIF and XMP present
  const size = body.length + 4;
  return joinBytes(bytesOf("RIFF"), [size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, (size >>> 24) & 0xff], bytesOf("WEBP"), body);
}

/** Whether these bytes contain the sample position or an EXIF/XMP marker anywhere. */
export function containsLocation(bytes: Uint8Array): boolean {
  const text = String.fromCharCode(...bytes);
  return text.includes(SAMPLE_GPS_TEXT) || text.includes("Exif\0") || text.includes("eXIf") || text.includes("xmpmeta");
}
