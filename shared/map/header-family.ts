// Header families: the shapes other systems give their headers, read before any alias lookup.
// - entity prefixes (Pipedrive and others): "Person - Email - Work", "Organization - Name", "Activity - Due date";
// - numbered slots (Google Contacts): "E-mail 1 - Value", "Phone 2 - Label", "Address 1 - City", "Organization 1 - Title";
// - address blocks with a prefix: Outlook's Business/Home/Other, Salesforce's and Zoho's Billing/Shipping/Mailing;
// - other systems' record ids and owners, which never fill Pivor's fields.
import { compactHeader } from './header-key.ts';

export type Entity = 'organization' | 'person' | 'activity' | 'deal' | 'lead' | 'product';

export interface HeaderShape {
  /** The entity a "X - " prefix names, and the header without it. */
  entity?: Entity;
  /** A numbered slot: its kind (compact base: "email", "phone", "address"…), number and part ("value", "label", "city"). */
  slot?: { base: string; n: number; part: string };
  /** An address block: its name ("business"), and which part of an address the column holds. */
  block?: { name: string; part: AddressPart };
  /** Another system's id or owner: why it is never mapped. */
  foreign?: string;
  /** The header left to look up once the family is read ("Email - Work", "Name"). */
  rest: string;
}

export type AddressPart = 'address_line_1' | 'address_line_2' | 'address_line_3' | 'city' | 'county' | 'postcode' | 'country' | 'formatted' | 'po_box';

const ENTITY = /^(activity|person|organi[sz]ation|deal|lead|product)\s+-\s+(.+)$/i;
const SLOT = /^(.+?)\s+(\d{1,2})\s+-\s+(.+)$/;
// "Business Street 2", "Billing Code", "Mailing Zip/Postal Code", "Address - City/town" (Pipedrive)
const BLOCK = /^(business|home|other|billing|shipping|mailing|work|address\s+-)\s+(.+)$/i;

/** Blocks in the order one is taken when a row has several: business or billing first. */
export const BLOCK_ORDER = ['business', 'billing', 'mailing', 'work', 'address', 'home', 'shipping', 'other'] as const;

const PARTS: Record<string, AddressPart> = {
  street: 'address_line_1', address: 'address_line_1', streetaddress: 'address_line_1', street1: 'address_line_1', addressline1: 'address_line_1',
  streetroadname: 'address_line_1', street2: 'address_line_2', addressline2: 'address_line_2', extendedaddress: 'address_line_2',
  apartmentsuiteno: 'address_line_2', street3: 'address_line_3', addressline3: 'address_line_3',
  city: 'city', citytown: 'city', town: 'city',
  state: 'county', region: 'county', province: 'county', stateprovince: 'county', stateregion: 'county', statecounty: 'county', county: 'county',
  postalcode: 'postcode', postcode: 'postcode', zip: 'postcode', zipcode: 'postcode', zippostalcode: 'postcode', code: 'postcode',
  country: 'country', countryregion: 'country', formatted: 'formatted', fullcombinedaddress: 'formatted', pobox: 'po_box',
};

// Ids other systems give their records, and the people who own them there: Pivor's are not these.
const FOREIGN_ID = /^(?:record|object|row|account|contact|lead|company|deal|organi[sz]ation|person|activity|task|event|owner)\s*id$/;
const OWNER = /(?:^|\s)(?:owner|owned by|assigned to(?: user)?|created by|modified by|updated by)(?:\s|$)/;

export function headerShape(header: string): HeaderShape {
  const trimmed = header.trim();
  const shape: HeaderShape = { rest: trimmed };
  const entity = ENTITY.exec(trimmed);
  if (entity) {
    const name = entity[1]!.toLowerCase();
    shape.entity = (name.startsWith('organi') ? 'organization' : name) as Entity;
    shape.rest = entity[2]!.trim();
  }
  const foreign = foreignReason(shape.rest, shape.entity !== undefined);
  if (foreign) {
    shape.foreign = foreign;
    return shape;
  }
  const slot = SLOT.exec(shape.rest);
  if (slot) {
    shape.slot = { base: compactHeader(slot[1]!), n: Number(slot[2]), part: compactHeader(slot[3]!) };
    return shape;
  }
  const block = BLOCK.exec(shape.rest);
  const part = block ? PARTS[compactHeader(block[2]!)] : undefined;
  if (block && part) shape.block = { name: compactHeader(block[1]!), part };
  return shape;
}

function foreignReason(rest: string, prefixed: boolean): string | undefined {
  const words = rest.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (words.startsWith('zcrm')) return 'it holds another system\'s record ids';
  if (FOREIGN_ID.test(words) || (prefixed && words === 'id')) return 'it holds another system\'s record ids, not Pivor\'s';
  if (OWNER.test(words)) return 'it names an owner in another system, not a Pivor user';
  return undefined;
}
