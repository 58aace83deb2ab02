/** The simulator's API shapes and the page's logic that is worth testing on its own. */

export interface SimChannel {
  id: string;
  name: string;
  displayPhone: string | null;
  phoneNumberId: string;
  active: boolean;
}

export interface SimPhone {
  id: string;
  channelId: string;
  phone: string;
  profileName: string;
  createdAt: string;
}

/** IN: the phone wrote to the platform; OUT: the platform wrote to the phone (what Meta received). */
export interface SimMessage {
  id: string;
  direction: 'IN' | 'OUT';
  wamid: string;
  type: string;
  body: string | null;
  payload: Record<string, unknown>;
  status: 'SENT' | 'DELIVERED' | 'READ' | 'ACCEPTED' | 'REJECTED';
  mediaType: string | null;
  createdAt: string;
}

export interface Choice {
  id: string;
  title: string;
  description?: string;
}

/** What a bubble shows, by the Cloud API message's shape. */
export type Bubble =
  | { kind: 'text'; text: string }
  | { kind: 'buttons'; text: string; buttons: Choice[] }
  | { kind: 'list'; text: string; button: string; rows: Choice[] }
  | { kind: 'template'; name: string; language: string; parameters: string[] }
  | { kind: 'image'; caption: string | null }
  | { kind: 'document'; filename: string | null; caption: string | null }
  | { kind: 'location'; latitude: number; longitude: number; label: string | null }
  | { kind: 'reply'; text: string; replyTo: string | null }
  | { kind: 'other'; type: string };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function bubble(message: SimMessage): Bubble {
  const p = message.payload ?? {};
  switch (message.type) {
    case 'text':
      return { kind: 'text', text: str(obj(p.text).body) || (message.body ?? '') };
    case 'interactive': {
      const i = obj(p.interactive);
      const type = str(i.type);
      if (type === 'button') {
        const buttons = arr(obj(i.action).buttons).map((b) => obj(obj(b).reply)).map((r) => ({ id: str(r.id), title: str(r.title) }));
        return { kind: 'buttons', text: str(obj(i.body).text), buttons };
      }
      if (type === 'list') {
        const action = obj(i.action);
        const rows = arr(action.sections).flatMap((s) => arr(obj(s).rows)).map((r) => {
          const row = obj(r);
          return { id: str(row.id), title: str(row.title), ...(row.description ? { description: str(row.description) } : {}) };
        });
        return { kind: 'list', text: str(obj(i.body).text), button: str(action.button), rows };
      }
      if (type === 'button_reply' || type === 'list_reply') {
        return { kind: 'reply', text: str(obj(i[type]).title), replyTo: str(obj(p.context).id) || null };
      }
      return { kind: 'other', type: `interactive/${type}` };
    }
    case 'template': {
      const t = obj(p.template);
      const parameters = arr(t.components).flatMap((c) => arr(obj(c).parameters)).map((x) => str(obj(x).text));
      return { kind: 'template', name: str(t.name), language: str(obj(t.language).code), parameters };
    }
    case 'image':
      return { kind: 'image', caption: str(obj(p.image).caption) || null };
    case 'document': {
      const d = obj(p.document);
      return { kind: 'document', filename: str(d.filename) || null, caption: str(d.caption) || null };
    }
    case 'location': {
      const l = obj(p.location);
      const label = [str(l.name), str(l.address)].filter(Boolean).join(', ');
      return { kind: 'location', latitude: Number(l.latitude), longitude: Number(l.longitude), label: label || null };
    }
    default:
      return { kind: 'other', type: message.type };
  }
}

/** ✓ sent, ✓✓ delivered, ✓✓ (blue) read; the phone's own messages ✓✓ once the platform took them, ! if it refused. */
export function ticks(status: SimMessage['status']): { marks: string; read: boolean; failed: boolean } {
  switch (status) {
    case 'SENT':
      return { marks: '✓', read: false, failed: false };
    case 'DELIVERED':
    case 'ACCEPTED':
      return { marks: '✓✓', read: false, failed: false };
    case 'READ':
      return { marks: '✓✓', read: true, failed: false };
    default:
      return { marks: '!', read: false, failed: true };
  }
}

/** The platform's messages the phone has not reported read: with the thread open they are read. */
export function unread(messages: SimMessage[]): string[] {
  return messages.filter((m) => m.direction === 'OUT' && m.status !== 'READ').map((m) => m.wamid);
}

/** Whether a read report should go now: something unread that was not reported already, and the page is visible. */
export function shouldReportRead(messages: SimMessage[], reported: ReadonlySet<string>, visible: boolean): boolean {
  return visible && unread(messages).some((w) => !reported.has(w));
}

/** E.164 as the simulator takes it: +, country code and number, 8 to 15 digits; spaces and dashes are dropped. */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s-()]/g, '');
  return /^\+[1-9][0-9]{7,14}$/.test(compact) ? compact : null;
}

/** "+50255127788" shown as "+502 5512 7788" (Guatemala and El Salvador: 8 digits after the code); others as given. */
export function formatPhone(e164: string): string {
  const m = /^\+(502|503)(\d{4})(\d{4})$/.exec(e164);
  return m ? `+${m[1]} ${m[2]} ${m[3]}` : e164;
}
