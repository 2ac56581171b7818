import { describe, expect, it } from "vitest";
import { sniffImageType } from "./image-type.ts";
import { SAMPLE_JPEG, SAMPLE_PNG, SAMPLE_WEBP } from "./sample-images.ts";

const text = (value: string) => new TextEncoder().encode(value);

describe("which image an upload really is", () => {
  it("recognises PNG, JPEG and WebP by their bytes", () => {
    expect(sniffImageType(SAMPLE_PNG)).toBe("image/png");
    expect(sniffImageType(SAMPLE_JPEG)).toBe("image/jpeg");
    expect(sniffImageType(SAMPLE_WEBP)).toBe("image/webp");
  });

  it("refuses SVG, also with an XML declaration", () => {
    expect(sniffImageType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImageType(text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it("refuses HTML, text, an empty file and a GIF", () => {
    expect(sniffImageType(text("<!doctype html><html><body>hi</body></html>"))).toBeNull();
    expect(sniffImageType(text("just some text"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(text("GIF89a\x01\x00\x01\x00"))).toBeNull();
  });

  it("refuses truncated images", () => {
    expect(sniffImageType(SAMPLE_PNG.slice(0, 8))).toBeNull();
    expect(sniffImageType(SAMPLE_PNG.slice(0, SAMPLE_PNG.length - 10))).toBeNull();
    expect(sniffImageType(SAMPLE_JPEG.slice(0, 3))).toBeNull();
    expect(sniffImageType(SAMPLE_JPEG.slice(0, SAMPLE_JPEG.length - 100))).toBeNull();
    expect(sniffImageType(SAMPLE_WEBP.slice(0, 12))).toBeNull();
    expect(sniffImageType(SAMPLE_WEBP.slice(0, SAMPLE_WEBP.length - 50))).toBeNull();
  });

  it("refuses an HTML page that starts with image-like bytes but is no image", () => {
    const fake = new Uint8Array([...SAMPLE_PNG.slice(0, 8), ...text("<html><script>alert(1)</script></html>")]);
    expect(sniffImageType(fake)).toBeNull();
    expect(sniffImageType(text("RIFF\x10\x00\x00\x00WEBP<html>"))).toBeNull();
  });
});
