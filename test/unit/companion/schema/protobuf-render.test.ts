import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { compileProtobuf, protobufTypeName } from '../../../../companion/src/schema/protobuf';

const money = 'syntax = "proto3";\npackage shop.common;\nmessage Money { string currency = 1; int64 units = 2; }\n';
const main = `syntax = "proto3";
package shop;
import "shop/money.proto";
import "google/protobuf/timestamp.proto";
import "google/protobuf/wrappers.proto";
message Header { string id = 1; }
message Order {
  message Line { string sku = 1; uint32 qty = 2; }
  string order_id = 1;
  shop.common.Money total = 2;
  google.protobuf.Timestamp at = 3;
  repeated Line lines = 4;
  google.protobuf.StringValue note = 5;
  Status status = 6;
  bytes blob = 7;
}
enum Status { NEW = 0; PAID = 1; }
`;

describe('Protobuf from .proto source (issue 11)', () => {
  const decoder = compileProtobuf(main, { 'shop/money.proto': money });

  it('message indexes pick top-level and nested messages in declaration order', () => {
    expect(protobufTypeName(decoder.typeAt([0]))).toBe('shop.Header');
    expect(protobufTypeName(decoder.typeAt([1]))).toBe('shop.Order');
    expect(protobufTypeName(decoder.typeAt([1, 0]))).toBe('shop.Order.Line');
    expect(() => decoder.typeAt([2])).toThrow("past the file's 2 messages");
  });

  it('renders field names as written, int64 as strings, enums by name, well-known types as proto3 JSON', () => {
    // Encoded by a separate protobufjs root, as a producer would.
    const root = new protobuf.Root();
    root.addJSON(protobuf.common.get('google/protobuf/timestamp.proto')!.nested!);
    root.addJSON(protobuf.common.get('google/protobuf/wrappers.proto')!.nested!);
    protobuf.parse(money, root, { keepCase: true });
    protobuf.parse(main, root, { keepCase: true });
    const Order = root.lookupType('shop.Order');
    const bytes = Order.encode(
      Order.fromObject({ order_id: 'o-1', total: { currency: 'EUR', units: '9007199254740993' }, at: { seconds: 1704164645, nanos: 5000000 }, lines: [{ sku: 'a', qty: 2 }], note: { value: 'hi' }, status: 'PAID', blob: 'AQI=' }),
    ).finish();
    expect(decoder.decode(decoder.typeAt([1]), bytes)).toEqual({
      order_id: 'o-1',
      total: { currency: 'EUR', units: '9007199254740993' },
      at: '2024-01-02T03:04:05.005Z',
      lines: [{ sku: 'a', qty: 2 }],
      note: 'hi',
      status: 'PAID',
      blob: 'AQI=',
    });
  });

  it('an import that is missing is an error at compile time', () => {
    expect(() => compileProtobuf(main)).toThrow();
  });
});
