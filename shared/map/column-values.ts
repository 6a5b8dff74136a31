// When a header is not enough, the values decide (sampled from the first rows, SAMPLE_ROWS of them):
// - a mapped column whose values do not fit its field is not imported, and says why ("Title" holding Mr. and Dr.
//   is no job title; "Account Type" holding Customer and Partner is not Pivor's client type);
// - a column no header names is recognised by its values: email addresses, web and LinkedIn addresses, phone
//   numbers, dates;
// - a column holding email addresses that stays unmapped is marked, so the report warns about it.
// the normalizers themselves, not the package's index: the sidebar bundles the mapping, and needs no date library
import { normalizeBoolean } from '../normalize/boolean.ts';
import { MULTI_SEPARATOR, normalizeDoneFlag } from '../normalize/cell-readings.ts';
import { isEmail } from '../normalize/email.ts';
import { enumNormalizer } from '../normalize/enum.ts';
import { parseNumber } from '../normalize/number.ts';
import { normalizeUrl } from '../normalize/url.ts';
import type { FieldSpec, ResourceSpec } from '../resources/index.ts';
import type { ColumnMapping, ColumnSamples } from './types.ts';

/** How many rows the mapping looks at: enough to see a column's habits, cheap on a file of any size. */
export const SAMPLE_ROWS = 1000;
/** Below this share of fitting values a header's field is not taken. */
const FIT = 0.5;
/** From this share of one kind of value a column with no known header is taken for that kind. */
const RECOGNISE = 0.8;

type ValueKind = 'email' | 'linkedin' | 'url' | 'phone' | 'date' | 'salutation' | 'other';

