// Sanctum personal access tokens: `<id>|<40 random chars><crc32b of them>`, stored as the sha256 of the part
// after the bar. Lookup by id then constant-time hash compare; no expiry (Sanctum's expiration is null).
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Database, Row } from '../db/database.ts';
import { nowDb } from '../db/clock.ts';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const userModel = 'App\\Modules\\Core\\Models\\User';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Str::random(40) followed by hash('crc32b', …), as Sanctum 4 builds a token. */
function tokenString(): string {
  let entropy = '';
  for (let i = 0; i < 40; i++) entropy += alphabet[randomInt(alphabet.length)];
  return entropy + crc32(entropy).toString(16).padStart(8, '0');
}

export function createToken(db: Database, userId: number, name: string): string {
  const plain = tokenString();
  const now = nowDb();
  const { lastId } = db.run(
    'INSERT INTO personal_access_tokens (tokenable_type, tokenable_id, name, token, abilities, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [userModel, userId, name, sha256(plain), '["*"]', now, now],
  );
  return `${lastId}|${plain}`;
}

export interface AccessToken {
  id: number;
  user: Row;
}

/** The token row and its user for a bearer token, or undefined (→ 401). Touches last_used_at like Sanctum. */
export function findToken(db: Database, bearer: string): AccessToken | undefined {
  const bar = bearer.indexOf('|');
  const row =
    bar === -1
      ? db.get('SELECT * FROM personal_access_tokens WHERE token = ?', [sha256(bearer)])
      : db.get('SELECT * FROM personal_access_tokens WHERE id = ?', [bearer.slice(0, bar)]);
  if (!row || typeof row.token !== 'string') return undefined;
  const plain = bar === -1 ? bearer : bearer.slice(bar + 1);
  const expected = Buffer.from(row.token);
  const actual = Buffer.from(sha256(plain));
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  if (typeof row.expires_at === 'string' && Date.parse(`${row.expires_at.replace(' ', 'T')}Z`) <= Date.now()) return undefined;
  const user = db.get('SELECT * FROM users WHERE id = ?', [row.tokenable_id]);
  if (!user) return undefined;
  const now = nowDb();
  // Not worth a file save on its own: it rides along with the next real write.
  db.run('UPDATE personal_access_tokens SET last_used_at = ?, updated_at = ? WHERE id = ?', [now, now, row.id], { persist: false });
  return { id: Number(row.id), user };
}

export function revokeToken(db: Database, tokenId: number): void {
  db.run('DELETE FROM personal_access_tokens WHERE id = ?', [tokenId]);
}
