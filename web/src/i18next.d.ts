import 'i18next';
import type { Messages } from './locales/es';

// every t('…') key is checked against the Spanish messages (and English has the same shape)
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
