// What the sidebar receives from the server functions (type-only imports: nothing of the server is bundled).
import type { SignedInUser } from '../pivor-session.ts';
import type { ResourceName } from '../../shared/resources/index.ts';

export type { SignedInUser };
export type { PullJob, PullProgress } from '../pull.ts';
export type { PushRun, PushSummary, PushProgress } from '../push-run.ts';
export type { ImportResult } from '../import-sheet.ts';
export type { UnpushedChanges } from '../unpushed-changes.ts';

export interface SheetEntry {
  sheetId: number;
  name: string;
  resource: ResourceName;
  pulledAt: string | null;
  rows: number | null;
  imported: boolean;
  /** Scheduled refresh, whether it runs as this person, and why the last one skipped the sheet. */
  refresh: 'off' | 'hourly' | 'daily';
  refreshMine: boolean;
  refreshSkipped: { at: string; reason: string } | null;
}

export interface SidebarState {
  activeSheetId: number;
  user: SignedInUser | null;
  lastBaseUrl: string;
  timeZone: string;
  sheets: SheetEntry[];
}

export type StartAction = 'home' | 'pull' | 'push' | 'import';
