// Country cells → ISO 3166-1 alpha-2 codes, as Pivor's documented template writes them ("Germany", "USA", "Deutschland" → DE, US, DE).
// An unknown or ambiguous name is sent as written, with a warning: the API takes any text up to 100 characters.
// Only the English names are registered (bundle size); a short list of other common spellings is added below.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { ok, quote, type Normalized } from './types.ts';

countries.registerLocale(en);

/** Common spellings the English list lacks: native names, constituent countries, old names. */
const extraNames: Record<string, string> = {
  deutschland: 'DE', allemagne: 'DE', germania: 'DE', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  'northern ireland': 'GB', 'united kingdom of great britain and northern ireland': 'GB', 'u k': 'GB',
  'united states': 'US', america: 'US', 'u s a': 'US', 'u s': 'US', 'etats unis': 'US', 'vereinigte staaten': 'US',
  france: 'FR', espana: 'ES', espagne: 'ES', spanien: 'ES', italia: 'IT', italie: 'IT', italien: 'IT',
  osterreich: 'AT', oesterreich: 'AT', schweiz: 'CH', suisse: 'CH', svizzera: 'CH', nederland: 'NL', holland: 'NL', niederlande: 'NL',
  belgie: 'BE', belgique: 'BE', belgien: 'BE', danmark: 'DK', sverige: 'SE', norge: 'NO', suomi: 'FI', polska: 'PL', cesko: 'CZ',
  eire: 'IE', brasil: 'BR', mexico: 'MX', nippon: 'JP', turkiye: 'TR', russia: 'RU', 'south korea': 'KR', korea: 'KR',
  laos: 'LA', syria: 'SY', moldova: 'MD', micronesia: 'FM', bolivia: 'BO', vietnam: 'VN', 'viet nam': 'VN', uae: 'AE',
};

interface Lookup { code?: string; ambiguous?: string[] }
let names: Map<string, Lookup> | undefined;
const cache = new Map<string, Normalized>();

/** Lower case, no accents, punctuation as spaces, no leading "the". */
function nameKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

function nameIndex(): Map<string, Lookup> {
  if (names) return names;
  const codes = new Map<string, Set<string>>();
  const add = (name: string, code: string) => {
    const key = nameKey(name);
    if (!codes.has(key)) codes.set(key, new Set());
    codes.get(key)!.add(code);
  };
  for (const [code, spellings] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of spellings) add(name, code);
  }
  for (const [name, code] of Object.entries(extraNames)) if (!codes.has(nameKey(name))) add(name, code);
  names = new Map([...codes].map(([key, set]) => [key, set.size === 1 ? { code: [...set][0]! } : { ambiguous: [...set].sort() }]));
  return names;
}

export function normalizeCountry(text: string): Normalized {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = lookupCountry(text);
  if (cache.size < 10_000) cache.set(text, result);
  return result;
}

function lookupCountry(text: string): Normalized {
  const upper = text.toUpperCase();
  if (upper.length === 2 && countries.isValid(upper) && /^[A-Z]{2}$/.test(upper)) {
    return upper === text ? ok(text) : ok(upper, { code: 'country-code', message: `wrote ${quote(text)} as ${upper}` });
  }
  if (upper.length === 3 && /^[A-Z]{3}$/.test(upper)) {
    const alpha2 = countries.alpha3ToAlpha2(upper);
    if (alpha2) return ok(alpha2, { code: 'country-code', message: `read ${quote(text)} as country code ${alpha2}` });
  }
  const found = nameIndex().get(nameKey(text));
  if (found?.code) return ok(found.code, { code: 'country-code', message: `read ${quote(text)} as country code ${found.code}` });
  if (found?.ambiguous) {
    return ok(text, { code: 'country-ambiguous', message: `${quote(text)} could be ${found.ambiguous.join(' or ')}: sent as written` });
  }
  return ok(text, { code: 'country-unknown', message: `${quote(text)} is not a country Pivor Bridge knows: sent as written` });
}
