import { describe, expect, it } from "vitest";
import { sniffImageType } from "./image-type.ts";
import { containsLocation, jpegWithLocation, pngWithLocation, SAMPLE_JPEG, SAMPLE_PNG, SAMPLE_WEBP, webpWithLocation } from "./sample-images.ts";
import { stripImageMetadata, stripJpegMetadata, stripPngMetadata, stripWebpMetadata } from "./strip-metadata.ts";

describe("stripImageMetadata", () => {
  it("takes EXIF with its GPS block, XMP, the comment and an embedded second image out of a JPEG, and keeps the picture", () => {
    const photo = jpegWithLocation();
    expect(containsLocation(photo)).toBe(true);
    const stripped = stripJpegMetadata(photo)!;
    expect(containsLocation(stripped)).toBe(false);
    // What is left is exactly the picture as Chromium encoded it (JFIF and its colour profile kept).
    expect(stripped).toEqual(SAMPLE_JPEG);
    expect(sniffImageType(stripped)).toBe("image/jpeg");
  });

  it("keeps only drawing chunks of a PNG: no eXIf, tEXt, iTXt or tIME", () => {
    const photo = pngWithLocation();
    expect(containsLocation(photo)).toBe(true);
    const stripped = stripPngMetadata(photo)!;
    expect(containsLocation(stripped)).toBe(false);
    expect(stripped).toEqual(SAMPLE_PNG);
    expect(sniffImageType(stripped)).toBe("image/png");
  });

  it("drops EXIF and XMP chunks of a WebP, clears their flags and fixes the RIFF size", () => {
    const photo = webpWithLocation();
    expect(containsLocation(photo)).toBe(true);
    const stripped = stripWebpMetadata(photo)!;
    expect(containsLocation(stripped)).toBe(false);
    expect(stripped).toEqual(SAMPLE_WEBP);
    expect(sniffImageType(stripped)).toBe("image/webp");
  });

  it("leaves an image without metadata as it is", () => {
    expect(stripImageMetadata(SAMPLE_PNG, "image/png")).toEqual(SAMPLE_PNG);
    expect(stripImageMetadata(SAMPLE_JPEG, "image/jpeg")).toEqual(SAMPLE_JPEG);
    expect(stripImageMetadata(SAMPLE_WEBP, "image/webp")).toEqual(SAMPLE_WEBP);
  });

  it("refuses a broken structure instead of guessing", () => {
    expect(stripJpegMetadata(SAMPLE_JPEG.subarray(0, 100))).toBeNull();
    expect(stripJpegMetadata(Uint8Array.from([0xff, 0xd8, 0x00, 0x01, 0xff, 0xd9]))).toBeNull();
    expect(stripPngMetadata(SAMPLE_PNG.subarray(0, 40))).toBeNull();
    const lying = SAMPLE_WEBP.slice();
    lying[16] = 0xff; // the first chunk claims more bytes than there are
    expect(stripWebpMetadata(lying)).toBeNull();
  });
});
