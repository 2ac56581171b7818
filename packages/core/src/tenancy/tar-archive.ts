// A small tar writer (POSIX ustar, with a pax header for long or non-ASCII names and very large files)
// and a reader for tests. Pure: it makes and reads bytes; the API streams them (tenancy/data-export.ts).
// Every tool that opens tar files (tar, 7-Zip, Windows' own tar, macOS Archive Utility) reads these.

export const TAR_BLOCK_SIZE = 512;
const MAX_OCTAL_SIZE = 0o77777777777; // 11 octal digits
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface TarEntryInfo {
  /** Path inside the archive; see safeEntryName. */
  name: string;
  size: number;
  /** Modification time (ms since 1970); default now. */
  modifiedAt?: number;
}

/**
 * A path safe to unpack: forward slashes, no leading slash, no empty, "." or ".." parts (so unpacking
 * never writes outside the folder it is unpacked in).
 */
export function safeEntryName(name: string): string {
  const parts = name
    .replace(/\\/g, "/")
    .split("/")
    .filter((part) => part !== "" && part !== "." && part !== "..");
  return parts.length > 0 ? parts.join("/") : "file";
}

function writeString(block: Uint8Array, offset: number, length: number, value: string): void {
  block.set(encoder.encode(value).subarray(0, length), offset);
}

function writeOctal(block: Uint8Array, offset: number, length: number, value: number): void {
  writeString(block, offset, length, `${Math.floor(value).toString(8).padStart(length - 1, "0")}\0`);
}

function header(name: string, size: number, modifiedAt: number, type: "0" | "x"): Uint8Array {
  const block = new Uint8Array(TAR_BLOCK_SIZE);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, Math.min(size, MAX_OCTAL_SIZE));
  writeOctal(block, 136, 12, Math.max(0, Math.floor(modifiedAt / 1000)));
  block.fill(0x20, 148, 156); // the checksum counts its own field as spaces
  writeString(block, 156, 1, type);
  writeString(block, 257, 6, "ustar\0");
  writeString(block, 263, 2, "00");
  let checksum = 0;
  for (const byte of block) checksum += byte;
  writeString(block, 148, 8, `${checksum.toString(8).padStart(6, "0")}\0 `);
  return block;
}

/** One pax record: "<length> <key>=<value>\n", the length counting itself. */
function paxRecord(key: string, value: string): Uint8Array {
  const body = encoder.encode(` ${key}=${value}\n`);
  let length = body.length + 1;
  while (String(length).length + body.length !== length) length = String(length).length + body.length;
  return encoder.encode(`${length} ${key}=${value}\n`);
}

/** Zero bytes that fill the last block of an entry of `size` bytes. */
export function tarPadding(size: number): Uint8Array {
  const rest = size % TAR_BLOCK_SIZE;
  return new Uint8Array(rest === 0 ? 0 : TAR_BLOCK_SIZE - rest);
}

/** The header block(s) of one file; its bytes follow, then tarPadding(size). */
export function tarEntryHeader(entry: TarEntryInfo): Uint8Array {
  const name = safeEntryName(entry.name);
  const modifiedAt = entry.modifiedAt ?? Date.now();
  const nameBytes = encoder.encode(name);
  const plainName = nameBytes.length <= 100 && /^[\x20-\x7e]*$/.test(name);
  const records: Uint8Array[] = [];
  if (!plainName) records.push(paxRecord("path", name));
  if (entry.size > MAX_OCTAL_SIZE) records.push(paxRecord("size", String(entry.size)));
  const fileHeader = header(plainName ? name : fallbackName(name), entry.size, modifiedAt, "0");
  if (records.length === 0) return fileHeader;
  const pax = concatBytes(records);
  return concatBytes([header("PaxHeader", pax.length, modifiedAt, "x"), pax, tarPadding(pax.length), fileHeader]);
}

/** The ASCII name old readers that ignore pax headers see. */
function fallbackName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_");
  return ascii.length <= 100 ? ascii : ascii.slice(-100);
}

/** The end of an archive: two zero blocks. An archive of no files is only this. */
export function tarEnd(): Uint8Array {
  return new Uint8Array(TAR_BLOCK_SIZE * 2);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A whole archive in memory (small archives and tests; the API streams entry by entry instead). */
export function buildTar(files: readonly { name: string; data: Uint8Array; modifiedAt?: number }[]): Uint8Array {
  return concatBytes(
    files.flatMap((file) => [tarEntryHeader({ name: file.name, size: file.data.length, modifiedAt: file.modifiedAt }), file.data, tarPadding(file.data.length)]).concat(tarEnd()),
  );
}

function readString(block: Uint8Array, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return decoder.decode(end === -1 ? field : field.subarray(0, end));
}

function readOctal(block: Uint8Array, offset: number, length: number): number {
  const text = readString(block, offset, length).trim();
  return text === "" ? 0 : Number.parseInt(text, 8);
}

export interface TarFile {
  name: string;
  data: Uint8Array;
  modifiedAt: number;
}

/** Reads the regular files of an archive (pax path and size understood); throws on a damaged one. */
export function readTar(bytes: Uint8Array): TarFile[] {
  const files: TarFile[] = [];
  let offset = 0;
  let pax: Record<string, string> = {};
  while (offset + TAR_BLOCK_SIZE <= bytes.length) {
    const block = bytes.subarray(offset, offset + TAR_BLOCK_SIZE);
    if (block.every((byte) => byte === 0)) return files;
    const stored = readOctal(block, 148, 8);
    let sum = 0;
    for (let i = 0; i < TAR_BLOCK_SIZE; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
    if (sum !== stored) throw new Error(`tar: bad header checksum at byte ${offset}`);
    const type = readString(block, 156, 1) || "0";
    const size = pax.size ? Number(pax.size) : readOctal(block, 124, 12);
    const data = bytes.subarray(offset + TAR_BLOCK_SIZE, offset + TAR_BLOCK_SIZE + size);
    if (data.length !== size) throw new Error("tar: archive ends inside a file");
    offset += TAR_BLOCK_SIZE + size + tarPadding(size).length;
    if (type === "x") {
      pax = {};
      for (const line of decoder.decode(data).split("\n")) {
        const match = /^\d+ ([^=]+)=(.*)$/s.exec(line);
        if (match) pax[match[1]!] = match[2]!;
      }
      continue;
    }
    if (type === "0") {
      const prefix = readString(block, 345, 155);
      const name = pax.path ?? (prefix ? `${prefix}/${readString(block, 0, 100)}` : readString(block, 0, 100));
      files.push({ name, data: data.slice(), modifiedAt: readOctal(block, 136, 12) * 1000 });
    }
    pax = {};
  }
  throw new Error("tar: no end-of-archive blocks");
}
