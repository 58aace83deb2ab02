import { api, fetchBlob, upload } from '../api/client';
import type { SimChannel, SimMessage, SimPhone } from './model';

/** Where the WhatsApp simulator's API lives. */
const BASE = '/api/v1/simulator';

/** The query keys of the simulator, so that one place says what a change makes stale. */
export const simulatorKeys = {
  channels: ['simulator-channels'] as const,
  phones: (channelId: string | undefined) => ['simulator-phones', channelId] as const,
  thread: (phoneId: string) => ['simulator-thread', phoneId] as const,
};

export const simulatorApi = {
  channels: () => api<SimChannel[]>(`${BASE}/channels`),
  phones: (channelId: string) => api<SimPhone[]>(`${BASE}/channels/${channelId}/phones`),
  addPhone: (channelId: string, body: { phone: string; profileName: string }) =>
    api<SimPhone>(`${BASE}/channels/${channelId}/phones`, { method: 'POST', body }),
  messages: (phoneId: string) => api<SimMessage[]>(`${BASE}/phones/${phoneId}/messages`),
  send: (phoneId: string, body: Record<string, unknown>) => api(`${BASE}/phones/${phoneId}/messages`, { method: 'POST', body, quiet: true }),
  /** a photo from the phone, with an optional caption */
  sendImage: (phoneId: string, form: FormData) => upload(`${BASE}/phones/${phoneId}/images`, form),
  /** the phone has read what the platform sent */
  markRead: (phoneId: string) => api(`${BASE}/phones/${phoneId}/read`, { method: 'POST', quiet: true }),
  /** a photo the phone sent; null when it is not there */
  image: (phoneId: string, messageId: string) => fetchBlob(`${BASE}/phones/${phoneId}/messages/${messageId}/media`),
};
