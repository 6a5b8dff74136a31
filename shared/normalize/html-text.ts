// Notes exported from CRMs as HTML (`<p>Called <b>Ana</b></p>`): Pivor shows notes as plain text, so the markup
// becomes plain text with a notice. Nothing is ever rendered: tags are dropped as text, entities decoded by table.
import { ok, quote, type Normalized } from './types.ts';

/** A tag HTML notes use: opening, closing or self-closing, with a known element name. */
const TAG = /<\/?(?:p|br|div|span|b|i|u|em|strong|ul|ol|li|a|h[1-6]|font|blockquote|table|tr|td|th|hr|img)\b[^<>]*\/?>/gi;
const BREAKS = /<br\s*\/?>|<\/(?:p|div|li|h[1-6]|tr|blockquote)>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Cells that may hold markup: a cheap test, so the row loop skips the rest. */
export function mayHoldHtml(text: string): boolean {
  return text.includes('<');
}

export function htmlToText(html: string): string {
  return html
    .replace(BREAKS, '\n')
    .replace(TAG, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (ENTITIES[lower] !== undefined) return ENTITIES[lower]!;
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? Number(lower.slice(1)) : NaN;
      return Number.isInteger(code) && code > 31 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Long text: kept as written unless it holds HTML tags, which become plain text. */
export function normalizeLongText(text: string): Normalized {
  TAG.lastIndex = 0;
  if (!TAG.test(text)) return ok(text);
  TAG.lastIndex = 0;
  const plain = htmlToText(text);
  return ok(plain, { code: 'html-stripped', message: `${quote(text)} held HTML markup: kept as plain text ${quote(plain)}` });
}
