// Numbers read per column, not per cell: "1.200" is 1200 in a column that also writes "1.250.000,50", and 1.2 in one
// that writes "12.5". A cell whose reading depends on the column ("1.200", "1,200": one separator before three
// digits) takes the column's evidence: the other values that can only be read one way. Without evidence, the
// file's delimiter hints at the locale, and is trusted only where the usual reading is a thousands separator
// ("310.500" in a ;-separated file, "1,200" in a ,-separated one); anything else is asked, never guessed.
import { parseNumber } from './number.ts';
import { fail, ok, quote, type CellNormalizer, type Normalized } from './types.ts';

export type DecimalMark = '.' | ',';

/** The decimal mark a file's delimiter suggests: ; files come from decimal-comma locales, , files from decimal-point ones. */
export function decimalHint(delimiter: string): DecimalMark | null {
  return delimiter === ';' ? ',' : delimiter === ',' ? '.' : null;
}

/** "1.200", "€ 1,200": one separator before exactly three digits, after one to three. */
const AMBIGUOUS = /^\d{1,3}[.,]\d{3}$/;

export class NumberColumn {
  /** The first value seen that can only be read with each decimal mark. */
  private readonly evidence: { '.': string | null; ',': string | null } = { '.': null, ',': null };

  /** Whether the last cell read depended on the column: its reading may change once every value is in. */
  lastAmbiguous = false;

  constructor(private readonly hint: DecimalMark | null, private readonly integer: boolean) {}

  /** Reads one cell; a cell that depends on the column is read with what the column has shown so far. */
  readonly normalize: CellNormalizer = (text) => {
    const core = text.replace(/[^\d.,]/g, '');
    const parsed = parseNumber(text);
    this.lastAmbiguous = AMBIGUOUS.test(core) && !('error' in parsed && parsed.code === 'invalid-number');
    if (this.lastAmbiguous) return this.readAmbiguous(text, core);
    if (!('error' in parsed)) this.note(core, text);
    return this.finish(text, parsed);
  };

  private note(core: string, text: string): void {
    const mark = decimalMarkOf(core);
    if (mark && this.evidence[mark] === null) this.evidence[mark] = text;
  }

  private readAmbiguous(text: string, core: string): Normalized {
    const sep = core[core.length - 4] as DecimalMark;
    const [point, comma] = [this.evidence['.'], this.evidence[',']];
    const whole = core.slice(0, -4);
    const fraction = core.slice(-3);
    const readings = `${Number(whole + fraction)} or ${Number(`${whole}.${fraction}`)}`;
    let grouping: boolean;
    let why: string;
    if (point !== null && comma !== null) {
      return fail('ambiguous-number', `${quote(text)} could be ${readings}: this column writes both ${quote(point)} and ${quote(comma)}; write the number without a thousands separator`);
    } else if (point !== null || comma !== null) {
      const mark: DecimalMark = point !== null ? '.' : ',';
      grouping = sep !== mark;
      why = `this column writes ${quote((point ?? comma)!)}, so "${sep}" ${grouping ? 'groups thousands' : 'marks decimals'}`;
    } else if (this.hint !== null && sep !== this.hint) {
      grouping = true;
      why = `in a file separated by "${this.hint === ',' ? ';' : ','}", "${sep}" groups thousands`;
    } else {
      return fail('ambiguous-number', `${quote(text)} could be ${readings}: nothing in this column tells whether "${sep}" groups thousands or marks decimals; write ${whole}${fraction}, or the decimal with the other mark`);
    }
    const magnitude = Number(grouping ? whole + fraction : `${whole}.${fraction}`);
    const value = /^\s*[-\u2212(]/.test(text) ? -magnitude : magnitude;
    if (this.integer && !Number.isInteger(value)) return fail('not-integer', `${quote(text)} is not a whole number (${why})`);
    return ok(value, { code: 'number-by-column', message: `read ${quote(text)} as ${value}: ${why}` });
  }

  private finish(text: string, parsed: ReturnType<typeof parseNumber>): Normalized {
    if ('error' in parsed) return fail(parsed.code, parsed.error);
    if (this.integer && !Number.isInteger(parsed.value)) return fail('not-integer', `${quote(text)} is not a whole number`);
    return parsed.changed ? ok(parsed.value, { code: 'number-format', message: `read ${quote(text)} as ${parsed.value}` }) : ok(parsed.value);
  }
}

/** The decimal mark a number can only have been written with, if its separators tell ("1.250.000,50", "12.5"). */
function decimalMarkOf(core: string): DecimalMark | null {
  const lastPoint = core.lastIndexOf('.');
  const lastComma = core.lastIndexOf(',');
  if (lastPoint >= 0 && lastComma >= 0) return lastPoint > lastComma ? '.' : ',';
  const sep = lastPoint >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (sep === null) return null;
  if (core.indexOf(sep) !== core.lastIndexOf(sep)) return sep === '.' ? ',' : '.'; // "1.200.000": groups, so the other marks decimals
  return AMBIGUOUS.test(core) ? null : sep;
}
