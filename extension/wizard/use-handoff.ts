// Loads a file handed over by the right-click menu (#handoff=<id>), and reads it when the wizard must first be
// allowed to (a link on another origin: chrome.permissions.request needs this page's click).
import { useEffect, useState } from 'preact/hooks';
import { base64ToBytes } from '../lib/base64.ts';
import { fetchFromExtension, fileOrProblem } from '../lib/fetch-file.ts';
import { hostOf } from './chosen-file.ts';
import { requestOriginAccess } from '../lib/host-access.ts';
import { loadHandoff, saveHandoff, type Handoff } from '../storage/handoff-store.ts';
import { chosenFile, type ChosenFile } from './chosen-file.ts';

export type HandoffState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'needs-access'; handoff: Handoff; origin: string }
  | { kind: 'reading'; handoff: Handoff }
  | { kind: 'failed'; handoff: Handoff; message: string }
  | { kind: 'ready'; handoff: Handoff; file: ChosenFile };

export function handoffIdFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('handoff');
}

export function useHandoff(id: string | null): [HandoffState, () => Promise<void>] {
  const [state, setState] = useState<HandoffState>(id ? { kind: 'loading' } : { kind: 'none' });

  useEffect(() => {
    if (!id) return;
    void loadHandoff(id).then(async (handoff) => setState(handoff ? await stateOf(handoff) : { kind: 'missing' }));
  }, [id]);

  /** Asks for the file's origin (from the click that calls this) and reads the file. */
  const allowAndRead = async () => {
    if (state.kind !== 'needs-access' && state.kind !== 'failed') return;
    const handoff = state.handoff;
    const origin = new URL(handoff.source).origin;
    const granted = await requestOriginAccess(origin);
    if (!granted) {
      setState({ kind: 'needs-access', handoff, origin });
      return;
    }
    setState({ kind: 'reading', handoff });
    const read = fileOrProblem(await fetchFromExtension(handoff.source));
    const { needsOrigin: _, error: __, ...rest } = handoff;
    const updated: Handoff = 'base64' in read ? { ...rest, base64: read.base64 } : { ...rest, error: read.error };
    await saveHandoff(updated);
    setState(await stateOf(updated));
  };

  return [state, allowAndRead];
}

async function stateOf(handoff: Handoff): Promise<HandoffState> {
  if (handoff.base64 !== undefined) {
    const file = await chosenFile(handoff.name, base64ToBytes(handoff.base64), handoff.page ? 'link' : 'page', {
      source: handoff.source,
      ...(handoff.page ? { page: handoff.page } : {}),
      handoffId: handoff.id,
    });
    return { kind: 'ready', handoff, file };
  }
  if (handoff.needsOrigin) return { kind: 'needs-access', handoff, origin: handoff.needsOrigin };
  return { kind: 'failed', handoff, message: handoff.error ?? `The file at ${hostOf(handoff.source)} could not be read.` };
}
