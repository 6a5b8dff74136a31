// An in-memory SpreadsheetApp: spreadsheets, sheets and ranges with values, formulas, notes, backgrounds,
// number formats, data validation, protections, hidden sheets, frozen rows and row/column insertion.
// It keeps the real service's rules the add-on could trip over: a new sheet is 1000×26, ranges outside
// the grid throw, setValues needs matching dimensions, strings typed into non-text cells are parsed
// (and "=..." becomes a formula), the last visible sheet cannot be hidden, not every row can be deleted.
import { CallCounter, instrument } from './call-counter.ts';
import { displayValue, parseWrittenValue, readValue, DEFAULT_DATE_FORMAT, LITERAL_CELLS, type CellBehaviour, type CellValue, type StoredCell } from './sheet-values.ts';

interface Cell extends StoredCell {
  note: string;
  background: string;
  numberFormat: string;
  validation: FakeDataValidation | null;
  fontColor: string;
  fontWeight: string;
}

const WHITE = '#ffffff';
const emptyCell = (): Cell => ({ value: '', formula: '', note: '', background: WHITE, numberFormat: '', validation: null, fontColor: '#000000', fontWeight: 'normal' });

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export enum ProtectionType { RANGE = 'RANGE', SHEET = 'SHEET' }
export enum DataValidationCriteria {
  VALUE_IN_LIST = 'VALUE_IN_LIST',
  CHECKBOX = 'CHECKBOX',
  DATE_IS_VALID_DATE = 'DATE_IS_VALID_DATE',
  TEXT_IS_VALID_EMAIL = 'TEXT_IS_VALID_EMAIL',
}

