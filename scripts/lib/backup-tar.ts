/**
 * A small gzip'd ustar writer and reader for the database backups (scripts/lib/backup.ts): regular files and folders
 * only, which is all a PostgreSQL data directory holds. The archives open with any `tar xzf`.
 */
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { createGunzip, createGzip, type Gzip } from "node:zlib";

const BLOCK = 512;

function header(name: string, opts: { size: number; mode: number; mtime: Date; type: "0" | "5" }): Buffer {
  const h = Buffer.alloc(BLOCK);
  let base = name;
  let prefix = "";
  if (Buffer.byteLength(name) > 100) {
    // ustar splits a long path at a slash: up to 155 bytes of prefix, up to 100 of name.
    const cut = name.lastIndexOf("/", 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100)
      throw new Error(`Path too long for the archive: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, "0") + "\0";
  h.write(base, 0, 100, "utf8");
  h.write(octal(opts.mode & 0o7777, 8), 100, "ascii");
  h.write(octal(0, 8), 108, "ascii");
  h.write(octal(0, 8), 116, "ascii");
  h.write(octal(opts.size, 12), 124, "ascii");
  h.write(octal(Math.floor(opts.mtime.getTime() / 1000), 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write(opts.type, 156, "ascii");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return h;
}

export type TarWriter = {
  addFile(name: string, data: Buffer, opts?: { mode?: number; mtime?: Date }): Promise<void>;
  addDirectory(name: string, opts?: { mode?: number; mtime?: Date }): Promise<void>;
  finish(): Promise<void>;
};

/** Writes `file` (mode 0600: a backup holds secrets) as a gzip'd tar; entries are added one at a time. */
export function createTarGz(file: string): TarWriter {
  const gzip: Gzip = createGzip({ level: 1 }); // speed over size: most of a fresh data directory is empty pages;
  const out: WriteStream = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const failed = new Promise<never>((_, reject) => {
    gzip.on("error", reject);
    out.on("error", reject);
  });
  failed.catch(() => {});
  const write = async (chunk: Buffer) => {
    if (!gzip.write(chunk)) await Promise.race([once(gzip, "drain"), failed]);
  };
  return {
    async addFile(name, data, opts = {}) {
      await write(
        header(name, { size: data.length, mode: opts.mode ?? 0o600, mtime: opts.mtime ?? new Date(), type: "0" }),
      );
      await write(data);
      const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
      if (pad) await write(Buffer.alloc(pad));
    },
    async addDirectory(name, opts = {}) {
      const dir = name.endsWith("/") ? name : `${name}/`;
      await write(header(dir, { size: 0, mode: opts.mode ?? 0o700, mtime: opts.mtime ?? new Date(), type: "5" }));
    },
    async finish() {
      await write(Buffer.alloc(BLOCK * 2));
      gzip.end();
      await Promise.race([once(out, "close"), failed]);
    },
  };
}

export type TarEntry = { name: string; type: "file" | "directory"; mode: number; data: Buffer };

function readString(block: Buffer, start: number, length: number) {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString("utf8");
}

const readOctal = (block: Buffer, start: number, length: number) =>
  parseInt(readString(block, start, length).trim() || "0", 8);

/** Bytes arriving in chunks, taken off the front without copying them more than once. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;
  push(chunk: Buffer) {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  take(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0];
      const used = Math.min(head.length, n - filled);
      head.copy(out, filled, 0, used);
      filled += used;
      if (used === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(used);
    }
    this.length -= n;
    return out;
  }
}

/** Reads a gzip'd tar entry by entry (each file's content in memory: PostgreSQL's files are at most 1 GB). */
export async function* readTarGz(file: string): AsyncGenerator<TarEntry> {
  const pending = new ByteQueue();
  let current: { name: string; type: "file" | "directory"; mode: number; size: number } | null = null;
  for await (const chunk of createReadStream(file).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    pending.push(chunk);
    for (;;) {
      if (!current) {
        if (pending.length < BLOCK) break;
        const block = pending.take(BLOCK);
        if (block.every((b) => b === 0)) continue; // the end-of-archive blocks
        if (readString(block, 257, 6) !== "ustar") throw new Error("Not a backup archive (no ustar header).");
        const prefix = readString(block, 345, 155);
        const base = readString(block, 0, 100);
        const flag = String.fromCharCode(block[156]);
        if (flag !== "0" && flag !== "\0" && flag !== "5")
          throw new Error(`Unsupported entry type '${flag}' in ${base}`);
        current = {
          name: (prefix ? `${prefix}/${base}` : base).replace(/\/$/, ""),
          type: flag === "5" ? "directory" : "file",
          mode: readOctal(block, 100, 8),
          size: readOctal(block, 124, 12),
        };
      }
      const padded = Math.ceil(current.size / BLOCK) * BLOCK;
      if (pending.length < padded) break;
      const data = pending.take(padded).subarray(0, current.size);
      yield { name: current.name, type: current.type, mode: current.mode, data };
      current = null;
    }
  }
  if (current) throw new Error(`The archive ends inside ${current.name}: it is truncated.`);
}
