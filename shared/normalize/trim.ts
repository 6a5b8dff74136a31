// Surrounding whitespace: Pivor's importer trims every value; so do we, and say so.
import { quote, type Notice } from './types.ts';

/** True when the cell starts or ends with whitespace: a character check, cheaper than trimming every cell. */
export function needsTrim(raw: string): boolean {
  return raw.length > 0 && (isSpace(raw.charCodeAt(0)) || isSpace(raw.charCodeAt(raw.length - 1)));
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0xfeff || c === 0x2007 || c === 0x202f || c === 0x3000;
}

export function trimNotice(raw: string): Notice {
  return { code: 'trimmed', message: `removed spaces around ${quote(raw.trim())}` };
}
