import { ClientMessageSchema, ServerMessageSchema } from '@kafka-inspector/shared';
import { describe, expect, it } from 'vitest';

const ok = (frame: unknown) => ClientMessageSchema.safeParse(frame).success;

describe('schema registry requests (issue 11)', () => {
  it('accepts each request in its documented forms', () => {
    expect(ok({ id: '1', type: 'listSubjects' })).toBe(true);
    expect(ok({ id: '1', type: 'listSubjects', cluster: 'prod', search: 'orders' })).toBe(true);
    expect(ok({ id: '2', type: 'listSchemaVersions', subject: 'orders-value' })).toBe(true);
    expect(ok({ id: '3', type: 'getSchema', subject: 'orders-value' })).toBe(true);
    expect(ok({ id: '3', type: 'getSchema', subject: 'orders-value', version: 3 })).toBe(true);
    expect(ok({ id: '3', type: 'getSchema', schemaId: 42 })).toBe(true);
    expect(ok({ id: '4', type: 'schemaSkeleton', subject: 'orders-value', version: 1 })).toBe(true);
  });

  it('refuses a schema named both ways or neither way, version 0, an unknown field and a non-integer id', () => {
    expect(ok({ id: '3', type: 'getSchema' })).toBe(false);
    expect(ok({ id: '3', type: 'getSchema', subject: 'a', schemaId: 1 })).toBe(false);
    expect(ok({ id: '3', type: 'getSchema', schemaId: 1, version: 2 })).toBe(false);
    expect(ok({ id: '3', type: 'getSchema', subject: 'a', version: 0 })).toBe(false);
    expect(ok({ id: '3', type: 'getSchema', schemaId: 1.5 })).toBe(false);
    expect(ok({ id: '2', type: 'listSchemaVersions', subject: '' })).toBe(false);
    expect(ok({ id: '2', type: 'listSchemaVersions', subject: 'a', extra: true })).toBe(false);
  });

  it('a produced key or value may name a schema (JSON text only); a header value may not', () => {
    const record = (value: unknown, headers: unknown[] = []) => ({ id: '5', type: 'produce', topic: 'orders', records: [{ key: null, value, headers }] });
    expect(ok(record({ encoding: 'json', text: '{"id":"1"}', schema: { subject: 'orders-value' } }))).toBe(true);
    expect(ok(record({ encoding: 'json', text: '{"id":"1"}', schema: { subject: 'orders-value', version: 2 } }))).toBe(true);
    expect(ok(record({ encoding: 'text', text: 'x', schema: { subject: 'orders-value' } }))).toBe(false);
    expect(ok(record({ encoding: 'json', text: '{}', schema: { subject: 'orders-value', latest: true } }))).toBe(false);
    expect(ok(record(null, [{ key: 'h', value: { encoding: 'json', text: '{}', schema: { subject: 's' } } }]))).toBe(false);
  });

  it('round-trips results through the server frame union', () => {
    const frames = [
      { type: 'result', id: '1', ok: true, request: 'listSubjects', result: { subjects: [{ subject: 'orders-value', type: 'AVRO', latestVersion: 3, id: 42 }] } },
      { type: 'result', id: '2', ok: true, request: 'listSchemaVersions', result: { subject: 'orders-value', versions: [1, 2, 3] } },
      { type: 'result', id: '3', ok: true, request: 'getSchema', result: { id: 42, subject: null, version: null, type: 'PROTOBUF', schema: 'syntax = "proto3";', references: [{ name: 'common.proto', subject: 'common', version: 1 }] } },
      { type: 'result', id: '4', ok: true, request: 'schemaSkeleton', result: { subject: 's', version: 1, id: 1, type: 'JSON', skeleton: '{}' } },
      { type: 'error', id: '5', ok: false, error: { code: 'SCHEMA_INVALID', message: 'value.total: expected double', details: { field: 'value', path: 'total' } } },
    ];
    for (const frame of frames) expect(ServerMessageSchema.safeParse(frame).success, JSON.stringify(frame)).toBe(true);
    expect(ServerMessageSchema.safeParse({ ...frames[0], result: { subjects: [{ subject: 'x', type: 'XML', latestVersion: 1, id: 1 }] } }).success).toBe(false);
  });
});
