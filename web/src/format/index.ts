export { formatter, type Formatter } from './format';
export { useFormat } from './useFormat';
