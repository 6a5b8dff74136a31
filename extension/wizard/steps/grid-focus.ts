// The review grid with the keyboard, as in a spreadsheet: the arrows go from cell to cell, Home and End to the row's
// first and last cell (with Ctrl, the page's). One cell is in the Tab order (the last one focused), so Tab enters
// and leaves the grid in one step. When a fixed row leaves the page (it has no issue left), the focus goes to the
// cell that takes its place rather than to nowhere.
import { useEffect, useRef, useState } from 'preact/hooks';

const CELL = 'td[data-cell]';

interface Spot { index: number; column: number }

export function useGridFocus(shown: readonly { row: number }[]) {
  const table = useRef<HTMLTableElement>(null);
  const last = useRef<Spot | null>(null);
  const [active, setActive] = useState<string | null>(null);

  // focus taken anywhere else: a later change of rows must not pull it back
  useEffect(() => {
    const elsewhere = (e: FocusEvent) => {
      if (!(e.target instanceof Node && table.current?.contains(e.target))) last.current = null;
    };
    document.addEventListener('focusin', elsewhere);
    return () => document.removeEventListener('focusin', elsewhere);
  }, []);

  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (last.current && lost && table.current) cellAt(table.current, last.current)?.focus();
  }, [shown]);

  const onCellFocus = (row: number, column: number) => {
    last.current = { index: shown.findIndex((r) => r.row === row), column };
    setActive(`${row}:${column}`);
  };
  // the active cell, or the page's first when it is not on the page
  const activeShown = active !== null && shown.some((r) => active.startsWith(`${r.row}:`));
  const tabbable = (row: number, column: number, first: boolean) => (activeShown ? active === `${row}:${column}` : first && row === shown[0]?.row);
  return { table, onKeyDown: moveInGrid, onCellFocus, tabbable };
}

function cellAt(table: HTMLTableElement, spot: Spot): HTMLElement | null {
  const rows = table.tBodies[0]?.rows;
  if (!rows || rows.length === 0) return null;
  const row = rows[Math.min(spot.index, rows.length - 1)]!;
  return row.querySelector<HTMLElement>(`${CELL}[data-index="${spot.column}"]`) ?? row.querySelector<HTMLElement>(CELL);
}

function moveInGrid(event: KeyboardEvent): void {
  const cell = event.target as HTMLElement;
  if (!cell.matches?.(CELL)) return; // keys typed in a cell's editor stay there
  const row = cell.parentElement as HTMLTableRowElement;
  const cells = (tr: Element | null | undefined) => (tr ? [...tr.querySelectorAll<HTMLElement>(CELL)] : []);
  const at = cells(row).indexOf(cell);
  const rows = [...(row.parentElement?.children ?? [])];
  const targets: Record<string, () => HTMLElement | undefined> = {
    ArrowLeft: () => cells(row)[at - 1],
    ArrowRight: () => cells(row)[at + 1],
    ArrowUp: () => cells(row.previousElementSibling)[at],
    ArrowDown: () => cells(row.nextElementSibling)[at],
    Home: () => (event.ctrlKey ? cells(rows[0]) : cells(row))[0],
    End: () => (event.ctrlKey ? cells(rows.at(-1)) : cells(row)).at(-1),
  };
  const target = targets[event.key];
  if (!target) return;
  event.preventDefault();
  target()?.focus();
}
