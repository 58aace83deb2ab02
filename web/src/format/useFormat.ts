import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { formatter, type Formatter } from './format';

/** The formatter for the signed-in user: the tenant's time zone, the user's language. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const { me } = useAuth();
  const timeZone = me?.tenant.timeZone;
  return useMemo(() => formatter({ language: i18n.language, timeZone }), [i18n.language, timeZone]);
}
