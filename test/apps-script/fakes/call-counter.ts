// Counts calls into a fake service, per method, so tests and the bench can show that work grows with
// pages and batches rather than rows. Also models an execution that has been killed: every later call throws.

export class CallCounter {
  readonly byName = new Map<string, number>();
  total = 0;
  /** Spreadsheet cells written (values, formats, notes, colours, validations), and the values sent for them. */
  cellsWritten = 0;
  valuesSent = 0;
  /** Set when the execution is killed: Apps Script runs nothing after that. */
  killed: string | null = null;

  hit(name: string): void {
    if (this.killed) throw new Error(this.killed);
    this.total += 1;
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
  }

  wrote(cells: number, values: number): void {
    this.cellsWritten += cells;
    this.valuesSent += values;
  }

  reset(): void {
    this.byName.clear();
    this.total = 0;
    this.cellsWritten = 0;
    this.valuesSent = 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.byName.entries()].sort((a, b) => b[1] - a[1]));
  }
}

/**
 * Wraps every public method of a class's prototype so each call is counted as `Prefix.method` on the
 * counter that `counterOf(this)` returns. Methods whose names start with `_` are internal and not counted.
 */
export function instrument(cls: { prototype: object; name: string }, counterOf: (self: any) => CallCounter, prefix = cls.name.replace(/^Fake/, '')): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor' || key.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (!desc || typeof desc.value !== 'function') continue;
    const original = desc.value as (...args: unknown[]) => unknown;
    Object.defineProperty(proto, key, {
      ...desc,
      value: function (this: unknown, ...args: unknown[]) {
        counterOf(this).hit(`${prefix}.${key}`);
        return original.apply(this, args);
      },
    });
  }
}
