// HtmlService (HTML output built from the project's .html files) and the spreadsheet Ui: menus, the
// sidebar, alerts. Alert answers are queued by the test, as a person would click them.
import { CallCounter, instrument } from './call-counter.ts';

export class FakeHtmlOutput {
  title = '';
  width = 300;
  constructor(readonly _counter: CallCounter, public content: string) {}
  setTitle(title: string): this { this.title = String(title); return this; }
  getTitle(): string { return this.title; }
  setWidth(w: number): this { this.width = w; return this; }
  getWidth(): number { return this.width; }
  append(html: string): this { this.content += html; return this; }
  getContent(): string { return this.content; }
  setContent(html: string): this { this.content = html; return this; }
  setSandboxMode(): this { return this; }
  setXFrameOptionsMode(): this { return this; }
  addMetaTag(): this { return this; }
}

export class FakeHtmlService {
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' } as const;
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
  /** files: the project's HTML files by name without extension, as clasp pushed them. */
  constructor(readonly _counter: CallCounter, private readonly files: ReadonlyMap<string, string>) {}
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    const content = this.files.get(name.replace(/\.html$/, ''));
    if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
    return new FakeHtmlOutput(this._counter, content);
  }
  createHtmlOutput(html = ''): FakeHtmlOutput { return new FakeHtmlOutput(this._counter, html); }
}

export type MenuEntry = { caption: string; functionName: string } | { separator: true };

export class FakeMenu {
  readonly items: MenuEntry[] = [];
  constructor(readonly _counter: CallCounter, private readonly ui: FakeUi, readonly caption: string) {}
  addItem(caption: string, functionName: string): this { this.items.push({ caption, functionName }); return this; }
  addSeparator(): this { this.items.push({ separator: true }); return this; }
  addToUi(): void { this.ui.menus.set(this.caption, this); }
}

export enum Button { OK = 'OK', CANCEL = 'CANCEL', YES = 'YES', NO = 'NO', CLOSE = 'CLOSE' }
export enum ButtonSet { OK = 'OK', OK_CANCEL = 'OK_CANCEL', YES_NO = 'YES_NO', YES_NO_CANCEL = 'YES_NO_CANCEL' }

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus = new Map<string, FakeMenu>();
  sidebar: FakeHtmlOutput | null = null;
  readonly alerts: { title: string; prompt: string; buttons: ButtonSet }[] = [];
  /** Answers the next alerts will get; OK / YES when empty. */
  readonly answers: Button[] = [];

  constructor(readonly _counter: CallCounter, private readonly addonName = 'Pivor') {}
  createMenu(caption: string): FakeMenu { return new FakeMenu(this._counter, this, caption); }
  /** An add-on's menu lives under Extensions, titled with the add-on's name. */
  createAddonMenu(): FakeMenu { return new FakeMenu(this._counter, this, this.addonName); }
  showSidebar(output: FakeHtmlOutput): void { this.sidebar = output; }
  showModalDialog(output: FakeHtmlOutput, _title: string): void { this.sidebar = output; }
  alert(a: string, b?: string | ButtonSet, c?: ButtonSet): Button {
    const [title, prompt, buttons] = c !== undefined ? [a, String(b), c] : b !== undefined && b in ButtonSet ? ['', a, b as ButtonSet] : ['', a, ButtonSet.OK];
    this.alerts.push({ title, prompt, buttons });
    return this.answers.shift() ?? (buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK);
  }
}

instrument(FakeHtmlOutput, (s: FakeHtmlOutput) => s._counter, 'HtmlOutput');
instrument(FakeHtmlService, (s: FakeHtmlService) => s._counter, 'HtmlService');
instrument(FakeMenu, (s: FakeMenu) => s._counter, 'Menu');
instrument(FakeUi, (s: FakeUi) => s._counter, 'Ui');
