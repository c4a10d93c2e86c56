import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileFilter } from '../../../../companion/src/filter/filter';
import { fakeRecord } from '../codec/fake-record';

const order = fakeRecord({
  key: 'Customer-42',
  value: JSON.stringify({ amount: 150, currency: 'EUR', note: 'plain ascii' }),
  headers: { source: 'web' },
});

afterEach(() => vi.restoreAllMocks());

describe('filters decode only what they need', () => {
  it('a text filter with an ASCII needle never decodes or parses a record it does not match', () => {
    const toString = vi.spyOn(Buffer.prototype, 'toString');
    const parse = vi.spyOn(JSON, 'parse');
    expect(compileFilter({ text: 'usd' })(order)).toBe(false);
    expect(compileFilter({ text: 'EUR' })(order)).toBe(true);
    expect(toString).not.toHaveBeenCalled();
    expect(parse).not.toHaveBeenCalled();
  });

  it('a non-ASCII needle still folds case, through the decoded text', () => {
    expect(compileFilter({ text: 'ÉTÉ' })(fakeRecord({ value: 'un été chaud' }))).toBe(true);
    expect(compileFilter({ text: 'ÉTÉ' })(fakeRecord({ value: 'un ete chaud' }))).toBe(false);
  });

  it('a CEL filter that does not read `value` never parses it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(compileFilter({ cel: "key.startsWith('Customer') && headers['source'] == 'web' && partition == 0" })(order)).toBe(true);
    expect(parse).not.toHaveBeenCalled();
    expect(compileFilter({ cel: 'value.amount == 150' })(order)).toBe(true);
    expect(parse).toHaveBeenCalledTimes(1);
  });
});

describe('valueOf: values decoded elsewhere (Avro, Protobuf)', () => {
  const avro = fakeRecord({ key: 'k', value: Buffer.from([0x00, 0x00, 0x00, 0x00, 0x07, 0x02, 0x0c]) });
  const valueOf = (record: { value: Buffer | null }) => (record.value?.[0] === 0 ? { amount: 150n, currency: 'EUR', tags: ['x'] } : undefined);

  it('CEL reads the decoded value', () => {
    expect(compileFilter({ cel: "value.amount == 150 && value.currency == 'EUR'" }, { valueOf })(avro)).toBe(true);
    expect(compileFilter({ cel: 'value.amount > 150' }, { valueOf })(avro)).toBe(false);
  });

  it('the text filter searches the decoded value as JSON text, not the bytes', () => {
    expect(compileFilter({ text: '"currency":"eur"' }, { valueOf })(avro)).toBe(true);
    expect(compileFilter({ text: '"amount":"150"' }, { valueOf })(avro)).toBe(true);
    expect(compileFilter({ text: '\u0007' }, { valueOf })(avro)).toBe(false);
  });

  it('a decoder that declines (undefined) leaves the raw bytes to the filters', () => {
    expect(compileFilter({ text: 'eur', cel: 'value.amount == 150' }, { valueOf })(order)).toBe(true);
  });

  it('is read only from the options themselves: Object.prototype.valueOf is no decoder', () => {
    expect(compileFilter({ cel: 'value.amount == 150' }, {})(order)).toBe(true);
  });
});
