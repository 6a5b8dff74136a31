// What a user may type as Pivor's address, and what is refused because it would leak the token.
import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl, PivorError } from '../../shared/api/index.ts';

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://crm.example.com', 'https://crm.example.com/api'],
    ['https://crm.example.com/', 'https://crm.example.com/api'],
    ['https://crm.example.com/api', 'https://crm.example.com/api'],
    ['https://crm.example.com/api/', 'https://crm.example.com/api'],
    ['  https://crm.example.com:8443/crm/  ', 'https://crm.example.com:8443/crm/api'],
    ['crm.example.com', 'https://crm.example.com/api'],
    ['http://localhost:8000', 'http://localhost:8000/api'],
    ['localhost:8787', 'http://localhost:8787/api'],
    ['127.0.0.1:8000/crm', 'http://127.0.0.1:8000/crm/api'],
    ['http://127.0.0.1:8000/api', 'http://127.0.0.1:8000/api'],
    ['http://[::1]:8000/', 'http://[::1]:8000/api'],
  ])('%s → %s', (input, apiBase) => {
    expect(normalizeBaseUrl(input).apiBase).toBe(apiBase);
  });

  it.each(['http://crm.example.com', 'http://192.168.1.10', 'ftp://crm.example.com', 'https://me:secret@crm.example.com', '', 'https://'])(
    'refuses %s as insecure-url with a clear message',
    (input) => {
      let error: unknown;
      try {
        normalizeBaseUrl(input);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(PivorError);
      expect((error as PivorError).kind).toBe('insecure-url');
      expect((error as PivorError).message).not.toContain('secret');
    },
  );

  it('says why plain http is refused', () => {
    expect(() => normalizeBaseUrl('http://crm.example.com')).toThrow(/must start with https:\/\/.*only allowed for localhost/);
  });
});
