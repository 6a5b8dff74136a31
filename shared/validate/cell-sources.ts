// Fields whose value spans several columns (see CellSource in the map's types): the cell a row gives the field,
// and the notices a row earns when part of its data has no field (a second address, a third phone).
import { phoneKind, type AddressBlock, type CellSource, type PhoneSlot } from '../map/index.ts';
import type { Issue } from './types.ts';
import { rowIssue } from './messages.ts';

export type CellPick = (cells: readonly string[]) => string | undefined;
export type RowNote = (cells: readonly string[], row: number) => Issue[] | null;

const filled = (cell: string | undefined): cell is string => cell !== undefined && cell.trim() !== '';

export function cellPick(source: CellSource | undefined): CellPick | null {
  if (!source) return null;
  switch (source.kind) {
    case 'join': return (cells) => joined(cells, source.columns, source.separator);
    case 'block': return (cells) => {
      const block = rowBlock(cells, source.blocks);
      return block ? joined(cells, block.field, ', ') : undefined;
    };
    case 'labelled': return (cells) => {
      const slot = pickSlot(cells, source.slots, source.want);
      return slot ? cells[slot.value] : undefined;
    };
  }
}

/** The column a row's value comes from (the first it reads), so a message can name it; undefined: none filled. */
export function cellColumn(source: CellSource): (cells: readonly string[]) => number | undefined {
  switch (source.kind) {
    case 'join': return (cells) => source.columns.find((c) => filled(cells[c]));
    case 'block': return (cells) => rowBlock(cells, source.blocks)?.field.find((c) => filled(cells[c]));
    case 'labelled': return (cells) => pickSlot(cells, source.slots, source.want)?.value;
  }
}

function joined(cells: readonly string[], columns: readonly number[], separator: string): string | undefined {
  const parts = columns.map((c) => cells[c]).filter(filled).map((c) => c.trim());
  return parts.length ? parts.join(separator) : undefined;
}

/** The block a row takes its address from: the first (business or billing first) holding any value. */
function rowBlock(cells: readonly string[], blocks: readonly AddressBlock[]): AddressBlock | undefined {
  return blocks.find((b) => b.columns.some((c) => filled(cells[c])));
}

function pickSlot(cells: readonly string[], slots: readonly PhoneSlot[], want: 'phone' | 'mobile'): PhoneSlot | undefined {
  const kindOf = (s: PhoneSlot) => phoneKind(s.label === null ? s.named : cells[s.label]);
  const withValue = slots.filter((s) => filled(cells[s.value]));
  if (want === 'mobile') return withValue.find((s) => kindOf(s) === 'mobile');
  return withValue.find((s) => kindOf(s) === 'work') ?? withValue.find((s) => kindOf(s) === 'other');
}

/** The notices of one source, or null when it earns none (a join says nothing: nothing is left out). */
export function rowNote(source: CellSource): RowNote | null {
  if (source.kind === 'block') return (cells, row) => blockNote(cells, row, source.blocks);
  if (source.kind === 'labelled' && source.want === 'phone') return (cells, row) => phoneNote(cells, row, source.slots);
  return null;
}

function blockNote(cells: readonly string[], row: number, blocks: readonly AddressBlock[]): Issue[] | null {
  const withValues = blocks.filter((b) => b.columns.some((c) => filled(cells[c])));
  if (withValues.length === 0) return null;
  const [taken, ...left] = withValues;
  const issues: Issue[] = [];
  if (taken !== blocks[0]) {
    issues.push(rowIssue(row, 'info', 'address-block', `the address is the ${taken!.name} address (the row has no ${blocks[0]!.name} address)`, null, null));
  }
  for (const b of left) {
    issues.push(rowIssue(row, 'warning', 'address-not-imported', `the ${b.name} address is not imported: a record keeps one address, and the ${taken!.name} one is taken`, null, null));
  }
  return issues.length ? issues : null;
}

function phoneNote(cells: readonly string[], row: number, slots: readonly PhoneSlot[]): Issue[] | null {
  const used = new Set([pickSlot(cells, slots, 'phone'), pickSlot(cells, slots, 'mobile')]);
  const left = slots.filter((s) => filled(cells[s.value]) && !used.has(s));
  if (left.length === 0) return null;
  return left.map((s) => {
    const label = s.label === null ? '' : (cells[s.label] ?? '').trim();
    const why = phoneKind(label) === 'never' ? 'Pivor keeps no fax or pager numbers' : 'the phone and mobile are already taken';
    return rowIssue(row, 'warning', 'phone-not-imported', `"${cells[s.value]!.trim()}"${label ? ` (${label})` : ''} is not imported: ${why}`, s.header, null);
  });
}
