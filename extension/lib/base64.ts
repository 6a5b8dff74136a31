// Bytes ⇄ base64. Files handed over from the right-click menu, and files of interrupted imports, travel as base64
// so their encoding survives (UTF-16, Windows-1252). Chrome's own Uint8Array.toBase64/fromBase64 (Chrome 140+) does
// a 10 MB file in milliseconds; the fallback, in slices so String.fromCharCode's argument limit holds, takes
// seconds of the page's thread on such a file.
type WithBase64 = { toBase64?: (this: Uint8Array) => string };
type FromBase64 = { fromBase64?: (base64: string) => Uint8Array };

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (Uint8Array.prototype as WithBase64).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const native = (Uint8Array as FromBase64).fromBase64;
  if (native) return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
