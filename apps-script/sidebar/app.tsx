// The sidebar: sign-in, or the signed-in user with Pull, Push and Import. The menu item that opened the
// sidebar (window.PIVOR_START) says which part starts open.
import { useEffect, useState } from 'preact/hooks';
import { AccountBar } from './account-bar.tsx';
import { ImportPanel } from './import-panel.tsx';
import { PullPanel } from './pull-panel.tsx';
import { PushPanel } from './push-panel.tsx';
import { call, messageOf, type ServerError } from './server.ts';
import { SignIn } from './sign-in.tsx';
import type { ImportResult, SidebarState, StartAction } from './types.ts';

declare global {
  interface Window { PIVOR_START?: StartAction }
}

export function App() {
  const [state, setState] = useState<SidebarState | null>(null);
  const [notice, setNotice] = useState('');
  const [tab, setTab] = useState<StartAction>(window.PIVOR_START ?? 'home');
  const [pushTarget, setPushTarget] = useState<{ sheetId: number | null; auto: boolean }>({ sheetId: null, auto: false });

  const refresh = async () => {
    try {
      const next = await call<SidebarState>('getSidebarState');
      setState(next);
      return next;
    } catch (err) {
      setNotice(messageOf(err));
      return null;
    }
  };

  useEffect(() => {
    void refresh().then((s) => {
      // Opened with "Push changes" on a pulled sheet: review that sheet at once.
      if (s && tab === 'push' && s.sheets.some((x) => x.sheetId === s.activeSheetId)) setPushTarget({ sheetId: s.activeSheetId, auto: true });
    });
  }, []);

  if (!state) return <p class="hint">{notice || 'Loading…'}</p>;
  if (!state.user) {
    return (
      <main>
        {notice && <p class="warn" role="status">{notice}</p>}
        <SignIn lastBaseUrl={state.lastBaseUrl} onSignedIn={() => { setNotice(''); void refresh(); }} />
      </main>
    );
  }

  const signedOut = (error: ServerError | string) => {
    setNotice(typeof error === 'string' ? error : error.message);
    void refresh();
  };
  const imported = (result: ImportResult) => {
    void refresh();
    setNotice(`${result.rows} rows are in the sheet "${result.sheetName}". Check them, then push to create them in Pivor.`);
    setTab('push');
    setPushTarget({ sheetId: result.sheetId, auto: true });
  };

  return (
    <main>
      <AccountBar user={state.user} onSignedOut={signedOut} />
      {notice && <p class="notice" role="status">{notice}</p>}
      <nav class="tabs" role="tablist">
        {(['pull', 'push', 'import'] as const).map((t) => (
          <button type="button" role="tab" aria-selected={tab === t || (tab === 'home' && t === 'pull')} onClick={() => { setTab(t); setNotice(''); }}>
            {t === 'pull' ? 'Pull' : t === 'push' ? 'Push' : 'Import'}
          </button>
        ))}
      </nav>
      {(tab === 'pull' || tab === 'home') && <PullPanel sheets={state.sheets} timeZone={state.timeZone} onDone={() => void refresh()} onSignedOut={signedOut} />}
      {tab === 'push' && <PushPanel sheets={state.sheets} selected={pushTarget.sheetId} autoReview={pushTarget.auto} onSignedOut={signedOut} />}
      {tab === 'import' && <ImportPanel onImported={imported} />}
    </main>
  );
}
