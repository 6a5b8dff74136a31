// Maps a file's headers to a resource's fields: exact spellings first, then cautious typo matching; the user overrides.
import { findField, type FieldSpec, type ResourceSpec } from '../resources/index.ts';
import { similarity as similarityOf } from './edit-distance.ts';
import { compactHeader } from './header-key.ts';
import { attachSources, familyCandidate, type FamilyMiss } from './family-mapping.ts';
import { headerShape, type HeaderShape } from './header-family.ts';
import { digitsOf, headerIndex, sortedWords, type HeaderIndex } from './header-index.ts';
import { refineByValues } from './column-values.ts';
import type { CellReading, ColumnMapping, ColumnSamples, HeaderMapping, MapReason, UserMapping } from './types.ts';

const exactScore = { key: 1, label: 0.98, alias: 0.95, weak: 0.9 } as const;
/** Below this similarity a header is left unmapped rather than guessed. */
export const FUZZY_THRESHOLD = 0.85;
/** Shorter headers are never fuzzy-matched: one letter off is a different word ("Stage" is not "State"). */
const FUZZY_MIN_LENGTH = 5;
/** Fuzzy scores stay below every exact score, so an exact match always wins a conflict. */
const FUZZY_CEILING = 0.9;

interface Candidate { field: FieldSpec; reason: MapReason; score: number; detail?: string; reading?: CellReading }

/** `samples`: values per column (see column-values.ts); without them the headers alone decide. */
export function mapHeaders(resource: ResourceSpec, headers: readonly string[], userMapping?: UserMapping, samples?: ColumnSamples): HeaderMapping {
  const index = headerIndex(resource);
  const userNotes: (string | undefined)[] = [];
  const shapes = headers.map(headerShape);
  const misses: (FamilyMiss | undefined)[] = [];
  const candidates = headers.map((header, i): Candidate | null | 'ignored' => {
    const user = userChoice(resource, header, userMapping);
    if (user.kind === 'ignore') return 'ignored';
    if (user.kind === 'field') return { field: user.field, reason: 'user', score: 1 };
    if (user.kind === 'invalid') userNotes[i] = user.note;
    const found = autoCandidate(resource, index, header, shapes[i]!);
    if (found && 'miss' in found) {
      misses[i] = found;
      return null;
    }
    return found;
  });

  // Two columns for one field: the user's choice, then the higher score, then the leftmost column wins.
  const winner = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (!c || c === 'ignored') return;
    const held = winner.get(c.field.key);
    if (held === undefined || beats(c, candidates[held] as Candidate)) winner.set(c.field.key, i);
  });

  const columns: ColumnMapping[] = headers.map((header, i) => {
    const c = candidates[i];
    const note = userNotes[i];
    if (c === 'ignored') return { index: i, header, field: null, reason: 'user', detail: 'ignored by your mapping' };
    if (!c) {
      const miss = misses[i];
      const detail = [miss?.detail ?? (header.trim() ? 'no matching field' : 'empty header'), note].filter(Boolean).join('; ');
      return { index: i, header, field: null, reason: miss?.miss ?? 'unknown', detail, ...(miss?.candidate ? { candidate: miss.candidate } : {}) };
    }
    const held = winner.get(c.field.key)!;
    if (held !== i) {
      return {
        index: i, header, field: null, reason: 'duplicate', candidate: c.field.key, score: round(c.score),
        detail: `${c.field.label} is already filled by column ${held + 1} ("${headers[held]}")`,
      };
    }
    const column: ColumnMapping = { index: i, header, field: c.field.key, reason: c.reason, score: round(c.score) };
    const detail = [c.detail, note].filter(Boolean).join('; ');
    if (detail) column.detail = detail;
    if (c.reading) column.reading = c.reading;
    return column;
  });
  if (samples) refineByValues(resource, columns, samples);
  const extra = attachSources(resource, columns, shapes);
  return finishMapping(resource, columns, extra);
}

