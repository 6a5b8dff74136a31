// Compares a row's value with what the server holds, field by field, in the field's own terms:
// "1000.00" equals 1000, an empty cell equals null, dates equal at the same instant, emails ignore case.
// Planning sends only what differs, so a re-run of a pushed file sends nothing.
import type { FieldSpec } from '../resources/index.ts';

type Comparable = string | number | boolean | null;

export function sameValue(field: FieldSpec, wanted: unknown, current: unknown): boolean {
  return comparable(field, wanted) === comparable(field, current);
}

export function comparable(field: FieldSpec, value: unknown): Comparable {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'id':
    case 'reference': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      return Number.isFinite(n) ? n : String(value).trim();
    }
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 'true';
    case 'datetime':
    case 'timestamp':
      return instant(String(value));
    case 'email':
      return String(value).trim().toLowerCase();
    default:
      return String(value).trim();
  }
}

/** Milliseconds since the epoch; a date without a zone is UTC (Pivor stores and shows UTC). */
function instant(text: string): number | string {
  const trimmed = text.trim();
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(trimmed);
  if (!match) return trimmed;
  const [, date, time = '00:00:00', zone = 'Z'] = match;
  const ms = Date.parse(`${date}T${time}${zone}`);
  return Number.isNaN(ms) ? trimmed : ms;
}
