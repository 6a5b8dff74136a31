// The push journal in document properties, so a push stopped half way (closed sidebar, Apps Script's
// time limit, a lost answer) resumes without creating a record twice, whoever resumes it. Only "pending"
// creates are kept: done ones already have their id written in their row, which is what prevents a
// second create. Split over several keys when larger than one property holds (9 kB). Every read and write
// holds the document lock: a journal spread over several keys is never read half written.
import type { JournalStore, PushJournal } from '../shared/push/journal.ts';
import { withDocumentLock } from './document-lock.ts';

const PART = 8_000;

type Props = GoogleAppsScript.Properties.Properties;

function partKeys(props: Props, key: string): string[] {
  return props.getKeys().filter((k) => k === key || k.startsWith(`${key}#`)).sort((a, b) => partIndex(a) - partIndex(b));
}

function partIndex(k: string): number {
  const at = k.lastIndexOf('#');
  return at < 0 ? 0 : Number(k.slice(at + 1));
}

export function documentJournalStore(): JournalStore {
  return {
    load(key) {
      return Promise.resolve(withDocumentLock((props) => {
        const parts = partKeys(props, key);
        if (parts.length === 0) return null;
        const all = props.getProperties();
        try {
          return JSON.parse(parts.map((k) => all[k] ?? '').join('')) as PushJournal;
        } catch {
          return null;
        }
      }));
    },
    save(key, journal) {
      const pending: PushJournal['rows'] = {};
      for (const [row, entry] of Object.entries(journal.rows)) if (entry.state === 'pending') pending[row] = entry;
      const text = JSON.stringify({ ...journal, rows: pending });
      const values: Record<string, string> = {};
      for (let i = 0; i * PART < text.length; i += 1) values[i === 0 ? key : `${key}#${i}`] = text.slice(i * PART, (i + 1) * PART);
      withDocumentLock((props) => {
        for (const k of partKeys(props, key)) if (!(k in values)) props.deleteProperty(k);
        props.setProperties(values);
      });
      return Promise.resolve();
    },
    clear(key) {
      withDocumentLock((props) => {
        for (const k of partKeys(props, key)) props.deleteProperty(k);
      });
      return Promise.resolve();
    },
  };
}
