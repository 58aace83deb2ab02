import { describe, expect, it } from 'vitest';
import { isActive, NAV, visibleNav } from './nav';

describe('visibleNav', () => {
  it('shows a sales rep their modules and no administration', () => {
    const keys = visibleNav(['customers:view', 'quotations:view', 'servicerequests:view']).map((i) => i.key);
    expect(keys).toEqual(['home', 'customers', 'servicerequests', 'requestsBoard', 'quotations']);
    expect(keys).not.toContain('users');
  });

  it('shows an administrator every entry, in menu order', () => {
    const all = NAV.flatMap((i) => (i.permission ? [i.permission] : []));
    expect(visibleNav(all)).toEqual(NAV);
  });

  it('shows only home to a user without permissions', () => {
    expect(visibleNav([]).map((i) => i.key)).toEqual(['home']);
  });

  it('shows audit screens with audit:view alone', () => {
    const admin = visibleNav(['audit:view']).filter((i) => i.group === 'admin').map((i) => i.key);
    expect(admin).toEqual(['accessLog', 'auditLog']);
  });

  it('shows the catalog with catalog:view, after the quotations', () => {
    const keys = visibleNav(['catalog:view', 'quotations:view']).map((i) => i.key);
    expect(keys).toEqual(['home', 'quotations', 'catalog']);
    expect(NAV.find((i) => i.key === 'catalog')).toMatchObject({ path: '/catalog', group: 'main' });
  });
});

describe('service requests in the menu', () => {
  it('shows the settings only with servicerequests:configure, in administration', () => {
    expect(visibleNav(['servicerequests:view']).map((i) => i.key)).toEqual(['home', 'servicerequests', 'requestsBoard']);
    const admin = visibleNav(['servicerequests:view', 'servicerequests:configure']).filter((i) => i.group === 'admin');
    expect(admin.map((i) => i.key)).toEqual(['requestsSettings']);
  });

  it('marks only the most specific entry as the current page', () => {
    const entry = (key: string) => NAV.find((i) => i.key === key)!;
    expect(isActive(entry('requestsBoard'), '/requests/board')).toBe(true);
    expect(isActive(entry('servicerequests'), '/requests/board')).toBe(false);
    expect(isActive(entry('servicerequests'), '/requests/0195f0c1')).toBe(true);
    expect(isActive(entry('home'), '/requests')).toBe(false);
    expect(isActive(entry('users'), '/admin/users-other')).toBe(false);
  });
});
