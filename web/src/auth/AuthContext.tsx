import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { endSession, refreshSession, session } from '../api/client';
import { authApi } from './api';
import { adoptLanguage } from '../profile/language';

export interface Me {
  user: { id: string; email: string; fullName: string; language: 'es' | 'en' };
  tenant: { id: string; slug: string; name: string; country: string; timeZone: string };
  permissions: string[];
  permissionVersion: number;
}

interface AuthState {
  me: Me | null;
  ready: boolean;
  sessionExpired: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  const [sessionExpired, setSessionExpired] = useState(false);

  // the language is the user's, kept in their profile: every sign-in (and reload) reads it from there
  const loadMe = useCallback(async () => {
    const loaded = await authApi.me();
    adoptLanguage(loaded.user.language);
    setMe(loaded);
    return loaded;
  }, []);

  useEffect(() => {
    session.onExpired(() => setSessionExpired(true));
    // a reload keeps the session: the refresh token is in its HttpOnly cookie, the access token only in memory
    refreshSession()
      .then((ok) => (ok ? loadMe() : null))
      .catch(() => null)
      .finally(() => setReady(true));
  }, [loadMe]);

  const login = useCallback(
    async (email: string, password: string) => {
      const tokens = await authApi.login(email, password);
      session.set(tokens);
      await loadMe();
      setSessionExpired(false);
    },
    [loadMe],
  );

  const logout = useCallback(async () => {
    await endSession();
    setMe(null);
    setSessionExpired(false);
  }, []);

  const value = useMemo<AuthState>(() => {
    const granted = new Set(me?.permissions ?? []);
    return { me, ready, sessionExpired, login, logout, can: (p) => granted.has(p) };
  }, [me, ready, sessionExpired, login, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** A user already signed in, with no session behind it: for tests and previews of a screen. */
export function SignedInAs({ me, children }: { me: Me; children: ReactNode }) {
  const value = useMemo<AuthState>(() => {
    const granted = new Set(me.permissions);
    return { me, ready: true, sessionExpired: false, login: async () => {}, logout: async () => {}, can: (p) => granted.has(p) };
  }, [me]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
