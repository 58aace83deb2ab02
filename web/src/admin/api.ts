import { useQuery } from '@tanstack/react-query';
import { api, pagedList } from '../api/client';

/** What the identity and audit APIs answer to the administration screens. */
export interface UserSummary {
  id: string;
  email: string;
  fullName: string;
  status: 'ACTIVE' | 'INACTIVE' | 'SUSPENDED' | 'BLOCKED';
  language: string;
  lastLoginAt: string | null;
  createdAt: string;
  /** null once the user chose a password; PENDING (mailed) or NOT_SENT (no mail server) before */
  invitation?: 'PENDING' | 'NOT_SENT' | null;
}

export interface UserView {
  id: string;
  email: string;
  fullName: string;
  phone: string | null;
  status: string;
  language: 'es' | 'en';
  timeZone: string;
  roles: { id: string; code: string; name: string }[];
  permissionOverrides: Record<string, 'GRANT' | 'REVOKE'>;
  invitation?: 'PENDING' | 'NOT_SENT' | null;
  /** only in the answer that sent an invitation: whether it left, and if not the link to hand over */
  invitationSent?: boolean | null;
  invitationLink?: string | null;
}

export interface Role {
  id: string;
  code: string;
  name: string;
  description: string | null;
  system: boolean;
  permissions: string[];
  userCount: number;
}

export interface AuditEntry {
  id: string; occurredAt: string; actorId: string | null; action: string; entityType: string; entityId: string | null;
  summary: string | null; changes: Record<string, { from: unknown; to: unknown }> | null;
  actorName: string | null; before: unknown; after: unknown;
}

export interface AccessEntry { id: string; occurredAt: string; email: string; event: string; ip: string; userAgent: string }

/** The query keys of the administration screens, so that one place says what a change makes stale. */
export const adminKeys = {
  /** every page of the user grid */
  users: ['users'] as const,
  user: (id: string | null) => ['user', id] as const,
  roles: ['roles'] as const,
  permissions: ['permissions'] as const,
};

export const adminApi = {
  users: pagedList<UserSummary>(adminKeys.users[0], '/api/v1/users'),
  user: (id: string) => api<UserView>(`/api/v1/users/${id}`),
  createUser: (body: unknown) => api<UserView>('/api/v1/users', { method: 'POST', body }),
  /** sends a new invitation to a user who has not chosen a password yet; says whether it left */
  resendInvitation: (id: string) => api<UserView>(`/api/v1/users/${id}/invitation`, { method: 'POST' }),
  updateUser: (id: string, body: unknown) => api(`/api/v1/users/${id}`, { method: 'PUT', body }),
  setUserRoles: (id: string, roleIds: string[]) => api(`/api/v1/users/${id}/roles`, { method: 'PUT', body: { roleIds } }),
  setUserPermissions: (id: string, body: { grants: string[]; revocations: string[] }) =>
    api(`/api/v1/users/${id}/permissions`, { method: 'PUT', body }),
  roles: () => api<Role[]>('/api/v1/roles'),
  createRole: (body: unknown) => api('/api/v1/roles', { method: 'POST', body }),
  updateRole: (id: string, body: unknown) => api(`/api/v1/roles/${id}`, { method: 'PUT', body }),
  /** every module's actions: `{ customers: ['view', 'edit'] }` */
  permissions: () => api<Record<string, string[]>>('/api/v1/permissions'),
  auditLog: pagedList<AuditEntry>('audit-log', '/api/v1/audit-log'),
  accessLog: pagedList<AccessEntry>('access-log', '/api/v1/access-log'),
};

export function useRoles(enabled = true) {
  return useQuery({ queryKey: adminKeys.roles, queryFn: adminApi.roles, enabled });
}

export function usePermissions(enabled = true) {
  return useQuery({ queryKey: adminKeys.permissions, queryFn: adminApi.permissions, enabled });
}

export function useUser(id: string | null) {
  return useQuery({ queryKey: adminKeys.user(id), queryFn: () => adminApi.user(id!), enabled: id !== null });
}
