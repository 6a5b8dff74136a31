// What the tests ask the sandbox directly over HTTP (plain fetch, not the extension's code): tokens, records, users.
export async function apiToken(baseUrl: string, email = 'admin@pivor.dev', password = 'password', deviceName = 'test'): Promise<string> {
  const response = await fetch(`${baseUrl}/api/tokens/create`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, device_name: deviceName }),
  });
  if (response.status !== 200) throw new Error(`token: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export async function apiGet(baseUrl: string, token: string, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/api${path}`, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export type ApiRecord = Record<string, any> & { id: number };

/** Every record of a resource, following the pages, optionally filtered as the API allows. */
export async function allRecords(baseUrl: string, token: string, resource: string, filters: Record<string, string> = {}): Promise<ApiRecord[]> {
  const records: ApiRecord[] = [];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({ page: String(page), per_page: '100' });
    for (const [key, value] of Object.entries(filters)) query.set(`filter[${key}]`, value);
    const { status, body } = await apiGet(baseUrl, token, `/${resource}?${query}`);
    if (status !== 200) throw new Error(`${resource}: HTTP ${status}`);
    records.push(...body.data);
    if (!body.links.next) return records;
  }
}

export async function apiCreate(baseUrl: string, token: string, resource: string, body: Record<string, unknown>): Promise<ApiRecord> {
  const response = await fetch(`${baseUrl}/api/${resource}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create ${resource}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: ApiRecord }).data;
}
