import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api, setCsrfToken } from '../api/client.ts';
import type { Abilities, Session, SessionUser } from '../api/types.ts';
import type { Locale } from '../../../src/platform/i18n/locales.ts';
import { toApiError, type ApiError } from './api.ts';
import { currentLocale, setLocale } from './i18n.ts';
import { queryClient } from './queryClient.ts';

interface SessionContextValue {
  session: Session;
  /** Asks the server again (after signing in or out, or changing one's own profile). */
  refresh: () => Promise<Session>;
  signOut: () => Promise<void>;
  /** The language of every screen: a member's is saved to their profile, a visitor's here. */
  changeLocale: (locale: Locale) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

async function fetchSession(): Promise<Session> {
  const session = await api.get('/api/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export function SessionProvider({
  children,
  fallback,
}: {
  children: ReactNode;
  fallback: (state: { error: ApiError | undefined; retry: () => void }) => ReactNode;
}) {
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [locale, setLocaleState] = useState<Locale>(currentLocale);

  const refresh = useCallback(async () => {
    const next = await fetchSession();
    // A member reads the co-op in the language of their profile, on every device.
    if (next.user) {
      setLocale(next.user.locale);
      setLocaleState(next.user.locale);
    }
    setSession(next);
    setError(undefined);
    return next;
  }, []);

  const load = useCallback(() => {
    setError(undefined);
    refresh().catch((e: unknown) => setError(toApiError(e)));
  }, [refresh]);

  useEffect(() => {
    load();
    // A 401 anywhere means the session ended (expired, or signed out in another tab).
    const onUnauthorized = () => {
      refresh().catch(() => undefined);
    };
    window.addEventListener('coop:unauthorized', onUnauthorized);
    return () => window.removeEventListener('coop:unauthorized', onUnauthorized);
  }, [load, refresh]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      // Nothing one member saw stays in memory for whoever uses the device next.
      queryClient.clear();
      setCsrfToken(null);
      await refresh();
    }
  }, [refresh]);

  const changeLocale = useCallback(
    async (next: Locale) => {
      const personId = session?.user?.personId;
      if (personId) {
        await api.patch('/api/members/{id}', {
          params: { path: { id: personId } },
          body: { locale: next },
        });
        await refresh();
      } else {
        setLocale(next);
        setLocaleState(next);
      }
    },
    [session, refresh],
  );

  const value = useMemo(
    () => (session ? { session, refresh, signOut, changeLocale } : null),
    [session, refresh, signOut, changeLocale],
  );
  if (!value) return <>{fallback({ error, retry: load })}</>;
  // Messages are read with plain functions: a new language remounts the app under it.
  return (
    <SessionContext.Provider key={locale} value={value}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useUser(): SessionUser {
  const { session } = useSession();
  if (!session.user) throw new Error('useUser without a signed-in user');
  return session.user;
}

/**
 * What the signed-in member may do, as the server's rules answer it (GET /api/session's
 * `can`); everything false for a visitor. The web app keeps no copy of a rule.
 */
export function useCan(): Abilities | null {
  return useSession().session.user?.can ?? null;
}