const SALUTATION = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|m|mme|mlle|sr|sra|srta)\.?$/i;
const PHONE = /^\+?[\d\s().\-/]{7,}(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
const DATE_WORDS = /\b(?:create|created|add|added|modified|updated|last|birthday|anniversary)\b/i;
// What reads as a date at a glance (the date normalizer decides whether it is one): year first, day and month
// with a four-digit year, or a month name; an optional time.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LIKE = new RegExp(String.raw`^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[ -]${MONTH}[ ,-]+\d{4}|${MONTH} \d{1,2},? \d{4})(?:[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?|z|[+-]\d{2}:?\d{2})?)?$`, 'i');

function kindOf(value: string): ValueKind {
  if (isEmail(value)) return 'email';
  if (SALUTATION.test(value)) return 'salutation';
  if (/^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\//i.test(value)) return 'linkedin';
  if (/^https?:\/\/\S+$/i.test(value) || /^www\.\S+\.\S+$/i.test(value)) return 'url';
  if (DATE_LIKE.test(value)) return 'date';
  if (PHONE.test(value) && value.replace(/\D/g, '').length >= 7) return 'phone';
  return 'other';
}

/** The first rows' values per column of a read table. */
export function tableSamples(table: { headers: readonly string[]; records: readonly { cells: readonly string[] }[] }): string[][] {
  return columnSamples(table.records.slice(0, SAMPLE_ROWS).map((r) => r.cells), table.headers.length);
}

/** A column's values as the mapping compares them: trimmed, non-empty, the first of several. */
export function columnSamples(rows: readonly (readonly string[])[], width: number): string[][] {
  const samples: string[][] = Array.from({ length: width }, () => []);
  const n = Math.min(rows.length, SAMPLE_ROWS);
  for (let r = 0; r < n; r++) {
    const cells = rows[r]!;
    for (let c = 0; c < width; c++) {
      const raw = cells[c];
      if (raw === undefined || raw === '') continue;
      const value = (raw.includes(MULTI_SEPARATOR) ? raw.slice(0, raw.indexOf(MULTI_SEPARATOR)) : raw).trim();
      if (value !== '') samples[c]!.push(value);
    }
  }
  return samples;
}

/** Changes `columns` in place from what their values show. */
export function refineByValues(resource: ResourceSpec, columns: ColumnMapping[], samples: ColumnSamples): void {
  for (const column of columns) {
    const values = samples[column.index] ?? [];
    if (column.field !== null && column.reason !== 'user' && !column.source && column.reading !== 'done-flag') {
      checkFit(resource, column, values, columns);
    }
  }
  promoteRunnersUp(resource, columns, samples);
  const taken = new Set(columns.map((c) => c.field).filter((f) => f !== null));
  for (const column of columns) {
    const values = samples[column.index] ?? [];
    if (column.field === null && column.reason === 'unknown') recognise(resource, column, values, taken);
    // an owner's address is another system's user, already said so: no second warning
    if (column.field === null && column.reason !== 'foreign' && enough(values, isEmail, FIT)) column.holdsEmails = true;
  }
}

/** Whether at least `need` of the values pass: stops as soon as the answer is known (most columns fit). */
function enough(values: readonly string[], test: (value: string) => boolean, need: number): boolean {
  if (values.length === 0) return false;
  const pass = Math.ceil(need * values.length);
  const failAt = values.length - pass + 1;
  let passed = 0;
  let failed = 0;
  for (const v of values) {
    if (test(v)) { if (++passed >= pass) return true; } else if (++failed >= failAt) return false;
  }
  return passed >= pass;
}


function fits(field: FieldSpec): (value: string) => boolean {
  switch (field.type) {
    case 'email': return isEmail;
    case 'url': return (v) => normalizeUrl(v).ok;
    case 'enum': { const read = enumNormalizer(field); return (v) => read(v).ok; }
    case 'boolean': return (v) => normalizeBoolean(v).ok;
    case 'datetime': case 'timestamp': return (v) => kindOf(v) === 'date';
    case 'integer': case 'decimal': return (v) => { const p = parseNumber(v); return !('error' in p) || p.code !== 'invalid-number'; };
    case 'id': return (v) => /^\d+$/.test(v);
    default:
      if (field.key === 'job_title') return (v) => !SALUTATION.test(v);
      if (field.key === 'phone' || field.key === 'mobile') return (v) => { const k = kindOf(v); return k !== 'email' && k !== 'url' && k !== 'linkedin'; };
      return () => true;
  }
}

function checkFit(resource: ResourceSpec, column: ColumnMapping, values: readonly string[], columns: readonly ColumnMapping[]): void {
  const field = resource.fields.find((f) => f.key === column.field)!;
  if (values.length < 2) return;
  const fit = fits(field);
  // Pivor's own field name is the file saying what the column is: only values none of which fit overrule it
  if (column.reason === 'key' ? values.some(fit) : enough(values, fit, FIT)) return;
  if (field.key === 'completed_at' && !columns.some((c) => c.field === 'status') && enough(values, (v) => normalizeDoneFlag(v).ok, FIT)) {
    // "Completed: Yes / No" says whether it is done, not when: the status Pivor has
    Object.assign(column, { field: 'status', reading: 'done-flag', detail: `"${column.header}" says whether it is done: read as status completed or pending` });
    return;
  }
  const misfits = [...new Set(values.filter((v) => !fit(v)))].slice(0, 3).map((v) => JSON.stringify(v.length > 30 ? v.slice(0, 27) + '...' : v));
  Object.assign(column, { field: null, reason: 'values', candidate: field.key, detail: `its values (${misfits.join(', ')}) are not ${describe(field)}` });
  delete column.score;
}

function describe(field: FieldSpec): string {
  if (field.key === 'job_title') return 'job titles';
  if (field.enum) return `one of ${field.enum.csv.join(', ')}`;
  return `${field.type === 'id' ? "Pivor ids" : `${field.label.toLowerCase()} values`}`;
}

/** A column left out for a field another column lost to its values takes the field, when its own values fit. */
function promoteRunnersUp(resource: ResourceSpec, columns: ColumnMapping[], samples: ColumnSamples): void {
  for (const lost of columns.filter((c) => c.reason === 'values')) {
    if (columns.some((c) => c.field === lost.candidate)) continue;
    const field = resource.fields.find((f) => f.key === lost.candidate)!;
    const next = columns.find((c) => c.reason === 'duplicate' && c.candidate === field.key && enough(samples[c.index] ?? [], fits(field), FIT));
    if (!next) continue;
    Object.assign(next, { field: field.key, reason: 'alias', score: 0.9, detail: `takes ${field.label}: the values of "${lost.header}" are not ${describe(field)}` });
    delete next.candidate;
  }
}

const KIND_FIELDS: Partial<Record<ValueKind, string[]>> = {
  email: ['email'], linkedin: ['linkedin_url', 'website'], url: ['website'], phone: ['phone', 'mobile'], date: ['due_at'],
};
const KIND_WORDS: Record<ValueKind, string> = {
  email: 'email addresses', linkedin: 'LinkedIn addresses', url: 'web addresses', phone: 'phone numbers', date: 'dates', salutation: '', other: '',
};

function recognise(resource: ResourceSpec, column: ColumnMapping, values: readonly string[], taken: Set<string>): void {
  if (values.length < 2) return;
  const counts = new Map<ValueKind, number>();
  for (const v of values) counts.set(kindOf(v), (counts.get(kindOf(v)) ?? 0) + 1);
  const [kind, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  if (n / values.length < RECOGNISE) return;
  if (kind === 'date' && DATE_WORDS.test(column.header)) return; // when a record was made is no due date
  const key = (KIND_FIELDS[kind] ?? []).find((k) => resource.fields.some((f) => f.key === k) && !taken.has(k));
  if (!key) return;
  taken.add(key);
  const evidence = { matching: n, sampled: values.length, kind: KIND_WORDS[kind] };
  Object.assign(column, { field: key, reason: 'content', score: contentScore(evidence), detail: `its values are ${KIND_WORDS[kind]}`, evidence });
}

/**
 * The fields a column's values look like (email addresses: email; phone numbers: phone, mobile…), each with how
 * sure, when at least half the sampled values are of one kind: suggestions for a picker, whatever the header says.
 */
export function valueSuggestions(resource: ResourceSpec, values: readonly string[]): { field: string; score: number; basis: string }[] {
  // one value is enough for a suggestion (not for a mapping): its score says how little it rests on
  if (values.length === 0) return [];
  const counts = new Map<ValueKind, number>();
  for (const v of values) counts.set(kindOf(v), (counts.get(kindOf(v)) ?? 0) + 1);
  const found: { field: string; score: number; basis: string }[] = [];
  for (const [kind, n] of counts) {
    if (n / values.length < FIT) continue;
    const basis = `${n} of ${values.length} sampled values are ${KIND_WORDS[kind]}`;
    for (const key of KIND_FIELDS[kind] ?? []) {
      if (resource.fields.some((f) => f.key === key)) found.push({ field: key, score: contentScore({ matching: n, sampled: values.length }), basis });
    }
  }
  return found;
}

/**
 * How sure a match by values is: the share of sampled values of the kind, discounted for small samples (2 of 2 is
 * less telling than 950 of 1,000), and kept below a header's exact match (0.9 at most, like a close spelling).
 */
export function contentScore(evidence: { matching: number; sampled: number }): number {
  const share = evidence.matching / evidence.sampled;
  const sampleWeight = evidence.sampled / (evidence.sampled + 1);
  return Math.round(0.9 * share * sampleWeight * 1000) / 1000;
}
