// Header families (see header-family.ts) turned into fields: which field a prefixed, numbered or blocked header
// fills, and, once every column has a field, where values that span several columns come from.
import { labelOf, type FieldSpec, type ResourceSpec } from '../resources/index.ts';
import { compactHeader } from './header-key.ts';
import { BLOCK_ORDER, type Entity, type HeaderShape } from './header-family.ts';
import { notAPhone, phoneSlots } from './phone-columns.ts';
import { phoneKind } from './phone-kind.ts';
import type { AddressBlock, CellReading, ColumnMapping, PhoneSlot, UnmappedReason } from './types.ts';

export interface FamilyHit { field: FieldSpec; score: number; detail?: string; reading?: CellReading }
export interface FamilyMiss { miss: UnmappedReason; detail: string; candidate?: string }

/** The entity whose "X - " prefix means the resource itself. */
const OWN: Record<ResourceSpec['name'], Entity> = { clients: 'organization', contacts: 'person', communications: 'activity' };
/** Fields a numbered Google Contacts slot fills, by its base and part. */
const SLOT_FIELDS: Record<string, Record<string, string>> = {
  email: { value: 'email' },
  phone: { value: 'phone' },
  website: { value: 'website' },
  organization: { name: 'Organization Name', title: 'Organization Title', department: 'Organization Department' },
};
const DONE = new Set(['done', 'isdone', 'markedasdone']);
const TIME = new Set(['duetime', 'time', 'starttime']);

type Lookup = (header: string) => FieldSpec | undefined;

/** The family's reading of a header; undefined when the header belongs to no family (the alias lookup decides). */
export function familyCandidate(resource: ResourceSpec, shape: HeaderShape, lookup: Lookup, header: string): FamilyHit | FamilyMiss | undefined {
  if (shape.foreign) return { miss: 'foreign', detail: shape.foreign };
  if (shape.entity && shape.entity !== OWN[resource.name]) return otherEntity(resource, shape, lookup, header);
  const { slot, block } = shape;
  if (slot) return slotCandidate(resource, shape, lookup);
  if (block) {
    if (block.part === 'po_box') return { miss: 'unknown', detail: 'Pivor has no PO box field' };
    const key = block.part === 'address_line_3' ? 'address_line_2' : block.part === 'formatted' ? 'address_line_1' : block.part;
    const field = resource.fields.find((f) => f.key === key);
    return field ? { field, score: block.part === 'formatted' ? 0.9 : 0.95 } : undefined;
  }
  const rest = compactHeader(shape.rest);
  const status = resource.fields.find((f) => f.key === 'status' && f.enum?.csv.includes('completed'));
  if (status && DONE.has(rest)) return { field: status, score: 0.9, reading: 'done-flag', detail: `"${header}" says whether it is done: read as status completed or pending` };
  const labelled = LABELLED.exec(shape.rest);
  if (labelled) return labelledCandidate(resource, labelled[1]!, labelled[2]!);
  if (shape.entity) {
    const field = lookup(shape.rest);
    return field ? { field, score: 0.95 } : { miss: 'unknown', detail: `no ${resource.singular} field is "${shape.rest}"` };
  }
  return undefined;
}

// "Email - Work", "Phone - Mobile" (Pipedrive): the label picks the field; work first, then the others in file order.
const LABELLED = /^(e-?mail|phone)\s+-\s+(.+)$/i;

function labelledCandidate(resource: ResourceSpec, base: string, label: string): FamilyHit | FamilyMiss | undefined {
  const kind = /mobile|cell/i.test(label) ? 'mobile' : /fax|pager/i.test(label) ? 'never' : /work|main|business|office/i.test(label) ? 'work' : 'other';
  if (kind === 'never') return { miss: 'unknown', detail: 'Pivor keeps no fax or pager numbers' };
  const key = /phone/i.test(base) ? (kind === 'mobile' ? 'mobile' : 'phone') : 'email';
  const field = resource.fields.find((f) => f.key === key);
  if (!field) return undefined;
  return { field, score: kind === 'work' || kind === 'mobile' ? 0.95 : 0.9 };
}

