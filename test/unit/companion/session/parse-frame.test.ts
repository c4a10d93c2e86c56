import { describe, expect, it } from 'vitest';
import { parseFrame } from '../../../../companion/src/session/parse-frame';

describe('parseFrame', () => {
  it('accepts a valid request', () => {
    expect(parseFrame('{"id":"1","type":"ping"}')).toEqual({ ok: true, message: { id: '1', type: 'ping' } });
  });

  it.each([
    ['{', null, /not valid JSON/],
    ['null', null, /JSON object/],
    ['[]', null, /JSON object/],
    ['{"id":"7","type":"nope"}', '7', /unknown frame type "nope"/],
    ['{"id":"8","type":"describeTopic","topic":"bad topic!"}', '8', /invalid describeTopic: topic/],
    ['{"id":9,"type":"ping"}', null, /id/],
    // Issue 16: typed refusals, never a silent clamp or an ignored field.
    ['{"id":"10","type":"tailStart","topic":"t","start":{"from":"offset","offset":"-1"}}', '10', /start\.offset: a decimal integer string from 0/],
    ['{"id":"11","type":"produce","topic":"t","records":[{"value":null,"timestamp":"-5"}]}', '11', /records\.0\.timestamp: a decimal integer string from 0/],
    ['{"id":"12","type":"produce","topic":"t","records":[{"value":{"encoding":"text","text":"x","length":1}}]}', '12', /records\.0\.value: Unrecognized key: "length"/],
    ['{"id":"13","type":"tailStart","topic":"t","start":{"from":"latest"},"filter":{"txt":"x"}}', '13', /filter: Unrecognized key: "txt"/],
  ])('%s -> BAD_FRAME', (text, id, message) => {
    const parsed = parseFrame(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.id).toBe(id);
      expect(parsed.error.code).toBe('BAD_FRAME');
      expect(parsed.error.message).toMatch(message);
    }
  });

  it('does not let __proto__ through to the handlers', () => {
    const parsed = parseFrame('{"id":"1","type":"ping","__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed.ok).toBe(false);
  });
});
