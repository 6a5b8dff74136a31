// Email cells, checked as Laravel's `email` rule (RFC validation) does in practice: local@domain, no spaces, no stray dots.
// The address is kept exactly as written: case in the local part can matter.
import { fail, ok, quote, type Normalized } from './types.ts';

export function normalizeEmail(text: string): Normalized {
  return isEmail(text) ? ok(text) : fail('invalid-email', `${quote(text)} is not a valid email address`);
}

export function isEmail(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // whitespace, controls, and characters only valid inside quotes
    if (c <= 32 || c === 127 || c === 44 /* , */ || c === 59 /* ; */ || c === 60 /* < */ || c === 62 /* > */ || c === 40 || c === 41 || c === 91 || c === 93 || c === 92 || c === 34) return false;
    if (c === 64 /* @ */ && i !== at) return false;
  }
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  return !badDots(local) && !badDots(domain);
}

function badDots(part: string): boolean {
  return part.startsWith('.') || part.endsWith('.') || part.includes('..');
}