export class FakeDataValidation {
  constructor(
    readonly _app: FakeSpreadsheetApp,
    private readonly criteria: DataValidationCriteria,
    private readonly values: unknown[],
    private readonly allowInvalid: boolean,
    private readonly helpText: string,
  ) {}
  getCriteriaType(): DataValidationCriteria { return this.criteria; }
  getCriteriaValues(): unknown[] { return this.values.map((v) => (Array.isArray(v) ? [...v] : v)); }
  getAllowInvalid(): boolean { return this.allowInvalid; }
  getHelpText(): string { return this.helpText; }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this._app)._init(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

export class FakeDataValidationBuilder {
  private criteria: DataValidationCriteria | null = null;
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';
  constructor(readonly _app: FakeSpreadsheetApp) {}
  _init(c: DataValidationCriteria, v: unknown[], a: boolean, h: string): this {
    this.criteria = c; this.values = v; this.allowInvalid = a; this.helpText = h;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values) || values.length === 0) throw new Error('Exception: The parameters (number[]) don\'t match the method signature for DataValidationBuilder.requireValueInList.');
    if (values.length > 500) throw new Error('Exception: A list of items for a drop-down can hold at most 500 items.');
    this.criteria = DataValidationCriteria.VALUE_IN_LIST;
    this.values = [[...values], showDropdown];
    return this;
  }
  requireCheckbox(): this { this.criteria = DataValidationCriteria.CHECKBOX; this.values = []; return this; }
  requireDate(): this { this.criteria = DataValidationCriteria.DATE_IS_VALID_DATE; this.values = []; return this; }
  requireTextIsEmail(): this { this.criteria = DataValidationCriteria.TEXT_IS_VALID_EMAIL; this.values = []; return this; }
  setAllowInvalid(allow: boolean): this { this.allowInvalid = allow; return this; }
  setHelpText(text: string): this { this.helpText = text; return this; }
  build(): FakeDataValidation {
    if (!this.criteria) throw new Error('Exception: You must specify a validation criteria before building.');
    return new FakeDataValidation(this._app, this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

export class FakeProtection {
  description = '';
  warningOnly = false;
  removed = false;
  constructor(
    readonly _sheet: FakeSheet,
    readonly _type: ProtectionType,
    /** For RANGE protections: the protected area; rows/columns shift when rows are inserted or deleted above. */
    public _area: { row: number; col: number; numRows: number; numCols: number } | null,
  ) {}
  getProtectionType(): ProtectionType { return this._type; }
  setDescription(d: string): this { this.description = String(d); return this; }
  getDescription(): string { return this.description; }
  setWarningOnly(w: boolean): this { this.warningOnly = w; return this; }
  isWarningOnly(): boolean { return this.warningOnly; }
  getRange(): FakeRange {
    const a = this._area ?? { row: 1, col: 1, numRows: this._sheet._maxRows, numCols: this._sheet._maxCols };
    return new FakeRange(this._sheet, a.row, a.col, a.numRows, a.numCols);
  }
  canEdit(): boolean { return true; }
  remove(): void {
    this.removed = true;
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
  }
}

/** Grids made from one value (setValue, setBackground, setDataValidation…): the script sent one value. */
const ONE_VALUE = new WeakSet<object>();

export class FakeRange {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {}

  private _each<T>(fn: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this._numRows; r++) {
      const line = this._sheet._grid[this._row - 1 + r];
      const row: T[] = [];
      for (let c = 0; c < this._numCols; c++) row.push(fn(line?.[this._col - 1 + c], r, c));
      out.push(row);
    }
    return out;
  }
  private _cell(r: number, c: number): Cell {
    const grid = this._sheet._grid;
    const line = (grid[this._row - 1 + r] ??= []);
    return (line[this._col - 1 + c] ??= emptyCell());
  }
  private _checkShape(data: unknown, what: string): unknown[][] {
    if (!Array.isArray(data)) throw new Error(`Exception: The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${what}.`);
    if (data.length !== this._numRows) {
      throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._numRows}.`);
    }
    for (const line of data) {
      if (!Array.isArray(line) || line.length !== this._numCols) {
        throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${this._numCols}.`);
      }
    }
    return data as unknown[][];
  }
  private _fill<T>(data: T[][], apply: (cell: Cell, v: T) => void): this {
    for (let r = 0; r < this._numRows; r++) for (let c = 0; c < this._numCols; c++) apply(this._cell(r, c), data[r]![c]!);
    // What the call cost: the cells it wrote, and the values the script sent for them (one for a whole range).
    this._sheet._spreadsheet._app._counter.wrote(this._numRows * this._numCols, ONE_VALUE.has(data) ? 1 : this._numRows * this._numCols);
    return this;
  }
  private _same<T>(value: T): T[][] {
    const grid = Array.from({ length: this._numRows }, () => Array.from({ length: this._numCols }, () => value));
    ONE_VALUE.add(grid);
    return grid;
  }
  private _write(cell: Cell, v: unknown): void {
    const tz = this._sheet._spreadsheet._timeZone;
    const parsed = parseWrittenValue(v, cell.numberFormat === '@', tz, this._sheet._spreadsheet._app._cells);
    cell.value = parsed.value;
    cell.formula = parsed.formula;
    if (parsed.value instanceof Date && cell.numberFormat === '') cell.numberFormat = DEFAULT_DATE_FORMAT;
  }

  getRow(): number { return this._row; }
  getColumn(): number { return this._col; }
  getLastRow(): number { return this._row + this._numRows - 1; }
  getLastColumn(): number { return this._col + this._numCols - 1; }
  getNumRows(): number { return this._numRows; }
  getNumColumns(): number { return this._numCols; }
  getSheet(): FakeSheet { return this._sheet; }
  getA1Notation(): string {
    const a = `${columnLetters(this._col)}${this._row}`;
    return this._numRows === 1 && this._numCols === 1 ? a : `${a}:${columnLetters(this._col + this._numCols - 1)}${this._row + this._numRows - 1}`;
  }

  getValues(): CellValue[][] { return this._each((cell) => readValue(cell)); }
  getValue(): CellValue { return readValue(this._sheet._grid[this._row - 1]?.[this._col - 1]); }
  getDisplayValues(): string[][] {
    const tz = this._sheet._spreadsheet._timeZone;
    return this._each((cell) => displayValue(cell, cell?.numberFormat ?? '', tz));
  }
  getDisplayValue(): string { return this.getDisplayValues()[0]![0]!; }
  getFormulas(): string[][] { return this._each((cell) => cell?.formula ?? ''); }
  getFormula(): string { return this._sheet._grid[this._row - 1]?.[this._col - 1]?.formula ?? ''; }
  setValues(values: unknown[][]): this { return this._fill(this._checkShape(values, 'setValues'), (cell, v) => this._write(cell, v)); }
  setValue(value: unknown): this { return this._fill(this._same(value), (cell, v) => this._write(cell, v)); }
  setFormula(formula: string): this { return this._fill(this._same(formula), (cell, f) => { cell.formula = f; cell.value = '#NAME?'; }); }

  getNumberFormats(): string[][] { return this._each((cell) => cell?.numberFormat || '0.###############'); }
  getNumberFormat(): string { return this.getNumberFormats()[0]![0]!; }
  setNumberFormat(format: string): this { return this._fill(this._same(format), (cell, f) => { cell.numberFormat = f; }); }
  setNumberFormats(formats: string[][]): this { return this._fill(this._checkShape(formats, 'setNumberFormats') as string[][], (cell, f) => { cell.numberFormat = f; }); }

  getNotes(): string[][] { return this._each((cell) => cell?.note ?? ''); }
  getNote(): string { return this.getNotes()[0]![0]!; }
  setNote(note: string | null): this { return this._fill(this._same(note ?? ''), (cell, n) => { cell.note = String(n); }); }
  setNotes(notes: (string | null)[][]): this { return this._fill(this._checkShape(notes, 'setNotes') as (string | null)[][], (cell, n) => { cell.note = n ?? ''; }); }
  clearNote(): this { return this.setNote(''); }

  getBackgrounds(): string[][] { return this._each((cell) => cell?.background ?? WHITE); }
  getBackground(): string { return this.getBackgrounds()[0]![0]!; }
  setBackground(color: string | null): this { return this._fill(this._same(color ?? WHITE), (cell, c) => { cell.background = c.toLowerCase(); }); }
  setBackgrounds(colors: (string | null)[][]): this { return this._fill(this._checkShape(colors, 'setBackgrounds') as (string | null)[][], (cell, c) => { cell.background = (c ?? WHITE).toLowerCase(); }); }
  getFontColors(): string[][] { return this._each((cell) => cell?.fontColor ?? '#000000'); }
  setFontColor(color: string | null): this { return this._fill(this._same(color ?? '#000000'), (cell, c) => { cell.fontColor = c.toLowerCase(); }); }
  setFontColors(colors: (string | null)[][]): this { return this._fill(this._checkShape(colors, 'setFontColors') as (string | null)[][], (cell, c) => { cell.fontColor = (c ?? '#000000').toLowerCase(); }); }
  getFontWeights(): string[][] { return this._each((cell) => cell?.fontWeight ?? 'normal'); }
  setFontWeight(weight: string | null): this { return this._fill(this._same(weight ?? 'normal'), (cell, w) => { cell.fontWeight = w; }); }

  getDataValidations(): (FakeDataValidation | null)[][] { return this._each((cell) => cell?.validation ?? null); }
  getDataValidation(): FakeDataValidation | null { return this.getDataValidations()[0]![0]!; }
  setDataValidation(rule: FakeDataValidation | null): this { return this._fill(this._same(rule), (cell, r) => { cell.validation = r; }); }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this { return this._fill(this._checkShape(rules, 'setDataValidations') as (FakeDataValidation | null)[][], (cell, r) => { cell.validation = r; }); }
  clearDataValidations(): this { return this.setDataValidation(null); }
  /** Checkboxes are a data validation; inserting them sets every cell in the range to false. */
  insertCheckboxes(): this {
    const rule = new FakeDataValidationBuilder(this._sheet._spreadsheet._app).requireCheckbox().build();
    return this._fill(this._same(rule), (cell, r) => { cell.validation = r; cell.value = false; cell.formula = ''; });
  }
  removeCheckboxes(): this {
    return this._fill(this._same(null), (cell) => {
      if (cell.validation?.getCriteriaType() === DataValidationCriteria.CHECKBOX) { cell.validation = null; cell.value = ''; }
    });
  }

  clearContent(): this { return this._fill(this._same(null), (cell) => { cell.value = ''; cell.formula = ''; }); }
  clearFormat(): this {
    return this._fill(this._same(null), (cell) => { cell.numberFormat = ''; cell.background = WHITE; cell.fontColor = '#000000'; cell.fontWeight = 'normal'; });
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): this {
    const all = !options || (!options.contentsOnly && !options.formatOnly && !options.validationsOnly && !options.commentsOnly);
    return this._fill(this._same(null), (cell) => {
      if (all || options?.contentsOnly) { cell.value = ''; cell.formula = ''; }
      if (all || options?.formatOnly) { cell.numberFormat = ''; cell.background = WHITE; cell.fontColor = '#000000'; cell.fontWeight = 'normal'; }
      if (all || options?.validationsOnly) cell.validation = null;
      if (options?.commentsOnly) cell.note = '';
    });
  }
  protect(): FakeProtection {
    const p = new FakeProtection(this._sheet, ProtectionType.RANGE, { row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols });
    this._sheet._protections.push(p);
    return p;
  }
  /** Selects the range, bringing its sheet to the front (as Range.activate does). */
  activate(): this {
    this._sheet._spreadsheet._active = this._sheet;
    this._sheet._spreadsheet._activeRange = { sheet: this._sheet._name, row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols };
    return this;
  }
}

