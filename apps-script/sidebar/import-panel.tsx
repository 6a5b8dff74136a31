// Import a CSV file: read and mapped here with the core (encoding, delimiter, header mapping with its
// reasons, the user may change any column), then the mapped records go to the server, which puts them
// in a new sheet; pushing that sheet creates them.
import { useState } from 'preact/hooks';
import { readCsv, type CsvTable } from '../../shared/csv/index.ts';
import { detectResource, mapHeaders, tableSamples, type UserMapping } from '../../shared/map/index.ts';
import { exportFields, getResource, resourceNames, type ResourceName } from '../../shared/resources/index.ts';
import { count } from './progress-bar.tsx';
import { call, messageOf } from './server.ts';
import type { ImportResult } from './types.ts';

interface Chosen { name: string; table: CsvTable }

export function ImportPanel(props: { onImported: (result: ImportResult) => void }) {
  const [file, setFile] = useState<Chosen | null>(null);
  const [resource, setResource] = useState<ResourceName>('contacts');
  const [mapping, setMapping] = useState<UserMapping>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const choose = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    setError('');
    if (!chosen) return;
    try {
      const table = readCsv(new Uint8Array(await chosen.arrayBuffer()));
      if (table.headers.length === 0) throw new Error('The file is empty.');
      const detected = detectResource(table.headers);
      setFile({ name: chosen.name, table });
      if (detected.resource) setResource(detected.resource);
      setMapping({});
    } catch (err) {
      setFile(null);
      setError(`Could not read ${chosen.name}: ${messageOf(err)}`);
    }
  };

  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      const result = await call<ImportResult>('importCsv', {
        resource, fileName: file.name, headers: file.table.headers, records: file.table.records.map((r) => r.cells), userMapping: mapping,
      });
      setFile(null);
      props.onImported(result);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const spec = getResource(resource);
  const fields = exportFields(spec).filter((f) => f.type !== 'id' && f.type !== 'timestamp');
  // the values of the first rows count, as they do when the server side validates the same table
  const mapped = file ? mapHeaders(spec, file.table.headers, mapping, tableSamples(file.table)) : null;
  const errors = file?.table.problems.filter((p) => p.severity === 'error') ?? [];

  return (
    <section class="card" aria-label="Import a CSV file">
      <h2>Import a CSV file</h2>
      <input type="file" accept=".csv,text/csv" aria-label="CSV file" onChange={choose} />
      {file && mapped && (
        <>
          <p class="hint">{file.name}: {count(file.table.records.length)} rows, {file.table.encoding}, "{file.table.delimiter === '\t' ? 'tab' : file.table.delimiter}" separated.</p>
          {errors.length > 0 && <p class="warn">{count(errors.length)} rows could not be read and are left out (row {errors[0]!.row}: {errors[0]!.message}).</p>}
          <label>
            These rows are
            <select value={resource} onChange={(e) => { setResource(e.currentTarget.value as ResourceName); setMapping({}); }}>
              {resourceNames.map((r) => <option value={r}>{getResource(r).title}</option>)}
            </select>
          </label>
          <table class="mapping" aria-label="Columns">
            <thead><tr><th>Column</th><th>Pivor field</th></tr></thead>
            <tbody>
              {mapped.columns.map((column) => (
                <tr>
                  <td title={column.detail ?? ''}>{column.header || `(column ${column.index + 1})`}</td>
                  <td>
                    <select
                      aria-label={`Field for ${column.header}`}
                      value={column.field ?? ''}
                      onChange={(e) => setMapping({ ...mapping, [column.header]: e.currentTarget.value || null })}
                    >
                      <option value="">(ignore)</option>
                      {fields.map((f) => <option value={f.key}>{f.label}</option>)}
                      {column.field && !fields.some((f) => f.key === column.field) && <option value={column.field}>{column.field}</option>}
                    </select>
                    {column.holdsEmails && <p class="warn">Holds email addresses, and they are not imported.</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button class="primary" type="button" disabled={busy} onClick={send}>{busy ? 'Creating the sheet…' : `Put ${count(file.table.records.length)} rows in a new sheet`}</button>
        </>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
