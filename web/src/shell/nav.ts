/** The navigation: each entry names the one permission that shows it. */
export interface NavItem {
  key: string;
  path: string;
  permission: string | null;
  group: 'main' | 'admin';
}

export const NAV: NavItem[] = [
  { key: 'home', path: '/', permission: null, group: 'main' },
  { key: 'customers', path: '/customers', permission: 'customers:view', group: 'main' },
  { key: 'servicerequests', path: '/requests', permission: 'servicerequests:view', group: 'main' },
  { key: 'requestsBoard', path: '/requests/board', permission: 'servicerequests:view', group: 'main' },
  { key: 'quotations', path: '/quotations', permission: 'quotations:view', group: 'main' },
  { key: 'catalog', path: '/catalog', permission: 'catalog:view', group: 'main' },
  { key: 'scheduling', path: '/schedule', permission: 'scheduling:view', group: 'main' },
  { key: 'inbox', path: '/inbox', permission: 'inbox:view', group: 'main' },
  { key: 'simulator', path: '/simulator', permission: 'inbox:simulate', group: 'main' },
  { key: 'finance', path: '/finance', permission: 'finance:view', group: 'main' },
  { key: 'reporting', path: '/reports', permission: 'reporting:view', group: 'main' },
  { key: 'users', path: '/admin/users', permission: 'users:view', group: 'admin' },
  { key: 'roles', path: '/admin/roles', permission: 'roles:view', group: 'admin' },
  { key: 'accessLog', path: '/admin/access-log', permission: 'audit:view', group: 'admin' },
  { key: 'auditLog', path: '/admin/audit-log', permission: 'audit:view', group: 'admin' },
  { key: 'requestsSettings', path: '/requests/settings', permission: 'servicerequests:configure', group: 'admin' },
  { key: 'inboxChannels', path: '/inbox/channels', permission: 'inbox:manage', group: 'admin' },
  { key: 'inboxSettings', path: '/inbox/settings', permission: 'inbox:manage', group: 'admin' },
];

/** The entries a user with these permissions may see, in menu order. */
export function visibleNav(permissions: Iterable<string>): NavItem[] {
  const granted = new Set(permissions);
  return NAV.filter((item) => item.permission === null || granted.has(item.permission));
}

/** Whether an entry is the current page's: the longest path that the location starts with wins. */
export function isActive(item: NavItem, pathname: string, items: NavItem[] = NAV): boolean {
  const matches = (i: NavItem) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`));
  if (!matches(item)) return false;
  return !items.some((other) => other !== item && matches(other) && other.path.length > item.path.length);
}
