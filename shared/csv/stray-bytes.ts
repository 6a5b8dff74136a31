// Bytes of a UTF-8 file that are not valid UTF-8 (a Latin-1 "é" pasted into a UTF-8 file): each is read as its
// Windows-1252 character and tied to the row holding it, so the report names every such row and the value the
// byte turned up in, and the rest of the file is still read as UTF-8.

import type { InvalidByte } from './text-decoders.ts';

/** A stray byte as the report shows it: its value, the character it was read as, and the cell it is in. */
export interface StrayByte { byte: number; char: string; cell: string }

/** The stray bytes met so far and not yet tied to a row, at offsets in the whole text read. */
export class StrayBytes {
  private queue: InvalidByte[] = [];
  private next = 0;
  /** Offset of the first stray byte not tied to a row yet (Infinity: none), for a cheap test per row. */
  nextAt = Infinity;

  /** Takes a decoder's findings on text that starts at `offset` in the whole text. */
  add(offset: number, invalid: readonly InvalidByte[]): void {
    for (const bad of invalid) this.queue.push({ at: offset + bad.at, byte: bad.byte });
    this.nextAt = this.queue[this.next]?.at ?? Infinity;
  }

  /** The stray bytes before offset `end`, read from `text`, which starts at offset `textStart`. */
  takeBefore(end: number, text: string, textStart: number, delimiter: string): StrayByte[] {
    const found: StrayByte[] = [];
    while (this.next < this.queue.length && this.queue[this.next]!.at < end) {
      const { at, byte } = this.queue[this.next++]!;
      const pos = at - textStart;
      found.push({ byte, char: text.charAt(pos), cell: cellAround(text, pos, delimiter) });
    }
    if (this.next === this.queue.length) {
      this.queue = [];
      this.next = 0;
    }
    this.nextAt = this.queue[this.next]?.at ?? Infinity;
    return found;
  }
}

/** The text of the cell around `pos`: up to a delimiter, a quote or a line break, 40 characters at most each way. */
function cellAround(text: string, pos: number, delimiter: string): string {
  const stop = (c: string) => c === delimiter || c === '"' || c === '\n' || c === '\r';
  let start = pos;
  while (start > 0 && pos - start < 40 && !stop(text.charAt(start - 1))) start--;
  let end = pos + 1;
  while (end < text.length && end - pos < 40 && !stop(text.charAt(end))) end++;
  return text.slice(start, end).trim();
}
