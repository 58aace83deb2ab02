import { api, type Tokens } from '../api/client';
import type { Me } from './AuthContext';

/** The sign-in API; refreshing and ending a session belong to the request core (api/client.ts). */
export const authApi = {
  me: () => api<Me>('/api/v1/me'),
  login: (email: string, password: string) => api<Tokens>('/api/v1/auth/login', { method: 'POST', body: { email, password } }),
  /** mails a reset link when the address has an account (the answer is the same either way) */
  requestReset: (body: { email: string }) => api('/api/v1/auth/password-reset', { method: 'POST', body }),
  confirmReset: (token: string, newPassword: string) =>
    api('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { token, newPassword } }),
};
