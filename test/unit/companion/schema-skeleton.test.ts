import { describe, expect, it } from 'vitest';
import { avroSkeleton, jsonSchemaSkeleton } from '../../../companion/src/schema/skeleton';

describe('JSON skeletons from a schema', () => {
  it('Avro: every field, defaults first, unions as their first non-null branch, named types reused, logical types as their base', () => {
    const schema = {
      type: 'record',
      name: 'Order',
      namespace: 'shop',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'qty', type: 'int' },
        { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
        { name: 'note', type: ['null', 'string'] },
        { name: 'currency', type: 'string', default: 'EUR' },
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'lines', type: { type: 'array', items: { type: 'record', name: 'Line', fields: [{ name: 'sku', type: 'string' }, { name: 'price', type: 'double' }] } } },
        { name: 'tags', type: { type: 'map', values: 'boolean' } },
        { name: 'again', type: 'shop.Line' },
        { name: 'previous', type: ['null', 'Order'] },
      ],
    };
    const skeleton = avroSkeleton(schema) as Record<string, unknown>;
    expect(skeleton).toMatchObject({ id: '', qty: 0, status: 'NEW', note: '', currency: 'EUR', at: 0, lines: [{ sku: '', price: 0 }], tags: { key: false }, again: { sku: '', price: 0 } });
    // A recursive type stops at a depth instead of looping.
    let depth = 0;
    for (let node = skeleton; node && typeof node === 'object'; node = node.previous as Record<string, unknown>) depth++;
    expect(depth).toBeGreaterThan(1);
    expect(depth).toBeLessThan(12);
  });

  it('JSON Schema: properties, local $refs, formats, enums, oneOf and allOf', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      definitions: { address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string', minLength: 5 } } } },
      properties: {
        id: { type: 'integer', minimum: 1 },
        email: { type: 'string', format: 'email' },
        at: { type: 'string', format: 'date-time' },
        kind: { enum: ['a', 'b'] },
        active: { type: ['null', 'boolean'] },
        address: { $ref: '#/definitions/address' },
        tags: { type: 'array', items: { type: 'string' } },
        contact: { oneOf: [{ type: 'null' }, { type: 'object', properties: { phone: { type: 'string' } } }] },
        both: { allOf: [{ properties: { a: { type: 'number' } } }, { properties: { b: { const: 2 } } }] },
        fixed: { type: 'string', default: 'x1' },
      },
    };
    expect(jsonSchemaSkeleton(schema)).toEqual({
      id: 1,
      email: 'user@example.com',
      at: '1970-01-01T00:00:00Z',
      kind: 'a',
      active: false,
      address: { city: '', zip: 'xxxxx' },
      tags: [''],
      contact: { phone: '' },
      both: { a: 0, b: 2 },
      fixed: 'x1',
    });
  });
});
