import { api } from '../api/client';

/** What the profile API answers (identity's Profiles.java). */
export interface Profile { id: string; email: string; fullName: string; phone: string | null; language: 'es' | 'en'; timeZone: string }
export interface Session {
  id: string; startedAt: string; lastUsedAt: string; expiresAt: string; ip: string | null; userAgent: string | null; current: boolean;
}

export const profileKeys = {
  profile: ['me', 'profile'] as const,
  sessions: ['me', 'sessions'] as const,
};

/** The signed-in user's own account. */
export const profileApi = {
  get: () => api<Profile>('/api/v1/me/profile'),
  save: (body: { fullName: string; phone: string | null; language: 'es' | 'en' }) =>
    api<Profile>('/api/v1/me/profile', { method: 'PUT', body }),
  /** keeps the language with the user, so that every browser they sign in from reads in it */
  saveLanguage: async (language: 'es' | 'en') => {
    const p = await profileApi.get();
    if (p.language !== language) await profileApi.save({ fullName: p.fullName, phone: p.phone, language });
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    api('/api/v1/me/password', { method: 'PUT', body: { currentPassword, newPassword } }),
  sessions: () => api<Session[]>('/api/v1/me/sessions'),
  endSession: (id: string) => api(`/api/v1/me/sessions/${id}`, { method: 'DELETE' }),
};
