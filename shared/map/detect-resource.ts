// Guesses which resource a file holds from its headers alone: how much maps, and whether the required fields are there.
import { resourceNames, getResource, type ResourceName } from '../resources/index.ts';
import { fullNameField, NAME_PARTS } from './full-name.ts';
import { headerShape } from './header-family.ts';
import { mapHeaders } from './map-headers.ts';

export interface ResourceGuess {
  resource: ResourceName;
  /** 0..1: 60% share of headers mapped (weighted by match quality), 40% share of required fields present. */
  score: number;
  /** How many columns map to a field. */
  mapped: number;
  /** Required fields no column fills. */
  requiredMissing: string[];
}

export interface ResourceDetection {
  /** The best guess, or null when nothing maps well enough to say. */
  resource: ResourceName | null;
  /** The best guess's score (0..1). */
  confidence: number;
  /** True when the runner-up scores nearly as high: ask the user instead of guessing. */
  ambiguous: boolean;
  /** Every resource, best first. */
  candidates: ResourceGuess[];
}

/** Below this score no resource is named. */
export const MIN_DETECTION_SCORE = 0.35;
/** A runner-up this close makes the guess ambiguous. */
export const AMBIGUITY_MARGIN = 0.05;

/** What a file's own columns say it holds, before any score: people's names, or "X - " prefixes naming an entity. */
function signals(headers: readonly string[]): { people: boolean; prefixed: Partial<Record<ResourceName, number>> } {
  const contacts = mapHeaders(getResource('contacts'), headers);
  const people = contacts.byField.first_name !== undefined && contacts.byField.last_name !== undefined;
  const prefixed: Partial<Record<ResourceName, number>> = {};
  const own: Record<string, ResourceName> = { organization: 'clients', person: 'contacts', activity: 'communications' };
  for (const h of headers) {
    const r = own[headerShape(h).entity ?? ''];
    if (r) prefixed[r] = (prefixed[r] ?? 0) + 1;
  }
  return { people, prefixed };
}

export function detectResource(headers: readonly string[]): ResourceDetection {
  const named = headers.filter((h) => h.trim() !== '').length;
  const { people, prefixed } = signals(headers);
  const mostPrefixed = Math.max(0, ...Object.values(prefixed));
  const candidates = resourceNames.map((name): ResourceGuess => {
    const resource = getResource(name);
    const mapping = mapHeaders(resource, headers);
    const mappedColumns = mapping.columns.filter((c) => c.field !== null);
    const weight = mappedColumns.reduce((sum, c) => sum + (c.score ?? 0), 0);
    const fullName = fullNameField(resource);
    const hasFullName = fullName !== undefined && mapping.byField[fullName] !== undefined;
    const required = resource.fields.filter((f) => f.required);
    const requiredMissing = required
      .filter((f) => mapping.byField[f.key] === undefined)
      .filter((f) => !(hasFullName && (f.key === NAME_PARTS.first || f.key === NAME_PARTS.last)))
      .map((f) => f.key);
    const coverage = named === 0 ? 0 : weight / named;
    const requiredShare = required.length === 0 ? 1 : (required.length - requiredMissing.length) / required.length;
    let score = mappedColumns.length === 0 ? 0 : 0.6 * coverage + 0.4 * requiredShare;
    // A file naming people in first and last name columns lists people, even when it names their company too;
    // a file whose columns are mostly "Person - …" lists people (Pipedrive names the entity in every header).
    if (people && name === 'clients') score -= 0.2;
    if (mostPrefixed > 0 && (prefixed[name] ?? 0) < mostPrefixed) score -= 0.2;
    score = Math.max(0, score);
    return { resource: name, score: Math.round(score * 1000) / 1000, mapped: mappedColumns.length, requiredMissing };
  });
  candidates.sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  const confidence = best?.score ?? 0;
  const resource = best && confidence >= MIN_DETECTION_SCORE ? best.resource : null;
  const ambiguous = resource !== null && second !== undefined && confidence - second.score < AMBIGUITY_MARGIN;
  return { resource, confidence, ambiguous, candidates };
}
