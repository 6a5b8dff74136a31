// Who is signed in and where, with sign out. Signing out revokes the token on the server first; if the server
// cannot be reached the token stays (nothing is lost) and the user may choose to forget it here anyway.
import { useState } from 'preact/hooks';
import { Notice } from '../ui/notice.tsx';
import { errorMessage, forget, signOut } from '../lib/pivor-session.ts';
import type { Session } from '../storage/session-store.ts';

export function AccountCard(props: { session: Session; onSignedOut: () => void }) {
  const { user, baseUrl } = props.session;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const host = new URL(baseUrl.includes('://') ? baseUrl : `https://${baseUrl}`).host;

  const doSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut(props.session);
      props.onSignedOut();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const doForget = async () => {
    await forget(props.session);
    props.onSignedOut();
  };

  return (
    <section class="card account" aria-label="Signed in">
      <div class="row">
        <div class="avatar" aria-hidden="true">{initials(user.name)}</div>
        <div class="who">
          <div class="name" data-testid="user-name">{user.name}</div>
          <div class="muted small">
            <span class="badge accent" data-testid="user-role">{user.role}</span> <span data-testid="instance">{host}</span>
          </div>
        </div>
        <div class="spacer" />
        <button type="button" class="small" onClick={doSignOut} disabled={busy} aria-busy={busy}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
      {error && (
        <Notice kind="error" title="Could not revoke the token">
          <p>{error}</p>
          <p class="small">The token is still valid in Pivor. Try again when Pivor is reachable, or forget it here only.</p>
          <div class="row" style={{ marginTop: '8px' }}>
            <button type="button" class="small" onClick={doSignOut}>Try again</button>
            <button type="button" class="small danger" onClick={doForget}>Forget it here</button>
          </div>
        </Notice>
      )}
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1]![0] : '')).toUpperCase();
}
