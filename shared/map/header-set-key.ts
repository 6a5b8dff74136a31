// A short, stable key for a set of headers, so a front end can save a user's mapping and offer it again for the same kind of file.

/**
 * The same headers in any order give the same key (a mapping is per header, not per position);
 * surrounding spaces are ignored, case is not (saved mappings are keyed by the exact header).
 */
export function headerSetKey(headers: readonly string[]): string {
  const text = [...headers].map((h) => h.trim()).sort().join('\u001f');
  return `h${headers.length}-${hash53(text).toString(36)}`;
}

/** cyrb53: a fast 53-bit string hash (public domain), plenty for keying saved mappings. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
