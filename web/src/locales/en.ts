import type { Messages } from './es';

export const en: Messages = {
  app: { name: 'AmbioSys', tagline: 'Field-service operations' },
  common: {
    save: 'Save', cancel: 'Cancel', create: 'Create', edit: 'Edit', delete: 'Delete', close: 'Close',
    search: 'Search', loading: 'Loading…', error: 'Something went wrong', all: 'All', yes: 'Yes', no: 'No',
    saved: 'Changes saved', retry: 'Retry',
  },
  login: {
    title: 'Sign in', email: 'Email', password: 'Password', submit: 'Sign in',
    forgot: 'Forgot your password?', wrong: 'The email or password is not correct.',
    locked: 'Account temporarily locked after failed attempts. Try again in a few minutes.',
    rateLimited: 'Too many attempts. Wait {{seconds}} seconds.', inactive: 'The account is not active.',
    sessionExpired: 'Your session expired. Sign in again.',
  },
  reset: {
    requestTitle: 'Reset password', requestHelp: 'We will email you a link.',
    send: 'Send link', sent: 'If the email exists, a link is on its way.',
    confirmTitle: 'Choose a new password', newPassword: 'New password', repeat: 'Repeat the password',
    mismatch: 'The passwords do not match', done: 'Password updated. You can sign in now.',
    invalid: 'The link is invalid or has expired.', back: 'Back to sign in',
  },
  validation: {
    required: 'Required', email: 'Invalid email', min: 'At least {{count}} characters',
    phone: 'International format, e.g. +50255551234', code: 'Capitals, digits and _',
  },
  nav: {
    home: 'Home', customers: 'Customers', servicerequests: 'Requests', quotations: 'Quotations',
    scheduling: 'Schedule', inbox: 'Conversations', finance: 'Finance', reporting: 'Reports',
    admin: 'Administration', users: 'Users', roles: 'Roles', accessLog: 'Access log', auditLog: 'Audit log',
  },
  shell: {
    menu: 'Menu', userMenu: 'Account', language: 'Language', theme: 'Theme', light: 'Light', dark: 'Dark',
    system: 'System', logout: 'Sign out', notifications: 'Notifications', noNotifications: 'No notifications',
    spanish: 'Español', english: 'English',
  },
  home: { welcome: 'Welcome, {{name}}', intro: 'Pick a module in the menu to begin.', tenant: 'Company' },
  noAccess: { title: 'No access', text: 'You do not have permission to see this section.', back: 'Go home' },
  notFound: { title: 'Page not found' },
  comingSoon: 'This module is coming soon.',
  users: {
    title: 'Users', new: 'New user', invite: 'Invite', fullName: 'Full name', email: 'Email',
    phone: 'Phone', status: 'Status', language: 'Language', timeZone: 'Time zone', roles: 'Roles',
    lastLogin: 'Last sign-in', created: 'Created', password: 'Password (optional: without it an invitation is sent)',
    deactivate: 'Deactivate', permissions: 'Per-user permissions', grants: 'Granted', revocations: 'Revoked',
    created_ok: 'User created', search: 'Search by name or email',
    statuses: { ACTIVE: 'Active', INACTIVE: 'Inactive', SUSPENDED: 'Suspended', BLOCKED: 'Blocked' },
  },
  roles: {
    title: 'Roles', new: 'New role', code: 'Code', name: 'Name', description: 'Description',
    system: 'System', users: 'Users', permissions: 'Permissions', module: 'Module', created_ok: 'Role created',
  },
  modules: {
    users: 'Users', roles: 'Roles', audit: 'Audit', tenants: 'Company', customers: 'Customers',
    catalog: 'Catalog', servicerequests: 'Requests', quotations: 'Quotations', invoicing: 'Invoicing',
    finance: 'Finance', scheduling: 'Schedule', inbox: 'Conversations', assistant: 'Assistant',
    notifications: 'Notifications', workforce: 'Workforce', reporting: 'Reports',
  },
  actions: {
    view: 'View', view_all: 'View all', create: 'Create', edit: 'Edit', delete: 'Delete', export: 'Export',
    import: 'Import', approve: 'Approve', assign: 'Assign', send: 'Send', cancel: 'Cancel', reply: 'Reply',
    manage: 'Manage', configure: 'Configure',
  },
  customers: {
    title: 'Customers', new: 'New customer', search: 'Search by name, tax id, phone or email', name: 'Commercial name',
    kind: 'Kind', company: 'Company', person: 'Person', taxId: 'Tax id', country: 'Country', status: 'Status', tags: 'Tags',
    notes: 'Notes', created: 'Created', contact: 'Main contact', contactName: 'Contact name', phone: 'Phone',
    email: 'Email', overview: 'Overview', contacts: 'Contacts', addresses: 'Addresses', documents: 'Documents',
    duplicate: 'Possible duplicate of: {{names}}. Save again to create it anyway.', noRows: 'Nothing here',
    map: 'Map', expires: 'Expires', number: 'Number', type: 'Type', street: 'Address', zone: 'Zone', reference: 'Reference',
    statuses: { ACTIVE: 'Active', BLOCKED: 'Blocked' },
    expiry: { NONE: 'No expiry', VALID: 'Valid', EXPIRING: 'Expiring', EXPIRED: 'Expired' },
  },
  accessLog: {
    title: 'Access log', when: 'When', event: 'Event', email: 'Email', ip: 'IP', agent: 'Browser',
    events: {
      LOGIN: 'Sign-in', LOGIN_FAILED: 'Failed attempt', LOCKED: 'Lockout', LOGOUT: 'Sign-out',
      REFRESH: 'Refresh', REFRESH_REUSED: 'Token reused', PASSWORD_RESET_REQUESTED: 'Reset requested',
      PASSWORD_RESET: 'Password reset',
    },
  },
  auditLog: {
    title: 'Audit log', when: 'When', action: 'Action', entity: 'Entity', entityId: 'Id',
    actor: 'User', changes: 'Changes', summary: 'Detail',
    actions: { CREATE: 'Created', UPDATE: 'Updated', DELETE: 'Deleted', SECURITY: 'Security' },
  },
};
