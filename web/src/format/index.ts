export { formatter, localeOf, type Formatter, type FormatSettings } from './format';
export { useFormat } from './useFormat';
