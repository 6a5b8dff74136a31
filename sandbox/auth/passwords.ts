// Password hashes for the sandbox's users: scrypt from node:crypto, stored as `scrypt$N$r$p$salt$hash`.
// (Pivor uses bcrypt; the format differs but, as in Pivor, only a hash is ever stored.)
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// Cheap parameters on purpose: tests sign in often and this is a local sandbox, not a production store.
const N = 4096;
const r = 8;
const p = 1;
const keyLength = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, keyLength, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !rr || !pp || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(rr), p: Number(pp) });
  return timingSafeEqual(actual, expected);
}

let demoHash: string | undefined;
/** The hash of the demo password 'password', computed once per process (seeding many sandboxes stays fast). */
export function demoPasswordHash(): string {
  demoHash ??= hashPassword('password');
  return demoHash;
}
