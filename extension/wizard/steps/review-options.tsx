// The Review step's options: how rows find existing records, creating unknown clients, how dates are read, and
// sending names Pivor cannot handle. Date options appear only when they matter: the order only when some date
// could be read either way, the time zone only when a date column is imported (a searchable field: some 400 zones).
import { getResource, type ResourceName } from '../../../shared/resources/index.ts';
import type { MatchBy } from '../../../shared/push/types.ts';
import type { HeaderMapping } from '../../../shared/map/index.ts';
import { NON_ASCII_INITIAL, type ValidationReport } from '../../../shared/validate/index.ts';
import { useState } from 'preact/hooks';
import { timeZones, type ImportOptions } from '../import-options.ts';
import { countOf } from '../../ui/count.ts';

/** Rows whose contact name Pivor cannot handle (its initials bug): held back, or sent anyway when chosen. */
export function nonAsciiNameRows(report: ValidationReport | null): number {
  return report ? report.rows.filter((r) => r.issues.some((i) => i.code === NON_ASCII_INITIAL)).length : 0;
}

export function matchChoices(resource: ResourceName, mapping: HeaderMapping): { value: MatchBy; label: string; disabled: boolean }[] {
  const spec = getResource(resource);
  const has = (key: string) => mapping.byField[key] !== undefined;
  return [
    { value: 'id', label: 'By id (a round trip of a Pivor export)', disabled: !has('id') },
    ...(spec.matchKeys.includes('email') ? [{ value: 'email' as const, label: 'By email', disabled: !has('email') }] : []),
    ...(spec.matchKeys.includes('name') ? [{ value: 'name' as const, label: 'By name', disabled: !has('name') }] : []),
    { value: 'none', label: 'Don’t match: create every row', disabled: false },
  ];
}

/** The best match for a file: its ids, else the resource's first match key the file has, else none. */
export function defaultMatch(resource: ResourceName, mapping: HeaderMapping): MatchBy {
  const usable = matchChoices(resource, mapping).filter((c) => !c.disabled);
  return usable[0]?.value ?? 'none';
}

export function ReviewOptions(props: {
  resource: ResourceName;
  mapping: HeaderMapping;
  options: ImportOptions;
  onChange: (options: ImportOptions) => void;
  hasDates: boolean;
  /** Some date in the file reads both day-first and month-first (02/04/2025). */
  ambiguousDates: boolean;
  /** Rows with a name Pivor cannot handle: the choice to send them shows only when there are some. */
  nonAsciiNames: number;
}) {
  const { options } = props;
  const set = (patch: Partial<ImportOptions>) => props.onChange({ ...options, ...patch });
  const referencesClients = getResource(props.resource).fields.some((f) => f.reference?.resource === 'clients');
  return (
    <div class="options-grid">
      <div class="field">
        <label for="match-by">Match rows to existing records</label>
        <select id="match-by" value={options.matchBy} onChange={(e) => set({ matchBy: e.currentTarget.value as MatchBy })}>
          {matchChoices(props.resource, props.mapping).map((c) => (
            <option key={c.value} value={c.value} disabled={c.disabled}>{c.label}{c.disabled ? ' (no such column)' : ''}</option>
          ))}
        </select>
        <span class="hint">A matched row updates its record; the others are created.</span>
      </div>
      {referencesClients && (
        <div class="field">
          <span class="label-like">Unknown clients</span>
          <label class="choice">
            <input type="checkbox" checked={options.createMissingClients} onChange={(e) => set({ createMissingClients: e.currentTarget.checked })} />
            Create clients that are not in Pivor yet
          </label>
          <span class="hint">Otherwise rows naming an unknown client are reported.</span>
        </div>
      )}
      {(props.nonAsciiNames > 0 || options.sendNonAsciiNames) && (
        <div class="field">
          <span class="label-like">Names Pivor cannot handle</span>
          <label class="choice">
            <input type="checkbox" id="send-non-ascii-names" checked={options.sendNonAsciiNames} onChange={(e) => set({ sendNonAsciiNames: e.currentTarget.checked })} />
            Send them anyway ({countOf(props.nonAsciiNames, 'row')})
          </label>
          <span class="hint">
            These first or last names start with a character outside plain ASCII (É, Ø, 李…). Pivor saves such a contact but then
            shows a server error on every page holding it, the contacts list included, for everyone, until the name is changed
            in Pivor’s web screens. Unticked, those rows are held back: change their first letter in the file instead.
          </span>
        </div>
      )}
      {(props.ambiguousDates || options.dateOrder !== '') && (
        <div class="field">
          <label for="date-order">Dates like 02/04/2025</label>
          <select id="date-order" value={options.dateOrder} onChange={(e) => set({ dateOrder: e.currentTarget.value as ImportOptions['dateOrder'] })}>
            <option value="">Ask: report them</option>
            <option value="day-first">Day first (2 April 2025)</option>
            <option value="month-first">Month first (February 4, 2025)</option>
          </select>
        </div>
      )}
      {props.hasDates && <TimeZonePicker value={options.timeZone} onChange={(timeZone) => set({ timeZone })} />}
    </div>
  );
}

/** A text field with the zones as suggestions: typing "par" offers Europe/Paris. Only a known zone is taken. */
function TimeZonePicker(props: { value: string; onChange: (zone: string) => void }) {
  const [text, setText] = useState(props.value);
  const zones = timeZones();
  const known = zones.includes(text.trim());
  const commit = () => {
    if (known && text.trim() !== props.value) props.onChange(text.trim());
  };
  return (
    <div class="field">
      <label for="time-zone">Times in the file are in</label>
      <input id="time-zone" type="search" list="time-zones" value={text} spellcheck={false} autoComplete="off" aria-invalid={!known}
        aria-describedby="time-zone-hint" onInput={(e) => setText(e.currentTarget.value)} onChange={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()} />
      <datalist id="time-zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
      <span class="hint" id="time-zone-hint" data-testid="time-zone-hint">
        {!known ? 'Type to search, then pick a zone from the list, e.g. Europe/Paris.'
          : text.trim() === props.value ? `Dates without a zone are read in ${props.value}.`
          : `Press Enter to read dates without a zone in ${text.trim()}.`}
      </span>
    </div>
  );
}
