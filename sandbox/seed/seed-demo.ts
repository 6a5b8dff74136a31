// The demo CRM: ~150 clients (companies in 15 countries, some trading names, a few individuals and
// organisations, every status the database allows incl. archived), ~400 contacts and ~400
// communications spread over the three users, plus the records the test fixtures name (Acme Corp,
// Bright Futures Ltd, John Doe, Priya Patel). Deterministic: same seed, same rows, same uuids.
import type { BindValue, Database } from '../db/database.ts';
import { toDbTimestamp } from '../db/clock.ts';
import { contentLines, countries, firstNames, industries, jobs, lastNames, nameEnds, nameStarts, organisationNames, subjects } from './demo-names.ts';
import { mulberry32, type Random } from './prng.ts';

const start = Date.UTC(2025, 0, 6);
const end = Date.UTC(2026, 9, 30);

class Picker {
  constructor(readonly random: Random) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as [T, number][];
    let roll = this.random() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = ((this.int(0, 15) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  time(from = start, to = end): number {
    return from + Math.floor(this.random() * (to - from));
  }
  digits(n: number): string {
    return Array.from({ length: n }, () => this.int(0, 9)).join('');
  }
}

/** ASCII slug for emails and domains ("Müller & Söhne" → "mullersohne"). */
function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function insert(db: Database, table: string, row: Record<string, BindValue>): number {
  const columns = Object.keys(row);
  return db.run(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => row[c] ?? null)).lastId;
}

interface ClientSeed {
  id: number;
  owner: number;
  domain: string;
  country: string;
  phone: string;
  createdAt: number;
}

export function seedDemo(db: Database, seed = 20260115): void {
  const pick = new Picker(mulberry32(seed));
  const users = [1, 2, 3];
  const stamp = (ms: number) => toDbTimestamp(new Date(ms));
  const later = (ms: number) => Math.min(ms + pick.int(0, 30 * 86_400_000), end);

  db.transaction(() => {
    const clients: ClientSeed[] = [];
    const addClient = (row: Record<string, BindValue>, meta: Omit<ClientSeed, 'id'>) => {
      const id = insert(db, 'clients', { uuid: pick.uuid(), ...row, assigned_to: meta.owner, created_at: stamp(meta.createdAt), updated_at: stamp(later(meta.createdAt)) });
      clients.push({ id, ...meta });
      return id;
    };

    // The fixtures' clients, first so their ids are 1 and 2.
    addClient(
      { name: 'Acme Corp', trading_name: 'Acme', type: 'company', status: 'active', email: 'contact@acme.com', phone: '+1234567890', website: 'https://acme.com',
        address_line_1: '123 Main St', address_line_2: 'Suite 100', city: 'New York', county: 'NY', postcode: '10001', country: 'US',
        industry: 'Manufacturing', employee_count: 250, annual_revenue: 12500000, notes: 'Important client' },
      { owner: 1, domain: 'acme.com', country: 'US', phone: '+1', createdAt: start },
    );
    addClient(
      { name: 'Bright Futures Ltd', type: 'company', status: 'prospect', email: 'hello@brightfutures.co.uk', phone: '+44 20 7946 0958',
        website: 'https://brightfutures.co.uk', address_line_1: "1 King's Road", city: 'London', postcode: 'SW3 4TR', country: 'GB', industry: 'Education', employee_count: 40 },
      { owner: 3, domain: 'brightfutures.co.uk', country: 'GB', phone: '+44', createdAt: start + 3_600_000 },
    );

    const usedNames = new Set(['Acme Corp', 'Bright Futures Ltd']);
    while (clients.length < 150) {
      const place = pick.one(countries);
      const type = pick.weighted({ company: 80, individual: 12, organisation: 8 });
      let name: string;
      if (type === 'individual') name = `${pick.one(firstNames)} ${pick.one(lastNames)}`;
      else if (type === 'organisation') name = pick.one(organisationNames);
      else name = `${pick.one(nameStarts)} ${pick.one(nameEnds)} ${pick.one(place.suffixes)}`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      const domain = `${slug(name.split(' ').slice(0, 2).join(''))}.example`;
      const owner = pick.one(users);
      const createdAt = pick.time();
      const company = type === 'company';
      addClient(
        {
          name,
          trading_name: company && pick.chance(0.25) ? name.split(' ')[0]! : null,
          registration_number: company && pick.chance(0.5) ? pick.digits(8) : null,
          vat_number: company && pick.chance(0.4) ? `${place.code}${pick.digits(9)}` : null,
          type,
          status: pick.weighted({ prospect: 30, active: 45, inactive: 18, archived: 7 }),
          email: type === 'individual' ? `${slug(name.split(' ')[0]!)}@mail.example` : `info@${domain}`,
          phone: `${place.phone} ${pick.digits(3)} ${pick.digits(3)} ${pick.digits(4)}`,
          website: type === 'individual' ? null : `https://www.${domain}`,
          address_line_1: pick.chance(0.8) ? `${pick.int(1, 240)} ${pick.one(['High Street', 'Market Square', 'Harbour Road', 'Station Road', 'Park Avenue', 'Mill Lane'])}` : null,
          city: pick.one(place.cities),
          postcode: pick.chance(0.7) ? pick.digits(5) : null,
          country: place.code,
          industry: type === 'individual' ? null : pick.one(industries),
          employee_count: company ? pick.one([5, 12, 25, 40, 80, 150, 300, 1200]) : null,
          annual_revenue: company && pick.chance(0.6) ? pick.int(50, 50000) * 1000 + pick.one([0, 0.5, 0.25]) : null,
          notes: pick.chance(0.2) ? pick.one(['Met at the trade fair', 'Referred by a partner', 'Pays by bank transfer', 'Prefers quarterly invoices']) : null,
        },
        { owner, domain, country: place.code, phone: place.phone, createdAt },
      );
    }

    const contactIds: { id: number; clientId: number | null; owner: number }[] = [];
    const addContact = (row: Record<string, BindValue>, clientId: number | null, owner: number, createdAt: number) => {
      const id = insert(db, 'contacts', { uuid: pick.uuid(), ...row, client_id: clientId, assigned_to: owner, created_at: stamp(createdAt), updated_at: stamp(later(createdAt)) });
      contactIds.push({ id, clientId, owner });
    };
    addContact({ first_name: 'John', last_name: 'Doe', email: 'john@acme.com', phone: '+1234567890', mobile: '+0987654321', job_title: 'CEO',
      department: 'Executive', is_primary_contact: 1, status: 'active', notes: 'Primary contact' }, 1, 1, start + 600_000);
    addContact({ first_name: 'Priya', last_name: 'Patel', email: 'priya@brightfutures.co.uk', job_title: 'Head of Ops', department: 'Operations',
      is_primary_contact: 1, status: 'active' }, 2, 3, start + 4_200_000);

    for (const client of clients.slice(2)) {
      const count = pick.int(1, 4);
      for (let n = 0; n < count && contactIds.length < 360; n++) {
        const first = pick.one(firstNames);
        const last = pick.one(lastNames);
        const job = pick.one(jobs);
        addContact(
          {
            first_name: first, last_name: last, email: `${slug(first)}.${slug(last)}@${client.domain}`,
            phone: pick.chance(0.6) ? `${client.phone} ${pick.digits(3)} ${pick.digits(4)}` : null,
            mobile: pick.chance(0.4) ? `${client.phone} ${pick.digits(3)} ${pick.digits(6)}` : null,
            job_title: job.title, department: job.department,
            is_primary_contact: n === 0 && pick.chance(0.7) ? 1 : 0,
            country: pick.chance(0.3) ? client.country : null,
            linkedin_url: pick.chance(0.3) ? `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${pick.digits(4)}` : null,
            status: pick.weighted({ active: 80, inactive: 15, archived: 5 }),
          },
          client.id,
          pick.chance(0.8) ? client.owner : pick.one(users),
          pick.time(client.createdAt),
        );
      }
    }
    while (contactIds.length < 400) {
      const first = pick.one(firstNames);
      const last = pick.one(lastNames);
      addContact({ first_name: first, last_name: last, email: pick.chance(0.7) ? `${slug(first)}${pick.digits(2)}@mail.example` : null,
        mobile: pick.chance(0.5) ? `+44 7${pick.digits(3)} ${pick.digits(6)}` : null, status: 'active' }, null, pick.one(users), pick.time());
    }

    const clientOwner = new Map(clients.map((c) => [c.id, c]));
    for (let n = 0; n < 400; n++) {
      const type = pick.weighted({ email: 30, phone: 20, meeting: 15, note: 15, task: 20 });
      const link = pick.weighted({ contact: 70, client: 20, none: 10 });
      const contact = link === 'contact' ? pick.one(contactIds) : undefined;
      const clientId = contact ? contact.clientId : link === 'client' ? pick.one(clients).id : null;
      const owner = contact?.owner ?? (clientId ? clientOwner.get(clientId)!.owner : pick.one(users));
      const createdAt = pick.time(clientId ? clientOwner.get(clientId)!.createdAt : start);
      const status = type === 'task' ? pick.weighted({ pending: 45, in_progress: 20, completed: 30, cancelled: 5 })
        : type === 'meeting' ? pick.weighted({ pending: 30, completed: 65, cancelled: 5 }) : 'completed';
      const dueAt = type === 'task' || type === 'meeting' ? createdAt + pick.int(1, 60) * 86_400_000 + pick.int(0, 16) * 1_800_000 : null;
      insert(db, 'communications', {
        uuid: pick.uuid(), type,
        direction: type === 'email' || type === 'phone' ? pick.one(['inbound', 'outbound']) : 'internal',
        subject: pick.one(subjects[type]),
        content: pick.chance(0.7) ? `${pick.one(contentLines)} ${pick.chance(0.5) ? pick.one(contentLines) : ''}`.trim() : null,
        client_id: clientId, contact_id: contact?.id ?? null,
        due_at: dueAt === null ? null : stamp(dueAt),
        completed_at: status === 'completed' && dueAt !== null ? stamp(Math.min(dueAt, end)) : null,
        priority: pick.weighted({ low: 20, normal: 40, medium: 10, high: 22, urgent: 8 }),
        created_by: pick.chance(0.85) ? owner : pick.one(users), assigned_to: owner, status,
        created_at: stamp(createdAt), updated_at: stamp(later(createdAt)),
      });
    }

    // A few deleted records, as in any used CRM: present in the database, gone from the API.
    for (const [table, ids] of [['clients', [140, 145, 150]], ['contacts', [390, 395, 400]]] as const) {
      for (const id of ids) db.run(`UPDATE "${table}" SET deleted_at = updated_at WHERE id = ?`, [id]);
    }
  });
}
