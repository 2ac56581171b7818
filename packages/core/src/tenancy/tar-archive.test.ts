import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildTar, readTar, safeEntryName, TAR_BLOCK_SIZE, tarEnd, tarEntryHeader, tarPadding } from "./tar-archive.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const work = mkdtempSync(join(tmpdir(), "tar-archive-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("tar writer", () => {
  it("writes an empty archive as two zero blocks", () => {
    expect(tarEnd()).toEqual(new Uint8Array(1024));
    expect(buildTar([])).toEqual(new Uint8Array(1024));
    expect(readTar(buildTar([]))).toEqual([]);
  });

  it("pads every file to whole blocks", () => {
    expect(tarPadding(0).length).toBe(0);
    expect(tarPadding(1).length).toBe(511);
    expect(tarPadding(512).length).toBe(0);
    const archive = buildTar([{ name: "a.txt", data: bytes("hallo") }]);
    expect(archive.length).toBe(TAR_BLOCK_SIZE * 2 + 1024);
    expect(new TextDecoder().decode(archive.subarray(257, 262))).toBe("ustar");
  });

  it("reads back names, contents and times, long and non-ASCII names through a pax header", () => {
    const long = `logos/${"heel-lange-naam-".repeat(10)}.png`;
    const files = [
      { name: "logos/logo.png", data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]), modifiedAt: 1_700_000_000_000 },
      { name: long, data: bytes("x".repeat(1000)), modifiedAt: 1_700_000_001_000 },
      { name: "sponsors/café-De-Brug.webp", data: bytes(""), modifiedAt: 1_700_000_002_000 },
    ];
    const read = readTar(buildTar(files));
    expect(read).toEqual(files);
  });

  it("is read by GNU tar, names included", () => {
    const long = `photos/${"a".repeat(120)}.jpg`;
    const archive = buildTar([
      { name: "logos/logo.png", data: bytes("png-bytes") },
      { name: long, data: bytes("jpg-bytes") },
      { name: "sponsors/café.webp", data: bytes("webp") },
    ]);
    const file = join(work, "files.tar");
    writeFileSync(file, archive);
    const listed = execFileSync("tar", ["-tf", file], { encoding: "utf8" }).trim().split("\n");
    expect(listed).toEqual(["logos/logo.png", long, "sponsors/café.webp"]);
    execFileSync("tar", ["-xf", file, "-C", work]);
    expect(readFileSync(join(work, long), "utf8")).toBe("jpg-bytes");
    expect(readFileSync(join(work, "sponsors/café.webp"), "utf8")).toBe("webp");
  });

  it("never writes a path that unpacks outside its folder", () => {
    expect(safeEntryName("/etc/passwd")).toBe("etc/passwd");
    expect(safeEntryName("../../x/./y")).toBe("x/y");
    expect(safeEntryName("a\\..\\b")).toBe("a/b");
    expect(safeEntryName("..")).toBe("file");
    const [entry] = readTar(buildTar([{ name: "../evil.txt", data: bytes("no") }]));
    expect(entry!.name).toBe("evil.txt");
  });

  it("refuses a damaged archive", () => {
    const archive = buildTar([{ name: "a.txt", data: bytes("hallo") }]);
    archive[10] = 0x41;
    expect(() => readTar(archive)).toThrow(/checksum/);
    expect(() => readTar(buildTar([{ name: "a.txt", data: bytes("hallo") }]).subarray(0, 600))).toThrow();
  });

  it("headers alone say the size the bytes after them have", () => {
    const header = tarEntryHeader({ name: "x.bin", size: 1234, modifiedAt: 0 });
    expect(header.length).toBe(TAR_BLOCK_SIZE);
    expect(new TextDecoder().decode(header.subarray(124, 135))).toBe((1234).toString(8).padStart(11, "0"));
  });
});
