import type { Settings } from './types';

/**
 * The body of `PUT /service-requests/settings` from the settings as edited: only the fields the server takes
 * (it refuses any other), never the object as fetched, which may carry more; holidays not filled in are left out.
 */
export function settingsBody(s: Settings): Settings {
  return {
    approvalRequired: s.approvalRequired,
    timeZone: s.timeZone,
    week: Object.fromEntries(Object.entries(s.week).map(([day, windows]) => [day, windows.map(([start, end]): [string, string] => [start, end])])),
    holidays: s.holidays.filter((h) => h.day && h.name.trim()).map((h) => ({ day: h.day, name: h.name })),
  };
}
