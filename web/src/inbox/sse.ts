/** One Server-Sent Event as the HTML standard dispatches it. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * The `text/event-stream` format, fed chunk by chunk (a line or an event may be split anywhere):
 * `event`, `data` (several lines joined by a newline), `id` (kept as the last event id) and `retry`
 * fields; comments (`:ping`) and unknown fields ignored; an event is dispatched at a blank line and
 * only when it has data.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private idBuffer: string | null = null;
  /** the id of the last dispatched event: what a reconnect sends as `Last-Event-ID` */
  lastEventId: string | null = null;
  retry: number | null = null;

  /** A new connection: half-read lines and events of the old one are dropped, the last event id kept. */
  reset() {
    this.buffer = '';
    this.event = '';
    this.data = [];
    this.idBuffer = this.lastEventId;
  }

  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    // a trailing \r may be the first half of \r\n: keep it until the next chunk
    for (;;) {
      const match = /\r\n|\n|\r(?!$)/.exec(this.buffer);
      if (!match) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const dispatched = this.line(line);
      if (dispatched) out.push(dispatched);
    }
    return out;
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      this.lastEventId = this.idBuffer;
      const event = this.data.length ? { event: this.event || 'message', data: this.data.join('\n'), id: this.lastEventId } : null;
      this.event = '';
      this.data = [];
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.idBuffer = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return null;
  }
}

/** How long to wait before the next reconnect: the server's `retry`, doubled per failure, at most 30 s, with jitter. */
export function reconnectDelay(failures: number, base = 1000, random = Math.random): number {
  const plain = Math.min(30_000, base * 2 ** Math.min(failures, 10));
  return Math.round(plain * (0.8 + 0.4 * random()));
}

export interface StreamOptions {
  /** fetches the stream with the session's token (`authorizedFetch`) */
  fetch(path: string, init: { headers: Record<string, string>; signal: AbortSignal }): Promise<Response>;
  onEvent(event: SseEvent): void;
  onState?(state: 'connected' | 'reconnecting'): void;
  signal: AbortSignal;
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

/**
 * Reads an SSE stream with `fetch` until aborted: reconnects with backoff when it ends or fails and
 * sends `Last-Event-ID`, so the server replays what was missed.
 */
export async function readStream(path: string, options: StreamOptions): Promise<void> {
  const sleep = options.sleep ?? wait;
  const parser = new SseParser();
  let failures = 0;
  while (!options.signal.aborted) {
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (parser.lastEventId) headers['Last-Event-ID'] = parser.lastEventId;
      const response = await options.fetch(path, { headers, signal: options.signal });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      options.onState?.('connected');
      failures = 0;
      parser.reset();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value).forEach((e) => options.onEvent(e));
      }
    } catch {
      failures++;
    }
    if (options.signal.aborted) return;
    options.onState?.('reconnecting');
    await sleep(reconnectDelay(failures, parser.retry ?? 1000), options.signal);
  }
}
