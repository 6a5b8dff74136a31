// Guesses which resource a file holds from its headers alone: how much maps, and whether the required fields are there.
import { resourceNames, getResource, type ResourceName } from '../resources/index.ts';
import { fullNameField, NAME_PARTS } from './full-name.ts';
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

export function detectResource(headers: readonly string[]): ResourceDetection {
  const named = headers.filter((h) => h.trim() !== '').length;
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
    const score = mappedColumns.length === 0 ? 0 : 0.6 * coverage + 0.4 * requiredShare;
    return { resource: name, score: Math.round(score * 1000) / 1000, mapped: mappedColumns.length, requiredMissing };
  });
  candidates.sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  const confidence = best?.score ?? 0;
  const resource = best && confidence >= MIN_DETECTION_SCORE ? best.resource : null;
  const ambiguous = resource !== null && second !== undefined && confidence - second.score < AMBIGUITY_MARGIN;
  return { resource, confidence, ambiguous, candidates };
}
