// The JSON of Pivor's API resources (ClientResource, ContactResource, CommunicationResource): key order,
// casts (decimal:2 → "1234.50", boolean, integer, dates → ISO 8601 `+00:00`), accessors (display_name,
// full address, full_name, initials, is_task, is_overdue) and relations present only when loaded.
// Input is the model's attributes: a database row, or what a create/update set (raw values, as Eloquent
// keeps them until the next fetch).
import { isPast, toIso8601 } from '../db/clock.ts';
import { toBool, toDecimal2, toInt } from '../validation/php-values.ts';

export type Attributes = Record<string, unknown>;
const get = (a: Attributes, key: string): unknown => (a[key] === undefined ? null : a[key]);

function address(a: Attributes) {
  const parts = ['address_line_1', 'address_line_2', 'city', 'county', 'postcode', 'country'].map((k) => a[k]);
  return {
    line_1: get(a, 'address_line_1'),
    line_2: get(a, 'address_line_2'),
    city: get(a, 'city'),
    county: get(a, 'county'),
    postcode: get(a, 'postcode'),
    country: get(a, 'country'),
    // array_filter drops null, '' and '0'.
    full: parts.filter((p) => p !== null && p !== undefined && p !== '' && p !== '0').join(', '),
  };
}

export interface ClientRelations {
  contacts?: Attributes[];
  communications?: Attributes[];
}

export function clientJson(a: Attributes, relations: ClientRelations = {}): Record<string, unknown> {
  const tradingName = get(a, 'trading_name');
  return {
    id: get(a, 'id'),
    uuid: get(a, 'uuid'),
    name: get(a, 'name'),
    trading_name: tradingName,
    display_name: tradingName !== null && tradingName !== '' && tradingName !== '0' ? tradingName : get(a, 'name'),
    registration_number: get(a, 'registration_number'),
    vat_number: get(a, 'vat_number'),
    type: get(a, 'type'),
    status: get(a, 'status'),
    email: get(a, 'email'),
    phone: get(a, 'phone'),
    website: get(a, 'website'),
    address: address(a),
    industry: get(a, 'industry'),
    employee_count: toInt(a.employee_count),
    annual_revenue: toDecimal2(a.annual_revenue),
    notes: get(a, 'notes'),
    assigned_to: get(a, 'assigned_to'),
    ...(relations.contacts ? { contacts: relations.contacts.map((c) => contactJson(c)) } : {}),
    ...(relations.communications ? { communications: relations.communications.map((c) => communicationJson(c)) } : {}),
    created_at: toIso8601(a.created_at),
    updated_at: toIso8601(a.updated_at),
  };
}

export interface ContactRelations {
  client?: Attributes | null;
  communications?: Attributes[];
}

/** `$first_name[0]` upper-cased, per name. PHP takes the first byte; this takes the first character. */
/** What json_encode throws on a string that is not UTF-8. */
export class MalformedUtf8Error extends Error {
  constructor(field: string) {
    super(`Malformed UTF-8 characters, possibly incorrectly encoded (the initial of ${field})`);
  }
}

/**
 * Pivor's getInitialsAttribute: `$name ? strtoupper($name[0]) : ''`. PHP takes the first BYTE: of a name
 * starting outside ASCII that is half a character, and encoding the reply fails (a 500, the row saved).
 * "0" is false in PHP, so it gives no initial.
 */
function initial(name: unknown, field: string): string {
  if (typeof name !== 'string' || name === '' || name === '0') return '';
  if (name.charCodeAt(0) > 0x7f) throw new MalformedUtf8Error(field);
  return name[0]!.toUpperCase();
}

function initials(a: Attributes): string {
  return initial(a.first_name, 'first_name') + initial(a.last_name, 'last_name');
}

export function contactJson(a: Attributes, relations: ContactRelations = {}): Record<string, unknown> {
  const first = get(a, 'first_name');
  const last = get(a, 'last_name');
  return {
    id: get(a, 'id'),
    uuid: get(a, 'uuid'),
    first_name: first,
    last_name: last,
    full_name: `${first ?? ''} ${last ?? ''}`.trim(),
    initials: initials(a),
    email: get(a, 'email'),
    phone: get(a, 'phone'),
    mobile: get(a, 'mobile'),
    job_title: get(a, 'job_title'),
    department: get(a, 'department'),
    client_id: get(a, 'client_id'),
    ...(relations.client !== undefined ? { client: relations.client === null ? null : clientJson(relations.client) } : {}),
    is_primary_contact: toBool(a.is_primary_contact),
    address: address(a),
    linkedin_url: get(a, 'linkedin_url'),
    status: get(a, 'status'),
    notes: get(a, 'notes'),
    assigned_to: get(a, 'assigned_to'),
    ...(relations.communications ? { communications: relations.communications.map((c) => communicationJson(c)) } : {}),
    created_at: toIso8601(a.created_at),
    updated_at: toIso8601(a.updated_at),
  };
}

export interface CommunicationRelations {
  client?: Attributes | null;
  contact?: Attributes | null;
  createdBy?: Attributes | null;
  assignedUser?: Attributes | null;
}

export function communicationJson(a: Attributes, relations: CommunicationRelations = {}): Record<string, unknown> {
  const dueAt = get(a, 'due_at');
  const completedAt = get(a, 'completed_at');
  const user = (u: Attributes | null) => (u === null ? null : { id: u.id, name: u.name });
  return {
    id: get(a, 'id'),
    uuid: get(a, 'uuid'),
    type: get(a, 'type'),
    direction: get(a, 'direction'),
    subject: get(a, 'subject'),
    content: get(a, 'content'),
    client_id: get(a, 'client_id'),
    ...(relations.client !== undefined ? { client: relations.client === null ? null : clientJson(relations.client) } : {}),
    contact_id: get(a, 'contact_id'),
    ...(relations.contact !== undefined ? { contact: relations.contact === null ? null : contactJson(relations.contact) } : {}),
    due_at: toIso8601(dueAt),
    completed_at: toIso8601(completedAt),
    priority: get(a, 'priority'),
    status: get(a, 'status'),
    is_task: a.type === 'task',
    is_overdue: dueAt !== null && isPast(dueAt) && completedAt === null,
    created_by: get(a, 'created_by'),
    ...(relations.createdBy !== undefined ? { created_by_user: user(relations.createdBy) } : {}),
    assigned_to: get(a, 'assigned_to'),
    ...(relations.assignedUser !== undefined ? { assigned_user: user(relations.assignedUser) } : {}),
    created_at: toIso8601(a.created_at),
    updated_at: toIso8601(a.updated_at),
  };
}