function otherEntity(resource: ResourceSpec, shape: HeaderShape, lookup: Lookup, header: string): FamilyHit | FamilyMiss {
  const target = shape.entity === 'organization' ? 'clients' : shape.entity === 'person' ? 'contacts' : null;
  const reference = resource.fields.find((f) => f.type === 'reference' && f.reference?.resource === target);
  if (reference && compactHeader(shape.rest) === 'name') return { field: reference, score: 0.95 };
  void lookup;
  const what = shape.entity === 'deal' || shape.entity === 'lead' || shape.entity === 'product' ? `Pivor has no ${shape.entity}s` : `not the ${resource.singular}`;
  return { miss: 'unknown', detail: `"${header}" describes the ${shape.entity}: ${what}` };
}

function slotCandidate(resource: ResourceSpec, shape: HeaderShape, lookup: Lookup): FamilyHit | FamilyMiss {
  const { base, n, part } = shape.slot!;
  const kind = base === 'e-mail' || base === 'email' ? 'email' : base;
  if (part === 'label' || part === 'type') {
    return kind === 'phone'
      ? { miss: 'combined', candidate: 'phone', detail: `says whether Phone ${n} is a mobile or a phone` }
      : { miss: 'unknown', detail: `the label of slot ${n}: Pivor keeps no labels` };
  }
  const target = kind === 'address' ? addressPart(part) : SLOT_FIELDS[kind]?.[part];
  const field = target === undefined ? undefined : resource.fields.find((f) => f.key === target) ?? lookup(target);
  if (!field) return { miss: 'unknown', detail: `no ${resource.singular} field holds this` };
  if (n > 1 && kind !== 'phone') return { miss: 'duplicate', detail: `only the first ${kind} (slot 1) is imported` };
  // the formatted address stands in for the street only when the file has no street column
  const score = (part === 'formatted' ? 0.9 : 0.95) - n / 1000;
  return { field, score, reading: 'multi-value' };
}

function addressPart(part: string): string | undefined {
  const parts: Record<string, string> = {
    street: 'address_line_1', formatted: 'address_line_1', extendedaddress: 'address_line_2', city: 'city', region: 'county', postalcode: 'postcode', country: 'country',
  };
  return parts[part];
}

/**
 * Once each column has its field: values that come from several columns. Address blocks give their field per row
 * from one block; numbered phones go to phone or mobile by their labels; a due time joins its date.
 * Changes `columns` in place; returns the extra fields a column fills.
 */
export function attachSources(resource: ResourceSpec, columns: ColumnMapping[], shapes: readonly HeaderShape[]): ColumnMapping[] {
  attachBlocks(resource, columns, shapes);
  attachTime(resource, columns, shapes);
  for (const column of columns) {
    const why = column.field === null && column.reason === 'unknown' ? notAPhone(column.header) : undefined;
    if (why) column.detail = why;
  }
  return attachPhones(resource, columns, shapes);
}

/** The address field a block column fills, whether it won its field or lost it to another block. */
function blockField(column: ColumnMapping): string | null {
  if (column.reason === 'user') return null;
  const key = column.field ?? (column.reason === 'duplicate' ? column.candidate ?? null : null);
  return key !== null && ADDRESS_KEYS.has(key) ? key : null;
}

const ADDRESS_KEYS = new Set(['address_line_1', 'address_line_2', 'city', 'county', 'postcode', 'country']);

function attachBlocks(resource: ResourceSpec, columns: ColumnMapping[], shapes: readonly HeaderShape[]): void {
  const names = [...new Set(shapes.flatMap((s, i) => (s.block && blockField(columns[i]!) ? [s.block.name] : [])))];
  if (names.length === 0) return;
  names.sort((a, b) => rank(a) - rank(b));
  const inBlock = (name: string) => columns.filter((c, i) => blockField(c) !== null && shapes[i]!.block?.name === name);
  const fields = [...new Set(names.flatMap((name) => inBlock(name).map((c) => blockField(c)!)))];
  const title = (name: string) => (name === 'address' ? 'Address' : name[0]!.toUpperCase() + name.slice(1));
  for (const key of fields) {
    const blocks: AddressBlock[] = names.map((name) => ({
      name: title(name),
      columns: inBlock(name).map((c) => c.index),
      field: inBlock(name).filter((c) => blockField(c) === key).map((c) => c.index),
    }));
    const primary = blocks.find((b) => b.field.length > 0)!.field[0]!;
    for (const block of blocks) {
      for (const index of block.field) {
        const column = columns[index]!;
        if (index === primary) {
          Object.assign(column, { field: key, reason: 'alias', score: 0.95 });
          delete column.candidate;
          column.source = { kind: 'block', blocks };
          column.detail = blocks.length > 1
            ? `${labelOf(resource, key)} from the ${block.name} address; a row without one takes its ${blocks.slice(1).map((b) => b.name).join(', then ')} address (never two mixed)`
            : `${labelOf(resource, key)} from the ${block.name} address`;
        } else {
          Object.assign(column, { field: null, reason: 'combined', candidate: key, detail: `read as ${labelOf(resource, key)} for rows whose address is their ${block.name} address` });
        }
      }
    }
  }
}