/** The mapping's lists, from its columns (and the extra fields a column fills). */
export function finishMapping(resource: ResourceSpec, columns: ColumnMapping[], extra: ColumnMapping[] = []): HeaderMapping {
  const byField: Record<string, number> = {};
  for (const c of [...columns, ...extra]) if (c.field !== null) byField[c.field] = c.index;
  const mapping: HeaderMapping = { resource: resource.name, columns, unmapped: columns.filter((c) => c.field === null).map((c) => c.header), byField };
  if (extra.length) mapping.extra = extra;
  return mapping;
}

function beats(a: Candidate, b: Candidate): boolean {
  if ((a.reason === 'user') !== (b.reason === 'user')) return a.reason === 'user';
  return a.score > b.score;
}

type UserChoice = { kind: 'none' } | { kind: 'ignore' } | { kind: 'field'; field: FieldSpec } | { kind: 'invalid'; note: string };

function userChoice(resource: ResourceSpec, header: string, userMapping: UserMapping | undefined): UserChoice {
  if (!userMapping) return { kind: 'none' };
  const own = Object.prototype.hasOwnProperty;
  const key = own.call(userMapping, header) ? header : own.call(userMapping, header.trim()) ? header.trim() : undefined;
  if (key === undefined) return { kind: 'none' };
  const choice = userMapping[key];
  if (choice === null || choice === undefined) return { kind: 'ignore' };
  const field = findField(resource, choice);
  if (!field) return { kind: 'invalid', note: `your mapping names "${choice}", which ${resource.name} do not have` };
  return { kind: 'field', field };
}

function autoCandidate(resource: ResourceSpec, index: HeaderIndex, header: string, shape: HeaderShape): Candidate | FamilyMiss | null {
  const compact = compactHeader(header);
  if (!compact) return null;
  const hit = index.exact.get(compact);
  // Pivor's own names first: "contact_id" is Pivor's, whatever a family would read in it
  if (hit?.reason === 'key') return { field: hit.field, reason: hit.reason, score: exactScore[hit.reason] };
  const lookup = (text: string) => index.exact.get(compactHeader(text))?.field;
  const family = familyCandidate(resource, shape, lookup, header);
  if (family && 'miss' in family) return family;
  if (family) return { field: family.field, reason: 'alias', score: family.score, ...(family.detail ? { detail: family.detail } : {}), ...(family.reading ? { reading: family.reading } : {}) };
  if (hit) return { field: hit.field, reason: hit.reason === 'weak' ? 'alias' : hit.reason, score: exactScore[hit.reason] };
  const reordered = index.words.get(sortedWords(header));
  if (reordered) return { field: reordered, reason: 'fuzzy', score: FUZZY_CEILING, detail: `"${header}" has the words of ${reordered.label} in another order` };
  return fuzzyCandidate(index, header, compact);
}

/** A typo match: close enough, same digits ("Address 2" is never address_line_1), and no other field as close. */
function fuzzyCandidate(index: HeaderIndex, header: string, compact: string): Candidate | null {
  if (compact.length < FUZZY_MIN_LENGTH) return null;
  const digits = digitsOf(compact);
  const bestPerField = new Map<FieldSpec, number>();
  for (const s of index.spellings) {
    if (s.digits !== digits) continue;
    if (Math.abs(s.spelling.length - compact.length) > 2) continue; // cannot reach the threshold
    const sim = similarityOf(compact, s.spelling);
    if (sim > (bestPerField.get(s.field) ?? 0)) bestPerField.set(s.field, sim);
  }
  const ranked = [...bestPerField.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < FUZZY_THRESHOLD) return null;
  if (second && second[1] >= best[1]) return null; // two fields equally close: do not guess
  return { field: best[0], reason: 'fuzzy', score: best[1] * FUZZY_CEILING, detail: `"${header}" looks like ${best[0].label}` };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
