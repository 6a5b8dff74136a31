// A hook for the signed-in session: undefined while loading, null when signed out; follows sign-in/out in other pages.
import { useEffect, useState } from 'preact/hooks';
import { loadSession, onSessionChange, type Session } from '../storage/session-store.ts';

export function useSession(): [Session | null | undefined, (session: Session | null) => void] {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    void loadSession().then((s) => setSession(s ?? null));
    return onSessionChange((s) => setSession(s ?? null));
  }, []);
  return [session, setSession];
}
