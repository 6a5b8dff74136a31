// Client and contact names that do not resolve to exactly one record: a name with no exact match but a near one
// ("Meridian Engineering" against "Meridian Engineering Ltd"), or one shared by several records. Neither is ever
// linked, nor created anew, silently: the row is held with the candidates named, until the file says which (its
// client_id or contact_id column) or the user chooses (a RowChoice: link one, or create a new client).
import { findField, type FieldSpec, type ResourceSpec } from '../resources/index.ts';
import { statusOf } from '../validate/levels.ts';
import type { Issue, References, ValidatedRow, ValidationReport } from '../validate/types.ts';
import { looseName, nameKey } from './name-match.ts';
import type { Candidate, Question, RowChoice } from './types.ts';

const REFERENCE_CODES = new Set(['unknown-reference', 'ambiguous-reference']);

/** The records a name may mean: the same name several times ('same'), or near names when none is the same. */
export function nameCandidates(field: FieldSpec, name: string, references: References | undefined): Candidate[] {
  const target = field.reference?.resource;
  const entries = target === 'clients'
    ? (references?.clients ?? []).map((c) => ({ id: c.id, names: [c.name, c.trading_name ?? ''], label: `client ${c.id} (${c.name})` }))
    : target === 'contacts'
      ? (references?.contacts ?? []).map((p) => ({ id: p.id, names: [`${p.first_name} ${p.last_name}`], label: `contact ${p.id} (${p.first_name} ${p.last_name})` }))
      : [];
  const same = entries.filter((e) => e.names.some((n) => n !== '' && nameKey(n) === nameKey(name)));
  const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
  if (same.length > 0) return same.sort(byId).map((e) => ({ id: e.id, label: e.label, match: 'same' as const }));
  const loose = looseName(name);
  if (loose === '') return [];
  const near = entries.filter((e) => e.names.some((n) => n !== '' && looseName(n) === loose));
  return near.sort(byId).map((e) => ({ id: e.id, label: e.label, match: 'near' as const }));
}

export interface SettledReferences {
  row: ValidatedRow;
  /** Set when a name is left unresolved and has candidates to choose from. */
  question?: Question;
}

function isOpenReference(issue: Issue): boolean {
  return issue.severity === 'error' && issue.field !== null && REFERENCE_CODES.has(issue.code);
}

/**
 * Resolves the row's unresolved names that the file or the user settles: an id column naming one of the candidates,
 * or a `{ use: id }` choice. A name left with candidates gets the question to ask; others keep their error.
 * Undefined when the row has no unresolved name.
 */
export function settleReferences(
  spec: ResourceSpec, row: ValidatedRow, references: References | undefined, choice: RowChoice | undefined, canCreateClients: boolean,
): SettledReferences | undefined {
  if (!row.issues.some(isOpenReference)) return undefined;
  const open = row.issues.filter(isOpenReference);
  const values = { ...row.values };
  const settled = new Set<Issue>();
  let question: Question | undefined;
  for (const issue of open) {
    const field = findField(spec, issue.field!);
    const name = values[issue.field!];
    if (!field?.reference || typeof name !== 'string') continue;
    const candidates = nameCandidates(field, name, references);
    const chosen = choice?.reference !== undefined && choice.reference !== 'create' ? choice.reference.use : undefined;
    const given = values[field.reference.idField];
    const id = chosen ?? (typeof given === 'number' && candidates.some((c) => c.id === given) ? given : undefined);
    if (id !== undefined) {
      values[field.reference.idField] = id;
      settled.add(issue);
    } else if (candidates.length > 0) {
      question ??= { about: 'reference', field: field.key, name, candidates, canCreate: field.reference.resource === 'clients' && canCreateClients };
    }
  }
  if (settled.size === 0) return question ? { row, question } : { row };
  const issues = row.issues.filter((i) => !settled.has(i));
  const status = statusOf(issues);
  return { row: { ...row, values, issues, status }, ...(question ? { question } : {}) };
}

/** The reason a row held for a name question gives: the validator's message plus the candidates. */
export function referenceReason(question: Question): string {
  const names = question.candidates.map((c) => c.label).join(', ');
  const noun = question.field === 'contact_name' ? 'contact' : 'client';
  const idField = question.field === 'contact_name' ? 'contact_id' : 'client_id';
  if (question.candidates.every((c) => c.match === 'same')) {
    return `${question.candidates.length} ${noun}s in Pivor are named "${question.name}" (${names}): give the id of the one meant in a ${idField} column`;
  }
  return `no ${noun} named "${question.name}" in Pivor, but ${names} is near: to link it, give its id in a ${idField} column`;
}

/**
 * The client names rows could not resolve and nothing in Pivor comes near, plus names near an existing client that
 * the user chose to create anyway: the clients "create missing clients" makes. Ambiguous names are never missing.
 */
export function missingClientNames(report: ValidationReport, references: References | undefined, choices: Readonly<Record<number, RowChoice>> = {}): string[] {
  const seen = new Map<string, string>();
  for (const row of report.rows) {
    for (const issue of row.issues) {
      if (issue.code !== 'unknown-reference' || issue.field !== 'client_name') continue;
      const name = row.values[issue.field];
      if (typeof name !== 'string') continue;
      const loose = looseName(name);
      const near = loose !== '' && references?.clients?.some((c) => [c.name, c.trading_name ?? ''].some((n) => n !== '' && looseName(n) === loose));
      if (near && choices[row.row]?.reference !== 'create') continue;
      const key = nameKey(name);
      if (!seen.has(key)) seen.set(key, name.trim());
    }
  }
  return [...seen.values()];
}
