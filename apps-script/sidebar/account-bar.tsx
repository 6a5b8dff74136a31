// Who is signed in, where, and the sign-out button (which revokes the token in Pivor).
import { useState } from 'preact/hooks';
import { call, messageOf } from './server.ts';
import type { SignedInUser } from './types.ts';

export function AccountBar(props: { user: SignedInUser; onSignedOut: (warning: string) => void }) {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      const result = await call<{ warning?: string }>('signOut');
      props.onSignedOut(result.warning ?? '');
    } catch (err) {
      props.onSignedOut(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  let host = props.user.baseUrl;
  try {
    host = new URL(/^https?:\/\//.test(host) ? host : `https://${host}`).host;
  } catch {
    // Shown as typed.
  }
  return (
    <header class="account" aria-label="Account">
      <div>
        <div class="who">{props.user.name || props.user.email}</div>
        <div class="hint">{props.user.email} · {props.user.role} · {host}</div>
      </div>
      <button type="button" disabled={busy} onClick={signOut}>Sign out</button>
    </header>
  );
}