export class FakeSheet {
  _grid: (Cell | undefined)[][] = [];
  _maxRows = 1000;
  _maxCols = 26;
  _frozenRows = 0;
  _hidden = false;
  _protections: FakeProtection[] = [];
  _columnWidths = new Map<number, number>();
  _tabColor: string | null = null;

  constructor(readonly _spreadsheet: FakeSpreadsheet, public _name: string, readonly _id: number) {}

  private _checkArea(row: number, col: number, numRows: number, numCols: number): void {
    for (const [v, what] of [[row, 'row'], [col, 'column']] as const) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`Exception: The starting ${what} of the range is too small.`);
    }
    if (!Number.isInteger(numRows) || numRows < 1) throw new Error('Exception: The number of rows in the range must be at least 1.');
    if (!Number.isInteger(numCols) || numCols < 1) throw new Error('Exception: The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  getName(): string { return this._name; }
  setName(name: string): this {
    if (this._spreadsheet._sheets.some((s) => s !== this && s._name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this._name = name;
    return this;
  }
  getSheetId(): number { return this._id; }
  getParent(): FakeSpreadsheet { return this._spreadsheet; }
  getIndex(): number { return this._spreadsheet._sheets.indexOf(this) + 1; }
  getRange(a: number | string, col?: number, numRows = 1, numCols = 1): FakeRange {
    if (typeof a === 'string') {
      const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i.exec(a.trim());
      if (!m) throw new Error('Exception: Range not found');
      const c1 = columnNumber(m[1]!);
      const r1 = m[2] ? Number(m[2]) : 1;
      const c2 = m[3] ? columnNumber(m[3]) : c1;
      const r2 = m[4] ? Number(m[4]) : m[2] && !m[3] ? r1 : this._maxRows;
      this._checkArea(r1, c1, r2 - r1 + 1, c2 - c1 + 1);
      return new FakeRange(this, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
    }
    if (col === undefined) throw new Error('Exception: The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    this._checkArea(a, col, numRows, numCols);
    return new FakeRange(this, a, col, numRows, numCols);
  }
  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }
  _lastRow(): number {
    for (let r = this._grid.length; r >= 1; r--) {
      if (this._grid[r - 1]?.some((c) => c && (c.value !== '' || c.formula))) return r;
    }
    return 0;
  }
  _lastColumn(): number {
    let last = 0;
    for (const line of this._grid) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        const cell = line[c - 1];
        if (cell && (cell.value !== '' || cell.formula)) { last = c; break; }
      }
    }
    return last;
  }
  getLastRow(): number { return this._lastRow(); }
  getLastColumn(): number { return this._lastColumn(); }
  getMaxRows(): number { return this._maxRows; }
  getMaxColumns(): number { return this._maxCols; }

  private _shiftProtections(at: number, by: number): void {
    for (const p of this._protections) {
      const a = p._area;
      if (!a) continue;
      if (by > 0) {
        if (a.row >= at) a.row += by;
        else if (a.row + a.numRows - 1 >= at) a.numRows += by;
      } else {
        const count = -by;
        const end = at + count - 1;
        const overlap = Math.max(0, Math.min(end, a.row + a.numRows - 1) - Math.max(at, a.row) + 1);
        if (a.row > end) a.row -= count;
        else if (a.row >= at) a.row = at;
        a.numRows = Math.max(1, a.numRows - overlap);
      }
    }
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this._maxRows || howMany < 1) throw new Error('Exception: Those rows are out of bounds.');
    if (this._grid.length > afterPosition) this._grid.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this._maxRows += howMany;
    this._shiftProtections(afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    if (beforePosition < 1 || beforePosition > this._maxRows || howMany < 1) throw new Error('Exception: Those rows are out of bounds.');
    if (this._grid.length >= beforePosition) this._grid.splice(beforePosition - 1, 0, ...Array.from({ length: howMany }, () => []));
    this._maxRows += howMany;
    this._shiftProtections(beforePosition, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this._maxRows) throw new Error('Exception: Those rows are out of bounds.');
    if (this._maxRows - howMany <= this._frozenRows) throw new Error('Exception: Sorry, it is not possible to delete all non-frozen rows.');
    this._grid.splice(rowPosition - 1, howMany);
    this._maxRows -= howMany;
    this._shiftProtections(rowPosition, -howMany);
  }
  deleteRow(rowPosition: number): this { this.deleteRows(rowPosition, 1); return this; }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    if (afterPosition < 1 || afterPosition > this._maxCols || howMany < 1) throw new Error('Exception: Those columns are out of bounds.');
    for (const line of this._grid) if (line && line.length > afterPosition) line.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => undefined));
    this._maxCols += howMany;
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this._maxCols) throw new Error('Exception: Those columns are out of bounds.');
    for (const line of this._grid) line?.splice(columnPosition - 1, howMany);
    this._maxCols -= howMany;
  }
  setFrozenRows(rows: number): this {
    if (rows < 0 || rows >= this._maxRows) throw new Error('Exception: Those rows are out of bounds.');
    this._frozenRows = rows;
    return this;
  }
  getFrozenRows(): number { return this._frozenRows; }
  hideSheet(): this {
    const visible = this._spreadsheet._sheets.filter((s) => !s._hidden);
    if (!this._hidden && visible.length <= 1) throw new Error("Exception: You can't hide all the sheets in a document.");
    this._hidden = true;
    return this;
  }
  showSheet(): this { this._hidden = false; return this; }
  isSheetHidden(): boolean { return this._hidden; }
  protect(): FakeProtection {
    const existing = this._protections.find((p) => p._type === ProtectionType.SHEET);
    if (existing) return existing;
    const p = new FakeProtection(this, ProtectionType.SHEET, null);
    this._protections.push(p);
    return p;
  }
  getProtections(type: ProtectionType): FakeProtection[] { return this._protections.filter((p) => p._type === type); }
  clear(): this {
    for (const line of this._grid) line?.forEach((cell) => {
      if (!cell) return;
      cell.value = ''; cell.formula = ''; cell.numberFormat = ''; cell.background = WHITE; cell.fontColor = '#000000'; cell.fontWeight = 'normal';
    });
    return this;
  }
  clearContents(): this {
    for (const line of this._grid) line?.forEach((cell) => { if (cell) { cell.value = ''; cell.formula = ''; } });
    return this;
  }
  clearNotes(): this {
    for (const line of this._grid) line?.forEach((cell) => { if (cell) cell.note = ''; });
    return this;
  }
  setColumnWidth(col: number, width: number): this { this._columnWidths.set(col, width); return this; }
  setColumnWidths(start: number, count: number, width: number): this {
    for (let c = start; c < start + count; c++) this._columnWidths.set(c, width);
    return this;
  }
  autoResizeColumns(start: number, count: number): this { for (let c = start; c < start + count; c++) this._columnWidths.set(c, 120); return this; }
  activate(): this { this._spreadsheet._active = this; return this; }
  /** A colour for the sheet's tab (null: none). */
  setTabColor(color: string | null): this { this._tabColor = color === null ? null : String(color).toLowerCase(); return this; }
  getTabColor(): string | null { return this._tabColor; }
  showColumns(): this { return this; }
}

