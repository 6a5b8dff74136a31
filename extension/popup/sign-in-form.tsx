// The signed-out popup: Pivor's address and either email + password (a new token named "Pivor Bridge (Chrome)")
// or an existing API token. Errors say what to fix; the password is never kept.
import { useState } from 'preact/hooks';
import { Notice } from '../ui/notice.tsx';
import { normalizeBaseUrl } from '../../shared/api/base-url.ts';
import { errorMessage, schemeChoice, signIn, type Credentials } from '../lib/pivor-session.ts';
import type { Session } from '../storage/session-store.ts';

export function SignInForm(props: { onSignedIn: (session: Session) => void; initialUrl?: string }) {
  const [address, setAddress] = useState(props.initialUrl ?? '');
  const [method, setMethod] = useState<'password' | 'token'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const credentials: Credentials = method === 'password' ? { kind: 'password', email, password } : { kind: 'token', token };
    if (method === 'password' && (!email.trim() || !password)) return setError('Enter your email and password.');
    if (method === 'token' && !token.trim()) return setError('Paste an API token.');
    setBusy(true);
    try {
      // signIn asks for host access first thing, while this click still counts as the user's gesture.
      const session = await signIn(address, credentials);
      setPassword('');
      props.onSignedIn(session);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack sign-in" onSubmit={submit} noValidate aria-busy={busy}>
      <div>
        <h1>Sign in to Pivor</h1>
        <p class="muted small">Import and export clients, contacts and communications as CSV.</p>
      </div>
      <div class="field">
        <label for="pivor-url">Pivor URL</label>
        <input id="pivor-url" name="url" type="text" inputMode="url" autoComplete="url" spellcheck={false}
          placeholder="https://crm.example.com" value={address} onInput={(e) => setAddress(e.currentTarget.value)} required
          aria-describedby="pivor-url-scheme" />
        <span class="hint" id="pivor-url-scheme" data-testid="url-scheme">{schemeHint(address)}</span>
      </div>
      <fieldset>
        <legend class="visually-hidden">How to sign in</legend>
        <div class="segmented">
          <label>
            <input type="radio" name="method" value="password" checked={method === 'password'} onChange={() => setMethod('password')} />
            Email &amp; password
          </label>
          <label>
            <input type="radio" name="method" value="token" checked={method === 'token'} onChange={() => setMethod('token')} />
            API token
          </label>
        </div>
      </fieldset>
      {method === 'password' ? (
        <>
          <div class="field">
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autoComplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autoComplete="current-password" value={password}
              onInput={(e) => setPassword(e.currentTarget.value)} />
            <span class="hint">Creates an API token named “Pivor Bridge (Chrome)”. Your password is not stored.</span>
          </div>
        </>
      ) : (
        <div class="field">
          <label for="token">API token</label>
          <input id="token" name="token" type="password" autoComplete="off" spellcheck={false} placeholder="12|AbCdEf…" value={token}
            onInput={(e) => setToken(e.currentTarget.value)} />
          <span class="hint">Signing out revokes this token in Pivor.</span>
        </div>
      )}
      {error && <Notice kind="error" testId="sign-in-error">{error}</Notice>}
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <p class="muted small">
        The token stays in this browser’s extension storage. Pivor Bridge asks for access to this Pivor address only.
      </p>
    </form>
  );
}

/** Under the address, once it has no scheme: which one will be used. */
function schemeHint(address: string): string {
  try {
    const base = normalizeBaseUrl(address);
    return base.assumedScheme ? `Will use ${schemeChoice(base)}.` : '';
  } catch {
    return '';
  }
}
