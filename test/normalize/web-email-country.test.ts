import { describe, expect, it } from 'vitest';
import { normalizeCountry, normalizeEmail, normalizeUrl, needsTrim } from '../../shared/normalize/index.ts';

describe('web addresses', () => {
  it('adds https:// where the scheme is missing, with a notice', () => {
    expect(normalizeUrl('sgd.example')).toEqual({
      ok: true, value: 'https://sgd.example',
      notices: [{ code: 'url-scheme-added', message: '"sgd.example" has no http:// or https://: sent as "https://sgd.example"' }],
    });
    expect(normalizeUrl('www.acme.co.uk/about?x=1')).toMatchObject({ ok: true, value: 'https://www.acme.co.uk/about?x=1' });
    expect(normalizeUrl('linkedin.com/in/jane-doe')).toMatchObject({ ok: true, value: 'https://linkedin.com/in/jane-doe' });
  });

  it('keeps complete addresses as they are', () => {
    expect(normalizeUrl('https://acme.com')).toEqual({ ok: true, value: 'https://acme.com' });
    expect(normalizeUrl('http://münchen.example:8080/x')).toEqual({ ok: true, value: 'http://münchen.example:8080/x' });
  });

  it.each(['acme', 'not a url', 'http//acme.com', 'https:acme.com', 'ftp://files.acme.com', 'mailto:a@b.com', 'https://', 'https://-acme.com', 'user@acme.com'])(
    'refuses %j', (text) => {
      expect(normalizeUrl(text)).toMatchObject({ ok: false, code: 'invalid-url' });
    },
  );
});

describe('email addresses', () => {
  it.each(['john@acme.com', 'a@b', 'first.last+tag@sub.example.co.uk', 'ÿ@例え.jp'])('accepts %j', (text) => {
    expect(normalizeEmail(text)).toEqual({ ok: true, value: text });
  });
  it.each(['not-an-email', 'a b@c.com', 'a@@b.com', 'john@acme..com', '.a@b.com', '@acme.com', 'john@', 'a,b@c.com'])('refuses %j', (text) => {
    expect(normalizeEmail(text)).toEqual({ ok: false, code: 'invalid-email', message: `${JSON.stringify(text)} is not a valid email address` });
  });
});

describe('countries', () => {
  it.each([
    ['us', 'US'], ['USA', 'US'], ['United States', 'US'], ['united states of america', 'US'], ['UK', 'GB'], ['Great Britain', 'GB'],
    ['Deutschland', 'DE'], ['germany', 'DE'], ['DEU', 'DE'], ["cote d'ivoire", 'CI'], ['The Netherlands', 'NL'], ['España', 'ES'],
  ])('reads %j as %s with a notice', (text, code) => {
    expect(normalizeCountry(text)).toMatchObject({ ok: true, value: code, notices: [{ code: 'country-code' }] });
  });

  it('keeps codes silently', () => {
    expect(normalizeCountry('FR')).toEqual({ ok: true, value: 'FR' });
  });

  it('sends unknown and ambiguous names as written, with a warning', () => {
    expect(normalizeCountry('Narnia')).toMatchObject({ ok: true, value: 'Narnia', notices: [{ code: 'country-unknown' }] });
    expect(normalizeCountry('Congo')).toMatchObject({ ok: true, value: 'Congo', notices: [{ code: 'country-ambiguous', message: '"Congo" could be CD or CG: sent as written' }] });
  });
});

describe('trimming', () => {
  it('spots surrounding whitespace by character', () => {
    expect(needsTrim(' a')).toBe(true);
    expect(needsTrim('a\u00a0')).toBe(true);
    expect(needsTrim('a b')).toBe(false);
    expect(needsTrim('')).toBe(false);
  });
});

describe('the fast paths agree with the full checks', () => {
  it('web addresses: the character scan gives the same result as the full check', async () => {
    const fc = await import('fast-check');
    const { normalizeUrlFully } = await import('../../shared/normalize/url.ts');
    const piece = fc.stringMatching(/^[a-zA-Z0-9.\-:/?#_ ü]{0,12}$/);
    fc.assert(fc.property(fc.constantFrom('http://', 'https://', 'HTTP://', ''), piece, fc.constantFrom('.com', '.co.uk', '.x', '', '.de:80'), piece, (scheme, host, tld, rest) => {
      const text = scheme + host + tld + rest;
      if (text === '' || text.trim() !== text) return;
      expect(normalizeUrl(text)).toEqual(normalizeUrlFully(text));
    }), { numRuns: 3000 });
  });
});
