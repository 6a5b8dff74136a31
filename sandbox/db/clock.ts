// Timestamps the way Laravel stores and prints them: 'Y-m-d H:i:s' in the database (UTC, whole seconds),
// toIso8601String() (`+00:00`) in API resources, toJSON() (`.000000Z`) in raw model output such as /api/user.

export function toDbTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function nowDb(): string {
  return toDbTimestamp(new Date());
}

/** '2025-01-15 10:00:00' → '2025-01-15T10:00:00+00:00' (JsonResource dates in Pivor). */
export function toIso8601(db: unknown): string | null {
  if (typeof db !== 'string' || db === '') return null;
  return `${db.replace(' ', 'T')}+00:00`;
}

/** '2025-01-15 10:00:00' → '2025-01-15T10:00:00.000000Z' (Eloquent's default date serialization). */
export function toModelJson(db: unknown): string | null {
  if (typeof db !== 'string' || db === '') return null;
  return `${db.replace(' ', 'T')}.000000Z`;
}

/** Whether a stored timestamp lies in the past (Carbon::isPast). */
export function isPast(db: unknown, now = new Date()): boolean {
  if (typeof db !== 'string') return false;
  return Date.parse(`${db.replace(' ', 'T')}Z`) < now.getTime();
}
