// The columns a file gives its phone numbers in, as slots read by their label: Google's numbered slots (the label
// is a cell of the row), or, when a file has more phone columns named by their kind than Pivor has fields
// (Outlook's Business, Home, Mobile, Other and Primary Phone; Salesforce's Home Phone and Other Phone beside Phone),
// those columns, labelled by their header. Phone and mobile then take, per row, the first filled slot that fits,
// so a row with only a Home Phone keeps it.
import type { HeaderShape } from './header-family.ts';
import { phoneKind } from './phone-kind.ts';
import type { ColumnMapping, PhoneSlot } from './types.ts';

// "Home Phone", "Phone", "Business Phone 2", "Mobile Phone Number"; "Phone - Home" (Pipedrive); "Mobile", "Cell"
const KIND_FIRST = /^(?:(.+?)\s+)?(?:phone|telephone|tel)(?:\s+(?:number|no\.?))?(?:\s+\d)?$/i;
const KIND_AFTER = /^phone\s+-\s+(.+)$/i;
const MOBILE_ONLY = /^(mobile|cell|cellphone)(?:\s+(?:number|no\.?))?$/i;
// another person's number: never the contact's own
const SOMEONE_ELSE = /assistant|\basst\b/i;

export function phoneSlots(columns: readonly ColumnMapping[], shapes: readonly HeaderShape[]): PhoneSlot[] {
  const numbered = numberedSlots(columns, shapes);
  return numbered.length > 0 ? numbered : namedSlots(columns, shapes);
}

function numberedSlots(columns: readonly ColumnMapping[], shapes: readonly HeaderShape[]): PhoneSlot[] {
  const slots: PhoneSlot[] = [];
  shapes.forEach((s, i) => {
    if (s.slot?.base !== 'phone' || s.slot.part !== 'value') return;
    const label = shapes.findIndex((t) => t.slot?.base === 'phone' && t.slot.n === s.slot!.n && (t.slot.part === 'label' || t.slot.part === 'type'));
    slots.push({ value: i, label: label < 0 ? null : label, header: columns[i]!.header });
  });
  return slots;
}

/** Columns named by their kind, only when there are more than one for phone or for mobile (else each maps alone). */
function namedSlots(columns: readonly ColumnMapping[], shapes: readonly HeaderShape[]): PhoneSlot[] {
  const slots: PhoneSlot[] = [];
  columns.forEach((column, i) => {
    const named = column.reason === 'user' || shapes[i]!.slot || shapes[i]!.foreign ? undefined : kindWords(shapes[i]!.rest);
    if (named !== undefined) slots.push({ value: i, label: null, header: column.header, named });
  });
  const count = (test: (kind: string) => boolean) => slots.filter((s) => test(phoneKind(s.named))).length;
  const more = count((k) => k === 'work' || k === 'other') > 1 || count((k) => k === 'mobile') > 1;
  return more ? slots.filter((s) => phoneKind(s.named) !== 'never') : [];
}

/** The words of a header that say what kind of phone it holds ("Home"; "Work" for a plain "Phone"), or undefined. */
function kindWords(header: string): string | undefined {
  if (SOMEONE_ELSE.test(header)) return undefined;
  const after = KIND_AFTER.exec(header);
  if (after) return after[1]!;
  if (MOBILE_ONLY.test(header)) return 'mobile';
  const first = KIND_FIRST.exec(header);
  return first ? first[1] ?? 'work' : undefined;
}

/** Why a phone-like column Pivor has no field for is left out, in words; undefined for other columns. */
export function notAPhone(header: string): string | undefined {
  if (/\b(?:fax|pager|telex)\b/i.test(header)) return 'Pivor keeps no fax, pager or telex numbers';
  if (SOMEONE_ELSE.test(header) && /phone|tel/i.test(header)) return "it is the assistant's number, not the contact's";
  return undefined;
}
