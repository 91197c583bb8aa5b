import { describe, expect, it } from 'vitest';
import { parseSse } from './sse';

describe('parseSse', () => {
  it('splits complete events and keeps the unfinished rest', () => {
    const { events, rest } = parseSse('event: next\ndata: {"a":1}\n\nevent: next\ndata: {"a"');
    expect(events).toEqual([{ event: 'next', data: '{"a":1}' }]);
    expect(rest).toBe('event: next\ndata: {"a"');
  });

  it('joins data lines, ignores comments and reads CRLF', () => {
    const { events } = parseSse(': keep-alive\r\n\r\nevent: next\r\ndata: a\r\ndata: b\r\n\r\nevent: complete\r\ndata: \r\n\r\n');
    expect(events).toEqual([
      { event: 'next', data: 'a\nb' },
      { event: 'complete', data: '' },
    ]);
  });
});
