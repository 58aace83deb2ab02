import type { Messages } from './es';
import { en as simulator } from '../simulator/messages';
import { en as requests } from '../requests/messages';
import { en as admin } from '../admin/messages';
import { en as customers } from '../customers/messages';
import { en as catalog } from '../catalog/messages';
import { en as inbox } from '../inbox/messages';
import { en as customerActivity } from '../customers/activityMessages';
import { en as profile } from '../profile/messages';

export const en: Messages = {
  app: { name: 'AmbioSys', tagline: 'Field-service operations' },
  common: {
    save: 'Save', cancel: 'Cancel', create: 'Create', edit: 'Edit', delete: 'Delete', close: 'Close',
    search: 'Search', loading: 'Loading…', error: 'Something went wrong', all: 'All', yes: 'Yes', no: 'No',
    saved: 'Changes saved', retry: 'Retry', deleted: 'Deleted', undo: 'Undo', undone: 'Change undone',
    datePattern: 'dd/mm/yyyy', timePattern: 'hh:mm', dateTimePattern: 'dd/mm/yyyy hh:mm',
  },
  login: {
    title: 'Sign in', email: 'Email', password: 'Password', submit: 'Sign in',
    forgot: 'Forgot your password?', wrong: 'The email or password is not correct.',
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
    phoneLocal: 'Invalid phone: as dialled in the country (5012 3456) or with its code (+502 5012 3456)', date: 'Invalid date',
    latitude: 'Latitude between -90 and 90', longitude: 'Longitude between -180 and 180',
    bothCoordinates: 'Give both latitude and longitude, or neither', nrc: 'Digits, spaces and dashes only',
    notFuture: 'Cannot be in the future', time: 'Not a valid time (hh:mm, 00:00 to 23:59)',
    dateTime: 'Not a valid date and time (dd/mm/yyyy hh:mm)',
  },
  nav: {
    catalog: 'Catalog',
    home: 'Home', customers: 'Customers', servicerequests: 'Requests', quotations: 'Quotations',
    scheduling: 'Schedule', inbox: 'Conversations', finance: 'Finance', reporting: 'Reports',
    admin: 'Administration', users: 'Users', roles: 'Roles', accessLog: 'Access log', auditLog: 'Audit log',
    requestsBoard: 'Request board', requestsSettings: 'Request settings', simulator: 'WhatsApp simulator',
    inboxChannels: 'Messaging channels', inboxSettings: 'Conversation settings',
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
  ...simulator,
  ...requests,
  ...admin,
  ...customers,
  ...catalog,
  ...inbox,
  ...customerActivity,
  ...profile,
};
