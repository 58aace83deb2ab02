export { formatter, type Formatter } from './format';
export { useFormat } from './useFormat';
export { formatPhone, formatTaxId, isPhone, normalizePhone } from './identifiers';
