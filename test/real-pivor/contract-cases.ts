// The contract cases the differential test sends to both the sandbox and real Pivor, each scenario on a fresh
// database (the three demo users, ids 1–3): every reply is compared, so a step that only sets something up
// is checked as well. Paths are relative to the server; ids are those a fresh database hands out.
export type Role = 'admin' | 'manager' | 'user';

export interface Step {
  method: string;
  path: string;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  /** Who asks (default admin); null: no token. */
  as?: Role | null;
  /** Default true: Accept: application/json. */
  json?: boolean;
  headers?: Record<string, string>;
}

export interface Scenario {
  name: string;
  steps: Step[];
}

const get = (path: string, as: Role | null = 'admin', extra: Partial<Step> = {}): Step => ({ method: 'GET', path, as, ...extra });
const post = (path: string, body: unknown, as: Role | null = 'admin'): Step => ({ method: 'POST', path, body, as });
const put = (path: string, body: unknown, as: Role | null = 'admin'): Step => ({ method: 'PUT', path, body, as });
const del = (path: string, as: Role | null = 'admin'): Step => ({ method: 'DELETE', path, as });

const threeClients = [post('/api/clients', { name: 'Beta', status: 'active' }), post('/api/clients', { name: 'Alpha', status: 'active' }), post('/api/clients', { name: 'Beta', status: 'prospect' })];
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

export const scenarios: Scenario[] = [
  // Authentication
  { name: 'token: wrong password, no fields, then the current user', steps: [
    post('/api/tokens/create', { email: 'admin@pivor.dev', password: 'nope' }, null),
    post('/api/tokens/create', {}, null),
    get('/api/user'), get('/api/user', 'manager'),
  ] },
  { name: 'no token: 401 JSON; no Accept: a redirect to /login', steps: [get('/api/clients', null), get('/api/clients', null, { json: false })] },
  { name: 'revoke, then the token is refused', steps: [del('/api/tokens/revoke', 'manager'), get('/api/user', 'manager')] },

  // Clients
  { name: 'client: create with everything, read, update partially, delete twice', steps: [
    post('/api/clients', { name: 'Acme / Söhne', trading_name: 'Acme', type: 'company', status: 'active', email: 'hi@acme.example', website: 'https://acme.example/a/b', address_line_1: '1 Rue É', city: 'Paris', country: 'FR', employee_count: 12, annual_revenue: 1200.5, notes: 'x' }),
    get('/api/clients/1'), put('/api/clients/1', { status: 'inactive' }), { method: 'PATCH', path: '/api/clients/1', body: { website: 'acme.com' }, as: 'admin' },
    del('/api/clients/1'), del('/api/clients/1'), get('/api/clients/999'),
  ] },
  { name: 'client: the minimal create answers nulls for the database defaults', steps: [post('/api/clients', { name: 'Bare' }), get('/api/clients/1')] },
  { name: 'client: type government is a 500, organisation a 422', steps: [post('/api/clients', { name: 'Gov', type: 'government' }), post('/api/clients', { name: 'Org', type: 'organisation' }), get('/api/clients')] },
  { name: 'client: several failing fields, the first message in rule order', steps: [
    post('/api/clients', { website: 'nope', email: 'bad', type: 'x', employee_count: -1, name: '' }),
    post('/api/clients', { annual_revenue: 'lots', status: 'archived' }),
  ] },

  // Contacts and the initials bug
  { name: 'contact: initials of ASCII names, lower case, and "0"', steps: [
    post('/api/clients', { name: 'Home' }),
    post('/api/contacts', { first_name: 'ada', last_name: 'lovelace', client_id: 1, is_primary_contact: true }),
    post('/api/contacts', { first_name: '0', last_name: 'Zero' }),
    get('/api/contacts/2'), get('/api/clients/1'), get('/api/contacts?sort=first_name'),
  ] },
  { name: 'contact: a first name starting outside ASCII is saved, answers 500, and breaks every reply holding it', steps: [
    post('/api/clients', { name: 'Home' }),
    post('/api/contacts', { first_name: 'Ann', last_name: 'Ok', client_id: 1 }),
    post('/api/contacts', { first_name: 'Émile', last_name: 'Zola', client_id: 1 }),
    get('/api/contacts/2'), get('/api/contacts'), get('/api/contacts?per_page=1&sort=first_name'), get('/api/clients/1'),
    put('/api/contacts/1', { last_name: 'Łukasz' }), get('/api/contacts/1'),
  ] },
  { name: 'contact: several failing fields in rule order', steps: [post('/api/contacts', { email: 'bad', status: 'x', first_name: '', linkedin_url: 'nope', client_id: 99 })] },

  // Communications
  { name: 'communication: priority medium is stored; normal is refused', steps: [
    post('/api/communications', { type: 'note', subject: 'Medium', priority: 'medium' }),
    post('/api/communications', { type: 'note', subject: 'Normal', priority: 'normal' }),
    get('/api/communications/1'),
  ] },
  { name: 'communication: several failing fields in rule order', steps: [post('/api/communications', { due_at: 'nope', priority: 'zz', subject: '', type: 'zz' })] },
  { name: "communications: a user's list holds what is assigned to them, not what they created", steps: [
    post('/api/communications', { type: 'task', subject: 'Made by user for admin', assigned_to: 1 }, 'user'),
    post('/api/communications', { type: 'task', subject: 'Made by admin for user', assigned_to: 3 }),
    get('/api/communications', 'user'), get('/api/communications/1', 'user'), get('/api/communications/2', 'user'),
  ] },

  // Listing
  { name: 'list: per_page values', steps: [
    get('/api/clients?per_page=-1'), ...threeClients,
    get('/api/clients?per_page=2'), get('/api/clients?per_page=2&page=2'), get('/api/clients?per_page=0'), get('/api/clients?per_page=abc'),
    get('/api/clients?per_page=500'), get('/api/clients?per_page=-1'), get('/api/clients?per_page=1.5'),
  ] },
  { name: 'list: equal sort values', steps: [
    ...threeClients, post('/api/clients', { name: 'Alpha', status: 'active' }),
    get('/api/clients?sort=name'), get('/api/clients?sort=-name'), get('/api/clients?sort=status'), get('/api/clients?sort=-status'),
    get('/api/clients?sort=nope'), get('/api/clients?filter[status]=active&sort=-status'), get('/api/clients?filter[search]=alp'),
    get('/api/clients?filter[search]=a&sort=-status'),
  ] },
  // HTTP around the API
  { name: 'http: unknown route, wrong method, OPTIONS, a cross-origin GET', steps: [
    get('/api/nope'), { method: 'PATCH', path: '/api/tokens/create', as: null }, { method: 'DELETE', path: '/api/clients', as: 'admin' },
    { method: 'OPTIONS', path: '/api/clients', as: null },
    { method: 'OPTIONS', path: '/api/clients', as: null, headers: { Origin: 'https://sheet.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } },
    get('/api/clients', 'admin', { headers: { Origin: 'https://sheet.example' } }),
  ] },
  { name: 'hostile input: __proto__ in the query, JSON nested 100,000 deep', steps: [
    ...threeClients,
    get('/api/clients?__proto__[status]=x', null), get('/api/clients?__proto__[status]=x&filter[__proto__]=1'), get('/api/clients'),
    { method: 'POST', path: '/api/clients', body: deep(100_000), as: null }, { method: 'POST', path: '/api/clients', body: deep(100_000), as: 'admin' },
    { method: 'POST', path: '/api/tokens/create', body: deep(100_000), as: null },
  ] },
];
