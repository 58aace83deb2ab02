import { describe, expect, it } from 'vitest';
import { readStream, reconnectDelay, SseParser, type SseEvent } from './sse';

describe('SseParser', () => {
  it('dispatches events at a blank line with their name, data and id', () => {
    const parser = new SseParser();
    const events = parser.feed('id: 7\nevent: message.new\ndata: {"a":1}\n\n');
    expect(events).toEqual([{ event: 'message.new', data: '{"a":1}', id: '7' }]);
    expect(parser.lastEventId).toBe('7');
  });

  it('joins events split anywhere across chunks, with \\r\\n line ends', () => {
    const parser = new SseParser();
    const text = 'id:1\r\nevent:message.status\r\ndata:{"status":"read"}\r\n\r\nid:2\r\ndata:x\r\n\r\n';
    const out: SseEvent[] = [];
    for (let i = 0; i < text.length; i += 3) out.push(...parser.feed(text.slice(i, i + 3)));
    expect(out).toEqual([
      { event: 'message.status', data: '{"status":"read"}', id: '1' },
      { event: 'message', data: 'x', id: '2' },
    ]);
  });

  it('ignores comments and heartbeats, joins data lines and reads retry', () => {
    const parser = new SseParser();
    expect(parser.feed(':connected\nretry:3000\n\n:ping\n\n')).toEqual([]);
    expect(parser.retry).toBe(3000);
    expect(parser.feed('data: one\ndata: two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo', id: null }]);
  });

  it('forgets a half-read event on reset but keeps the last id', () => {
    const parser = new SseParser();
    parser.feed('id: 5\ndata: a\n\nid: 6\ndata: half');
    parser.reset();
    expect(parser.feed('\n\n')).toEqual([]);
    expect(parser.lastEventId).toBe('5');
  });
});

describe('reconnectDelay', () => {
  it('doubles per failure from the server retry and stops at 30 seconds', () => {
    const half = () => 0.5;
    expect(reconnectDelay(0, 3000, half)).toBe(3000);
    expect(reconnectDelay(2, 3000, half)).toBe(12000);
    expect(reconnectDelay(9, 3000, half)).toBe(30000);
  });
});

function streamOf(text: string): Response {
  return new Response(new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('readStream', () => {
  it('reconnects after the stream ends and sends Last-Event-ID', async () => {
    const controller = new AbortController();
    const sentHeaders: Record<string, string>[] = [];
    const received: string[] = [];
    const answers = [streamOf('retry: 10\nid: 41\nevent: message.new\ndata: {"x":1}\n\n'), new Response('no', { status: 503 }),
      streamOf('id: 42\nevent: message.status\ndata: {"y":2}\n\n')];
    await readStream('/api/v1/inbox/stream', {
      signal: controller.signal,
      fetch: async (_path, init) => {
        sentHeaders.push({ ...(init.headers as Record<string, string>) });
        const next = answers.shift();
        if (!next) {
          controller.abort();
          throw new Error('aborted');
        }
        return next;
      },
      onEvent: (e) => received.push(`${e.id}:${e.event}`),
      sleep: async () => undefined,
    });
    expect(received).toEqual(['41:message.new', '42:message.status']);
    expect(sentHeaders[0]['Last-Event-ID']).toBeUndefined();
    expect(sentHeaders[1]['Last-Event-ID']).toBe('41');
    expect(sentHeaders[2]['Last-Event-ID']).toBe('41');
    expect(sentHeaders[3]['Last-Event-ID']).toBe('42');
  });
});
