import i18n, { LANGUAGE_KEY } from '../i18n';
import { profileApi } from './api';

/**
 * The app's language follows the user's profile: read from it at sign-in (so a new browser speaks the user's
 * language) and written to it when the user switches (so the next browser does too). The browser keeps a copy for
 * the sign-in page, which is shown before anybody is known.
 */
export function adoptLanguage(language: string): void {
  if (language !== 'es' && language !== 'en') return;
  localStorage.setItem(LANGUAGE_KEY, language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/** The user switched languages: the app changes at once, the profile keeps it (a failure there only costs the copy). */
export async function chooseLanguage(language: 'es' | 'en', signedIn: boolean): Promise<void> {
  adoptLanguage(language);
  if (signedIn) await profileApi.saveLanguage(language).catch(() => undefined);
}
