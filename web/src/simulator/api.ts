/** Where the WhatsApp simulator's API lives. */
export const BASE = '/api/v1/simulator';
