// Which columns each mapped field reads: its own column, and the others its value can come from (an address
// block's Home columns, numbered or named phones and their labels, a due time). For reports that list per field
// what a file gives it, where a header → field table cannot (one phone column filling both phone and mobile).
import type { CellSource, HeaderMapping } from './types.ts';

export function fieldColumns(mapping: HeaderMapping): Record<string, number[]> {
  const fields: Record<string, number[]> = {};
  for (const column of [...mapping.columns, ...(mapping.extra ?? [])]) {
    if (column.field === null) continue;
    const read = new Set([column.index, ...(column.source ? sourceColumns(column.source) : [])]);
    fields[column.field] = [...read].sort((a, b) => a - b);
  }
  return fields;
}

function sourceColumns(source: CellSource): number[] {
  switch (source.kind) {
    case 'join': return source.columns;
    case 'block': return source.blocks.flatMap((b) => b.field);
    case 'labelled': return source.slots.flatMap((s) => (s.label === null ? [s.value] : [s.value, s.label]));
  }
}
