// The popup: the sign-in form when signed out; who/where, sign out and the three resources when signed in.
// Also opens in a full tab (#tab), which is where the wizard sends people who need to sign in.
import { useState } from 'preact/hooks';
import { resourceNames } from '../../shared/resources/index.ts';
import { AppHeader } from '../ui/app-header.tsx';
import { Notice } from '../ui/notice.tsx';
import { useSession } from '../ui/use-session.ts';
import { AccountCard } from './account-card.tsx';
import { ResourceCard } from './resource-card.tsx';
import { SignInForm } from './sign-in-form.tsx';

export function PopupApp() {
  const [session, setSession] = useSession();
  const [expired, setExpired] = useState(false);
  const inTab = location.hash === '#tab';

  return (
    <>
      <AppHeader context={session ? 'Import & export' : undefined} />
      <main class="popup-main">
        {session === undefined ? null : session === null ? (
          <SignInForm onSignedIn={(s) => { setExpired(false); setSession(s); }} />
        ) : (
          <div class="stack">
            <AccountCard session={session} onSignedOut={() => setSession(null)} />
            {inTab && (
              <Notice kind="success" title="You are signed in">
                An import waiting in another tab carries on by itself: you can close this one.
              </Notice>
            )}
            {expired && (
              <Notice kind="warning" title="Pivor refused the token">
                It may have been revoked. Sign out and sign in again.
              </Notice>
            )}
            {resourceNames.map((name) => (
              <ResourceCard key={name} resource={name} session={session} onUnauthenticated={() => setExpired(true)} />
            ))}
          </div>
        )}
      </main>
    </>
  );
}
