// The URL polyfill the add-on installs in Apps Script must read addresses exactly as the platform's URL
// does, for everything the core asks of it: checked here against Node's own URL and URLSearchParams.
import { describe, expect, it } from 'vitest';
import { SimpleURL, SimpleURLSearchParams } from '../../apps-script/url-polyfill.ts';

const absolute = [
  'https://crm.example.com',
  'https://crm.example.com/',
  'https://CRM.Example.com/api/',
  'https://crm.example.com:443/api',
  'https://crm.example.com:8443/crm/api?x=1#top',
  'http://localhost:8000',
  'http://127.0.0.1:54321/api',
  'http://[::1]:3000/api',
  'https://user:secret@crm.example.com/',
  'https://crm.example.com/a/./b/../c',
  'https://crm.example.com/api/contacts?page=2&per_page=100',
  'ftp://files.example.com/x',
];
const invalid = ['https://', 'crm.example.com', 'https://exa mple.com', 'https://crm.example.com:99999', ''];

describe('SimpleURL', () => {
  it.each(absolute)('reads %s like URL', (input) => {
    const ours = new SimpleURL(input);
    const node = new URL(input);
    for (const key of ['protocol', 'hostname', 'port', 'host', 'origin', 'pathname', 'search', 'hash', 'username', 'password'] as const) {
      if (key === 'origin' && !/^https?:/.test(input)) continue;
      expect(ours[key], key).toBe(node[key]);
    }
    if (/^https?:/.test(input)) expect(ours.href).toBe(node.href);
  });

  it.each(invalid)('refuses %j like URL', (input) => {
    expect(() => new URL(input)).toThrow();
    expect(() => new SimpleURL(input)).toThrow(TypeError);
  });

  it.each([
    ['/login', 'https://crm.example.com/api/contacts'],
    ['https://other.example.com/x?y=1', 'https://crm.example.com/'],
    ['//cdn.example.com/a', 'https://crm.example.com/'],
    ['?page=3', 'https://crm.example.com/api/contacts?page=2'],
    ['next?page=3', 'https://crm.example.com/api/contacts'],
    ['../up', 'https://crm.example.com/api/contacts/'],
    ['http://crm.example.com/api/contacts?page=5&per_page=100', 'https://x.invalid'],
  ])('resolves %s against %s like URL', (ref, base) => {
    const ours = new SimpleURL(ref, base);
    const node = new URL(ref, base);
    expect(ours.href).toBe(node.href);
    expect(ours.pathname).toBe(node.pathname);
    expect(ours.searchParams.get('page')).toBe(node.searchParams.get('page'));
  });
});

describe('SimpleURLSearchParams', () => {
  it('encodes like URLSearchParams', () => {
    const entries: [string, string][] = [
      ['page', '1'], ['per_page', '100'], ['filter[search]', "O'Brien & Sons (UK) ~ 100% *real*"], ['filter[status]', 'active'],
      ['sort', '-created_at'], ['filter[search]', 'é ü 中文 +plus =eq'],
    ];
    const ours = new SimpleURLSearchParams();
    const node = new URLSearchParams();
    for (const [k, v] of entries) {
      ours.set(k, v);
      node.set(k, v);
    }
    expect(ours.toString()).toBe(node.toString());
  });

  it('decodes like URLSearchParams', () => {
    for (const query of ['?page=3&per_page=100', 'a=1&a=2&b=%ZZ&c=x+y&d', 'filter%5Bsearch%5D=caf%C3%A9']) {
      const ours = new SimpleURLSearchParams(query);
      const node = new URLSearchParams(query);
      for (const key of ['page', 'a', 'b', 'c', 'd', 'filter[search]', 'missing']) {
        expect(ours.get(key), key).toBe(node.get(key));
      }
      expect(ours.getAll('a')).toEqual(node.getAll('a'));
    }
  });
});