export class FakeSpreadsheet {
  _sheets: FakeSheet[] = [];
  _active: FakeSheet;
  _toasts: { message: string; title: string }[] = [];
  private _nextSheetId = 0;

  /** The selection the script made last (Range.activate). */
  _activeRange: { sheet: string; row: number; col: number; numRows: number; numCols: number } | null = null;
  constructor(readonly _app: FakeSpreadsheetApp, public _name: string, public _timeZone: string, readonly _id = 'fake-spreadsheet-id') {
    this._active = this._newSheet('Sheet1');
    this._sheets.push(this._active);
  }
  private _newSheet(name: string): FakeSheet {
    return new FakeSheet(this, name, this._nextSheetId++ === 0 ? 0 : 100_000 + this._nextSheetId);
  }
  getId(): string { return this._id; }
  getName(): string { return this._name; }
  getUrl(): string { return `https://docs.google.com/spreadsheets/d/${this._id}/edit`; }
  getSpreadsheetTimeZone(): string { return this._timeZone; }
  setSpreadsheetTimeZone(tz: string): void { this._timeZone = tz; }
  getSpreadsheetLocale(): string { return 'en_US'; }
  getSheets(): FakeSheet[] { return [...this._sheets]; }
  getSheetByName(name: string): FakeSheet | null { return this._sheets.find((s) => s._name === name) ?? null; }
  getSheetById(id: number): FakeSheet | null { return this._sheets.find((s) => s._id === id) ?? null; }
  insertSheet(name?: string, index?: number): FakeSheet {
    const sheetName = name ?? `Sheet${this._sheets.length + 1}`;
    if (this._sheets.some((s) => s._name.toLowerCase() === sheetName.toLowerCase())) {
      throw new Error(`Exception: A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = this._newSheet(sheetName);
    this._sheets.splice(index ?? this._sheets.length, 0, sheet);
    this._active = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    if (this._sheets.length <= 1) throw new Error('Exception: You can\'t remove all the sheets in a document.');
    this._sheets = this._sheets.filter((s) => s !== sheet);
    if (this._active === sheet) this._active = this._sheets[0]!;
  }
  getActiveSheet(): FakeSheet { return this._active; }
  setActiveSheet(sheet: FakeSheet): FakeSheet { this._active = sheet; return sheet; }
  getProtections(type: ProtectionType): FakeProtection[] { return this._sheets.flatMap((s) => s.getProtections(type)); }
  toast(message: string, title = '', _timeoutSeconds?: number): void { this._toasts.push({ message: String(message), title: String(title) }); }
}

export class FakeSpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly _spreadsheet: FakeSpreadsheet;
  _ui: unknown;
  readonly _cells: CellBehaviour;

  constructor(readonly _counter: CallCounter, options: { name?: string; timeZone?: string; ui?: unknown; cells?: CellBehaviour } = {}) {
    this._spreadsheet = new FakeSpreadsheet(this, options.name ?? 'Team CRM', options.timeZone ?? 'Europe/Paris');
    this._ui = options.ui;
    this._cells = options.cells ?? LITERAL_CELLS;
  }
  getActiveSpreadsheet(): FakeSpreadsheet { return this._spreadsheet; }
  getActive(): FakeSpreadsheet { return this._spreadsheet; }
  getActiveSheet(): FakeSheet { return this._spreadsheet._active; }
  getUi(): unknown {
    if (!this._ui) throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    return this._ui;
  }
  newDataValidation(): FakeDataValidationBuilder { return new FakeDataValidationBuilder(this); }
  flush(): void {}
}

const appOf = (self: { _app?: FakeSpreadsheetApp; _sheet?: FakeSheet; _spreadsheet?: FakeSpreadsheet; _counter?: CallCounter }): CallCounter =>
  self._counter ?? self._app?._counter ?? self._spreadsheet?._app._counter ?? self._sheet!._spreadsheet._app._counter;

for (const cls of [FakeSpreadsheetApp, FakeSpreadsheet, FakeSheet, FakeRange, FakeProtection, FakeDataValidation, FakeDataValidationBuilder]) {
  instrument(cls, appOf);
}
