// Cuts a text into pieces of at most `maxBytes` bytes once encoded as UTF-8, never inside a character:
// CacheService limits a value to 100 KB, counted in bytes, and Apps Script has no TextEncoder.

function bytesOf(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}

export function utf8Chunks(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const width = pair ? 2 : 1;
    const size = pair ? 4 : bytesOf(code);
    if (bytes + size > maxBytes && i > start) {
      chunks.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    i += width;
  }
  chunks.push(text.slice(start));
  return chunks;
}
