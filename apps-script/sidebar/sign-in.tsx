// Sign-in: Pivor's address, then email and password, or a token made in Pivor. The password goes to the
// add-on's server side once (to get a token) and is not kept.
import { useState } from 'preact/hooks';
import { call, messageOf } from './server.ts';
import type { SignedInUser } from './types.ts';

export function SignIn(props: { lastBaseUrl: string; onSignedIn: (user: SignedInUser) => void }) {
  const [baseUrl, setBaseUrl] = useState(props.lastBaseUrl);
  const [mode, setMode] = useState<'password' | 'token'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const form = mode === 'token' ? { baseUrl, token } : { baseUrl, email, password };
      const user = await call<SignedInUser>('signIn', form);
      setPassword('');
      setToken('');
      props.onSignedIn(user);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={submit} aria-label="Sign in to Pivor">
      <h2>Sign in to Pivor</h2>
      <label>
        Pivor's address
        <input name="baseUrl" type="url" required placeholder="https://crm.example.com" value={baseUrl} onInput={(e) => setBaseUrl(e.currentTarget.value)} />
      </label>
      <div class="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'password'} onClick={() => setMode('password')}>Email and password</button>
        <button type="button" role="tab" aria-selected={mode === 'token'} onClick={() => setMode('token')}>Token</button>
      </div>
      {mode === 'password' ? (
        <>
          <label>
            Email
            <input name="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
        </>
      ) : (
        <label>
          API token
          <input name="token" type="password" autocomplete="off" required placeholder="12|abc…" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        </label>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <button class="primary" type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      <p class="hint">Your token is kept in your own Google account's storage for this add-on, never in the spreadsheet.</p>
    </form>
  );
}
