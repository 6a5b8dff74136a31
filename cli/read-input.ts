// Reads the CSV a command works on: a file, or standard input when the name is "-". Pipes and devices (stdin,
// a FIFO, /dev/zero) are read in chunks with a size limit, and stop at the first chunk holding a NUL byte, so
// binary input is reported at once instead of filling memory; the core then says what it looks like.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

/** The most pivor-csv reads: well within what one string of text may hold once decoded. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** The input's bytes, or a sentence saying why there are none. */
export async function readInput(
  path: string, stdin: NodeJS.ReadableStream = process.stdin, limit = MAX_INPUT_BYTES,
): Promise<ReadResult> {
  try {
    if (path === '-') return await readStream(stdin, 'standard input', limit);
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, message: `cannot read ${path}: it is a folder, not a file` };
    if (!info.isFile()) return await readStream(createReadStream(path), path, limit);
    if (info.size > limit) return { ok: false, message: tooBig(path, limit) };
    return { ok: true, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${describeFsError(error)}` };
  }
}

/** Chunks until the end, the limit, or a chunk holding a NUL byte (kept, so the core can say what it is). */
async function readStream(stream: NodeJS.ReadableStream, name: string, limit: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  let utf16 = false;
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : (piece as Buffer);
    if (size === 0) utf16 = hasUtf16Bom(chunk);
    size += chunk.length;
    if (size > limit) return { ok: false, message: tooBig(name, limit) };
    chunks.push(chunk);
    // UTF-16 text is full of NUL bytes; anything else holding one is not text (leaving the loop closes the stream)
    if (!utf16 && chunk.includes(0)) break;
  }
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) };
}

function hasUtf16Bom(chunk: Buffer): boolean {
  return chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
}

function tooBig(name: string, limit: number): string {
  return `${name} is larger than ${Math.round(limit / 1024 / 1024)} MB, the most pivor-csv reads at once: split it into smaller files`;
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
