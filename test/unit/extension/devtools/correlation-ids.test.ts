import { describe, expect, it } from 'vitest';
import { extractIds, idFromHeader, idsOfHeaders, MAX_IDS, parseJsonPath, parseTraceparent, readJsonPath } from '../../../../extension/src/devtools/correlation-ids';
import { boundedBody, MAX_BODY_CHARS } from '../../../../extension/src/devtools/har';
import type { PageRequest } from '../../../../extension/src/devtools/inspected-page';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const VALID = `00-${TRACE}-00f067aa0ba902b7-01`;
const none = { headerNames: [], jsonPaths: [] };

function request(overrides: Partial<PageRequest> = {}): PageRequest {
  return { id: 'r0', method: 'POST', url: 'http://app.test/api/pay', status: 200, startedAt: 1_000_000, durationMs: 40, requestHeaders: [], responseHeaders: [], requestBody: null, responseBody: null, ...overrides };
}
const json = (value: unknown) => boundedBody(JSON.stringify(value), 'application/json');

describe('traceparent', () => {
  it('takes the trace id of a valid header, whatever the spacing or a future version with more parts', () => {
    expect(parseTraceparent(VALID)).toBe(TRACE);
    expect(parseTraceparent(`  ${VALID} `)).toBe(TRACE);
    expect(parseTraceparent(`01-${TRACE}-00f067aa0ba902b7-01-what-comes-next`)).toBe(TRACE);
  });

  it.each([
    ['version ff', `ff-${TRACE}-00f067aa0ba902b7-01`],
    ['version 00 with extra parts', `${VALID}-extra`],
    ['all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['all-zero parent id', `00-${TRACE}-0000000000000000-01`],
    ['upper-case hex', `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01`],
    ['short trace id', `00-${TRACE.slice(2)}-00f067aa0ba902b7-01`],
    ['bad flags', `00-${TRACE}-00f067aa0ba902b7-1`],
    ['three parts', `00-${TRACE}-00f067aa0ba902b7`],
    ['not hex', `00-${TRACE.slice(1)}x-00f067aa0ba902b7-01`],
    ['empty', ''],
  ])('refuses %s', (_, header) => expect(parseTraceparent(header)).toBeNull());
});

describe('ids from headers', () => {
  it('reads every default header form, by name in any case, from request and response', () => {
    const ids = extractIds(
      request({
        requestHeaders: [
          { name: 'TraceParent', value: VALID },
          { name: 'X-Request-ID', value: 'req-7f3a9c' },
          { name: 'content-type', value: 'application/json' },
        ],
        responseHeaders: [
          { name: 'x-correlation-id', value: 'corr-12345' },
          { name: 'X-B3-TraceId', value: '80F198EE56343BA864FE8B2A57D3EFF7' },
        ],
      }),
      none,
    );
    expect(ids).toEqual([
      { value: TRACE, source: 'traceparent (request header)' },
      { value: 'req-7f3a9c', source: 'x-request-id (request header)' },
      { value: 'corr-12345', source: 'x-correlation-id (response header)' },
      { value: '80f198ee56343ba864fe8b2a57d3eff7', source: 'x-b3-traceid (response header)' },
    ]);
  });

  it('adds header names the user gives, and drops duplicates, short, long and control-character values', () => {
    const ids = extractIds(
      request({
        requestHeaders: [
          { name: 'x-order-id', value: 'order-998877' },
          { name: 'x-request-id', value: 'order-998877' },
          { name: 'x-correlation-id', value: 'abc' },
          { name: 'x-tenant', value: 'x'.repeat(500) },
        ],
        responseHeaders: [{ name: 'x-request-id', value: 'bad\u0001value' }],
      }),
      { headerNames: [' X-Order-Id ', 'x-tenant'], jsonPaths: [] },
    );
    expect(ids.map((i) => i.value)).toEqual(['order-998877']);
    expect(idFromHeader('x-b3-traceid', '0000000000000000')).toBeNull();
  });

  it('keeps at most MAX_IDS', () => {
    const headers = Array.from({ length: 20 }, (_, i) => ({ name: `h${i}`, value: `value-${i}-long` }));
    expect(extractIds(request({ requestHeaders: headers }), { headerNames: headers.map((h) => h.name), jsonPaths: [] })).toHaveLength(MAX_IDS);
  });

  it('reads a record\u2019s headers the same way (record -> request)', () => {
    expect(idsOfHeaders([{ name: 'traceparent', value: VALID }, { name: 'x-request-id', value: 'req-123456' }, { name: 'other', value: 'zzzzzzzz' }], [])).toEqual([TRACE, 'req-123456']);
  });
});

describe('ids at JSON paths', () => {
  it('parses the usual path forms', () => {
    expect(parseJsonPath('$.order.id')).toEqual(['order', 'id']);
    expect(parseJsonPath('order.items[2].sku')).toEqual(['order', 'items', 2, 'sku']);
    expect(parseJsonPath("$['request-id']")).toEqual(['request-id']);
    expect(parseJsonPath('$..x')).toBeNull();
    expect(parseJsonPath('')).toBeNull();
    expect(readJsonPath({ a: [{ b: 'x' }] }, ['a', 0, 'b'])).toBe('x');
    expect(readJsonPath({ a: 'x' }, ['a', 'length'])).toBeUndefined();
    expect(readJsonPath({}, ['constructor'])).toBeUndefined();
  });

  it('finds ids in request and response bodies, strings and numbers', () => {
    const ids = extractIds(request({ requestBody: json({ payment: { requestId: 'pay-4242-aa' } }), responseBody: json({ orderId: 12345678 }) }), { headerNames: [], jsonPaths: ['$.payment.requestId', 'orderId', '$.missing'] });
    expect(ids).toEqual([
      { value: 'pay-4242-aa', source: '$.payment.requestId (request body)' },
      { value: '12345678', source: 'orderId (response body)' },
    ]);
  });

  it('skips bodies that are not JSON, binary or cut at the bound, without throwing', () => {
    const paths = { headerNames: [], jsonPaths: ['$.id'] };
    expect(extractIds(request({ requestBody: boundedBody('id=abcdefgh', 'application/x-www-form-urlencoded') }), paths)).toEqual([]);
    const binary = boundedBody(Buffer.from(JSON.stringify({ id: 'abcdefgh' })).toString('base64'), 'application/octet-stream', 'base64');
    expect(binary).toMatchObject({ binary: true, text: '' });
    expect(extractIds(request({ responseBody: binary }), paths)).toEqual([]);
    const huge = boundedBody(JSON.stringify({ id: 'abcdefgh', pad: 'x'.repeat(MAX_BODY_CHARS) }), 'application/json');
    expect(huge).toMatchObject({ truncated: true });
    expect(huge!.text).toHaveLength(MAX_BODY_CHARS);
    expect(extractIds(request({ responseBody: huge }), paths)).toEqual([]);
  });
});
