// The pulled sheets, each with when it was last pulled (in the spreadsheet's time zone) and its scheduled
// refresh: off, every hour or every day. A refresh another editor set runs as that editor; choosing here
// makes it yours. When the last scheduled refresh skipped the sheet, it says why and what to do.
import { useState } from 'preact/hooks';
import { call, messageOf } from './server.ts';
import type { SheetEntry } from './types.ts';

const CHOICES = [
  { value: 'off', label: 'Off' },
  { value: 'hourly', label: 'Every hour' },
  { value: 'daily', label: 'Every day' },
] as const;

/** 2026-12-02 14:05 in the spreadsheet's time zone (Sweden's locale writes dates that way). */
export function sheetTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function PulledSheets(props: { sheets: SheetEntry[]; timeZone: string; onChanged: () => void }) {
  const [error, setError] = useState('');
  const pulled = props.sheets.filter((s) => s.pulledAt !== null);
  if (pulled.length === 0) return null;
  const choose = async (sheet: SheetEntry, choice: string) => {
    setError('');
    try {
      await call('setRefresh', sheet.sheetId, choice);
      props.onChanged();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <div class="pulled-sheets">
      <ul aria-label="Pulled sheets">
        {pulled.map((s) => (
          <li>
            <div><b>{s.name}</b>: last pulled {sheetTime(s.pulledAt!, props.timeZone)}{s.rows !== null ? `, ${s.rows.toLocaleString('en-US')} rows` : ''}</div>
            <label>
              Refresh from Pivor
              <select aria-label={`Scheduled refresh of ${s.name}`} value={s.refresh} onChange={(e) => void choose(s, e.currentTarget.value)}>
                {CHOICES.map((c) => <option value={c.value}>{c.label}</option>)}
              </select>
            </label>
            {s.refresh !== 'off' && !s.refreshMine && <p class="hint">Set by another editor: it runs with their Pivor sign-in. Choosing here makes it run with yours.</p>}
            {s.refresh !== 'off' && s.refreshMine && <p class="hint">Runs with your Pivor sign-in, also while the spreadsheet is closed. A sheet with changes not pushed is never refreshed.</p>}
            {s.refreshSkipped && <p class="warn">Scheduled refresh skipped on {sheetTime(s.refreshSkipped.at, props.timeZone)}: {s.refreshSkipped.reason}</p>}
          </li>
        ))}
      </ul>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