function rank(name: string): number {
  const i = (BLOCK_ORDER as readonly string[]).indexOf(name);
  return i < 0 ? BLOCK_ORDER.length : i;
}

function attachTime(resource: ResourceSpec, columns: ColumnMapping[], shapes: readonly HeaderShape[]): void {
  const date = columns.find((c) => c.field === 'due_at');
  const time = columns.find((c, i) => c.field === null && TIME.has(compactHeader(shapes[i]!.rest)));
  if (!date || !time) return;
  date.source = { kind: 'join', columns: [date.index, time.index], separator: ' ' };
  date.detail = `${labelOf(resource, 'due_at')} from "${date.header}" and the time in "${time.header}"`;
  Object.assign(time, { reason: 'combined', candidate: 'due_at', detail: `the time of "${date.header}"` });
}

/** Phone slots (see phone-columns.ts): phone and mobile each take, per row, the first slot whose label fits. */
function attachPhones(resource: ResourceSpec, columns: ColumnMapping[], shapes: readonly HeaderShape[]): ColumnMapping[] {
  const slots = phoneSlots(columns, shapes);
  if (slots.length === 0 || !resource.fields.some((f) => f.key === 'mobile')) return [];
  const taken = (key: string) => columns.some((c) => c.field === key && !slots.some((s) => s.value === c.index));
  const extra: ColumnMapping[] = [];
  const wanted = (['phone', 'mobile'] as const).filter((key) => !taken(key));
  wanted.forEach((want, w) => {
    const home = slotFor(slots, want, w);
    if (home === null) return;
    const mapped = {
      field: want, reason: 'alias' as const, score: 0.95, source: { kind: 'labelled' as const, want, slots }, reading: 'multi-value' as const,
      detail: phoneDetail(resource, slots, want),
    };
    const own = home === undefined ? undefined : columns[home.value]!;
    if (own && own.source === undefined) {
      delete own.candidate;
      Object.assign(own, mapped);
    } else extra.push({ index: slots[0]!.value, header: slots[0]!.header, ...mapped });
  });
  for (const s of slots) {
    const column = columns[s.value]!;
    if (column.source?.kind === 'labelled') continue;
    Object.assign(column, { field: null, reason: 'combined', ...laterSlot(s) });
  }
  return extra;
}

/**
 * The column shown as filling `want`: for numbered slots, the w-th (labels are per row); for named ones, the first
 * of a fitting kind, or null when none fits (a file without a mobile column maps no mobile).
 */
function slotFor(slots: readonly PhoneSlot[], want: 'phone' | 'mobile', w: number): PhoneSlot | undefined | null {
  if (slots[0]!.named === undefined) return slots[w];
  const kinds = want === 'mobile' ? ['mobile'] : ['work', 'other'];
  for (const kind of kinds) {
    const slot = slots.find((s) => phoneKind(s.named) === kind);
    if (slot) return slot;
  }
  return null;
}

/** What a slot that does not show as its field's column is read as. */
function laterSlot(slot: PhoneSlot): Pick<ColumnMapping, 'candidate' | 'detail'> {
  if (slot.named === undefined) return { candidate: 'phone', detail: 'read as the phone or the mobile, by its label' };
  const want = phoneKind(slot.named) === 'mobile' ? 'mobile' : 'phone';
  return { candidate: want, detail: `read as the ${want} for a row without a number in the columns ahead of it (see the ${want} column)` };
}

function phoneDetail(resource: ResourceSpec, slots: readonly PhoneSlot[], want: 'phone' | 'mobile'): string {
  const field = labelOf(resource, want);
  if (slots[0]!.named === undefined) {
    return `${field} from the first numbered phone labelled ${want === 'mobile' ? 'Mobile' : 'Work or Main (else Home, Other or none)'}`;
  }
  const order = want === 'mobile' ? ['mobile'] : ['work', 'other'];
  const headers = order.flatMap((kind) => slots.filter((s) => phoneKind(s.named) === kind).map((s) => s.header));
  return headers.length > 1 ? `${field} from the first of ${headers.join(', ')} that the row fills` : `${field} from ${headers[0]}`;
}
