import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSocket, flush } from './fake-socket';
import { renderPairedApp } from './paired-app';

const V1 = '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}';
const V2 = '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"total","type":"double","default":0}]}';

async function openSchemasTab() {
  const paired = await renderPairedApp({ welcome: { capabilities: { readOnly: false, produceAllowList: null, cel: true, schemaRegistry: true, limits: { maxFrameBytes: 1, maxRecordBytes: 1, maxValuePreviewBytes: 1, maxStreamsPerSocket: 1 } } } });
  fireEvent.click(screen.getByRole('tab', { name: 'Schemas' }));
  await flush();
  return paired;
}

function replyError(socket: FakeSocket, type: string, code: string, message: string) {
  socket.push({ type: 'error', id: socket.last(type).id, ok: false, error: { code, message } });
}

describe('the Schemas view', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('lists subjects with type and latest version, shows the latest version, and diffs two versions', async () => {
    const { socket } = await openSchemasTab();
    expect(screen.getByRole('status').textContent).toMatch(/Loading subjects/);
    socket.reply('listSubjects', { subjects: [{ subject: 'orders-value', type: 'AVRO', latestVersion: 2, id: 7 }, { subject: 'users-value', type: 'JSON', latestVersion: 1, id: 3 }] });
    await flush();
    const table = screen.getByRole('table', { name: 'Subjects' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table.textContent).toContain('Avro');
    expect(table.textContent).toContain('JSON Schema');

    fireEvent.click(screen.getByRole('button', { name: 'orders-value' }));
    await flush();
    expect(socket.last('listSchemaVersions')).toMatchObject({ subject: 'orders-value' });
    socket.reply('listSchemaVersions', { subject: 'orders-value', versions: [1, 2] });
    await flush();
    expect(socket.last('getSchema')).toMatchObject({ subject: 'orders-value', version: 2 });
    socket.reply('getSchema', { id: 7, subject: 'orders-value', version: 2, type: 'AVRO', schema: V2, references: [] });
    await flush();
    const pane = screen.getByRole('region', { name: 'Subject orders-value' });
    expect(within(pane).getByTestId('schema-text').textContent).toContain('"total"');
    expect(within(pane).getByLabelText('Version')).toHaveProperty('value', '2');

    fireEvent.change(within(pane).getByLabelText('Compare with'), { target: { value: '1' } });
    await flush();
    expect(socket.last('getSchema')).toMatchObject({ subject: 'orders-value', version: 1 });
    socket.reply('getSchema', { id: 5, subject: 'orders-value', version: 1, type: 'AVRO', schema: V1, references: [] });
    await flush();
    expect(screen.getByTestId('schema-diff-summary').textContent).toMatch(/From v1 to v2: \d+ lines added, \d+ removed/);
    const diff = screen.getByTestId('schema-diff');
    expect(diff.querySelector('.diff-added')?.textContent).toBeTruthy();
    expect(Array.from(diff.querySelectorAll('.diff-added')).map((n) => n.textContent).join('\n')).toContain('"total"');
  });

  it('says plainly when the profile has no schema registry', async () => {
    const { socket } = await openSchemasTab();
    replyError(socket, 'listSubjects', 'SCHEMA_REGISTRY_UNAVAILABLE', 'cluster profile "local" has no schemaRegistry');
    await flush();
    expect(screen.getByTestId('schemas-unavailable').textContent).toMatch(/No schema registry answers for this cluster: cluster profile "local" has no schemaRegistry/);
    expect(screen.queryByRole('table', { name: 'Subjects' })).toBeNull();
  });

  it('says when the registry has no subjects, and filters by name', async () => {
    const { socket } = await openSchemasTab();
    socket.reply('listSubjects', { subjects: [] });
    await flush();
    expect(screen.getByTestId('subjects-empty').textContent).toMatch(/no subjects yet/);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await flush();
    socket.reply('listSubjects', { subjects: [{ subject: 'a-value', type: 'PROTOBUF', latestVersion: 1, id: 1 }, { subject: 'b-key', type: 'AVRO', latestVersion: 4, id: 9 }] });
    await flush();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter subjects' }), { target: { value: 'B-K' } });
    expect(screen.getAllByTestId('subject-row').map((r) => r.dataset.subject)).toEqual(['b-key']);
  });

  it('a failing version read is an error in the subject pane, not a blank one', async () => {
    const { socket } = await openSchemasTab();
    socket.reply('listSubjects', { subjects: [{ subject: 'a-value', type: 'AVRO', latestVersion: 1, id: 1 }] });
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'a-value' }));
    await flush();
    replyError(socket, 'listSchemaVersions', 'SCHEMA_REGISTRY_ERROR', 'the schema registry refused the credentials (401)');
    await flush();
    expect(screen.getByRole('alert').textContent).toBe('Could not list versions: the schema registry refused the credentials (401)');
  });

  it('Produce: choose a value schema, insert its skeleton, send it named; a SCHEMA_INVALID refusal points at the field', async () => {
    const { socket } = await openSchemasTab();
    socket.reply('listSubjects', { subjects: [{ subject: 'orders-value', type: 'AVRO', latestVersion: 2, id: 7 }] });
    await flush();
    fireEvent.click(screen.getByRole('tab', { name: 'Produce' }));
    fireEvent.change(screen.getByTestId('produce-topic'), { target: { value: 'orders' } });
    const group = screen.getByRole('group', { name: 'Value schema' });
    const insert = within(group).getByRole('button', { name: 'Insert skeleton into the value' });
    expect(insert).toHaveProperty('disabled', true);
    fireEvent.change(within(group).getByLabelText('Value schema'), { target: { value: 'orders-value' } });
    expect(within(group).getByLabelText('Value schema version').textContent).toContain('latest (v2)');
    fireEvent.change(within(group).getByLabelText('Value schema version'), { target: { value: '1' } });
    fireEvent.click(insert);
    await flush();
    expect(socket.last('schemaSkeleton')).toMatchObject({ subject: 'orders-value', version: 1 });
    socket.reply('schemaSkeleton', { subject: 'orders-value', version: 1, id: 5, type: 'AVRO', skeleton: '{\n  "id": ""\n}' });
    await flush();
    expect((screen.getByTestId('produce-value') as HTMLTextAreaElement).value).toBe('{\n  "id": ""\n}');

    fireEvent.click(screen.getByTestId('produce-send'));
    await flush();
    const produce = socket.last('produce') as { records: Array<{ value: unknown }> };
    expect(produce.records[0]!.value).toEqual({ encoding: 'json', text: '{\n  "id": ""\n}', schema: { subject: 'orders-value', version: 1 } });
    socket.push({ type: 'error', id: socket.last('produce').id, ok: false, error: { code: 'SCHEMA_INVALID', message: 'record 0 value does not fit orders-value v1 (AVRO): id: expected string', details: { index: 0, field: 'value', path: 'id', subject: 'orders-value', version: 1 } } });
    await flush();
    expect(screen.getByRole('alert').textContent).toContain('id: expected string');
    expect(screen.getByTestId('produce-value-field-error').textContent).toBe('Does not fit the schema at value.id');
  });

  it('Produce: a Protobuf file of several messages offers them; the one picked goes to the skeleton and the produce', async () => {
    const { socket } = await openSchemasTab();
    socket.reply('listSubjects', { subjects: [{ subject: 'events-value', type: 'PROTOBUF', latestVersion: 1, id: 4 }, { subject: 'orders-value', type: 'AVRO', latestVersion: 2, id: 7 }] });
    await flush();
    fireEvent.click(screen.getByRole('tab', { name: 'Produce' }));
    fireEvent.change(screen.getByTestId('produce-topic'), { target: { value: 'events' } });
    const group = screen.getByRole('group', { name: 'Value schema' });
    fireEvent.change(within(group).getByLabelText('Value schema'), { target: { value: 'events-value' } });
    await flush();
    expect(socket.last('getSchema')).toMatchObject({ subject: 'events-value' });
    expect(socket.last('getSchema')).not.toHaveProperty('version');
    expect(within(group).getByRole('status').textContent).toBe('Loading message types…');
    socket.reply('getSchema', { id: 4, subject: 'events-value', version: 1, type: 'PROTOBUF', schema: 'syntax = "proto3";', references: [], messageTypes: ['ev.Created', 'ev.Deleted', 'ev.Deleted.Reason'] });
    await flush();
    const picker = within(group).getByLabelText('Value message type') as HTMLSelectElement;
    expect(picker.value).toBe('ev.Created');
    expect(Array.from(picker.options).map((o) => o.textContent)).toEqual(['ev.Created (first, the default)', 'ev.Deleted', 'ev.Deleted.Reason']);

    fireEvent.change(picker, { target: { value: 'ev.Deleted' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Insert skeleton into the value' }));
    await flush();
    expect(socket.last('schemaSkeleton')).toMatchObject({ subject: 'events-value', messageType: 'ev.Deleted' });
    socket.reply('schemaSkeleton', { subject: 'events-value', version: 1, id: 4, type: 'PROTOBUF', skeleton: '{\n  "id": "d-1"\n}', messageType: 'ev.Deleted' });
    await flush();
    fireEvent.click(screen.getByTestId('produce-send'));
    await flush();
    expect((socket.last('produce') as { records: Array<{ value: unknown }> }).records[0]!.value).toEqual({ encoding: 'json', text: '{\n  "id": "d-1"\n}', schema: { subject: 'events-value', messageType: 'ev.Deleted' } });
    socket.reply('produce', { records: [{ partition: 0, offset: '0' }] });
    await flush();

    // Back to the first message: the produce names none (the companion's default), and an Avro subject offers no message types.
    fireEvent.change(within(group).getByLabelText('Value message type'), { target: { value: 'ev.Created' } });
    fireEvent.click(screen.getByTestId('produce-send'));
    await flush();
    expect((socket.last('produce') as { records: Array<{ value: { schema: unknown } }> }).records[0]!.value.schema).toEqual({ subject: 'events-value' });
    fireEvent.change(within(group).getByLabelText('Value schema'), { target: { value: 'orders-value' } });
    await flush();
    expect(within(group).queryByLabelText('Value message type')).toBeNull();
  });

  it('Produce: message types that could not be read say so, and are asked again when the subject is chosen again', async () => {
    const { socket } = await openSchemasTab();
    socket.reply('listSubjects', { subjects: [{ subject: 'events-value', type: 'PROTOBUF', latestVersion: 1, id: 4 }] });
    await flush();
    fireEvent.click(screen.getByRole('tab', { name: 'Produce' }));
    const group = screen.getByRole('group', { name: 'Value schema' });
    fireEvent.change(within(group).getByLabelText('Value schema'), { target: { value: 'events-value' } });
    await flush();
    const asked = socket.sent.filter((f) => f.type === 'getSchema').length;
    replyError(socket, 'getSchema', 'SCHEMA_REGISTRY_UNAVAILABLE', 'schema registry http://127.0.0.1:8081 did not answer');
    await flush();
    expect(within(group).getByText(/Message types unavailable: .*did not answer/)).toBeTruthy();
    fireEvent.change(within(group).getByLabelText('Value schema'), { target: { value: '' } });
    fireEvent.change(within(group).getByLabelText('Value schema'), { target: { value: 'events-value' } });
    await flush();
    expect(socket.sent.filter((f) => f.type === 'getSchema').length).toBe(asked + 1);
  });
});
