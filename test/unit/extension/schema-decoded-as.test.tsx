import type { WireRecord } from '@kafka-inspector/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import { decodedAsText, shownData } from '../../../extension/src/store/decoded-view';
import { RecordDetail } from '../../../extension/src/ui/RecordDetail';
import { ModeContext, StoreContext } from '../../../extension/src/ui/store-context';
import { asWebSocket, FakeSocket, flush } from './fake-socket';
import { wiredStore } from './wired-store';

const storage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
const avroBytes = Buffer.from([0, 0, 0, 0, 42, 6, 111, 45, 49]).toString('base64');

const record: WireRecord = {
  topic: 'orders',
  partition: 0,
  offset: '7',
  timestamp: '1700000000000',
  key: { encoding: 'text', text: 'o-1', size: 3 },
  value: { encoding: 'binary', base64: avroBytes, size: 9, decoded: { format: 'avro', text: '{"id":"o-1","qty":"9007199254740993"}', schemaId: 42, subject: 'orders-value', version: 3, type: 'shop.Order' } },
  headers: [],
  size: 12,
};

describe('a decoded record in the panel', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('pure: the decoded text is what is read (JSON formats as JSON), the raw form stays for hex; "decoded as" in words', () => {
    expect(shownData(record.value!)).toEqual({ encoding: 'json', text: '{"id":"o-1","qty":"9007199254740993"}', size: 9, truncated: false });
    expect(shownData({ encoding: 'binary', base64: 'AAAAAA==', size: 4, decoded: { format: 'int32', text: '0' } })).toMatchObject({ encoding: 'text', text: '0' });
    const failed = { encoding: 'binary' as const, base64: avroBytes, size: 9, decoded: { format: 'schema-registry' as const, schemaId: 42, error: 'schema registry did not answer' } };
    expect(shownData(failed)).toBe(failed);
    expect(decodedAsText(record.value!.decoded!)).toBe('Avro · schema 42 · orders-value v3 · shop.Order');
  });

  it('the detail says how the value was decoded, shows it as a tree, and opens the schema it was decoded with', async () => {
    const store = wiredStore(new Bridge({ WebSocket: asWebSocket }), storage);
    const connecting = store.getState().connect('ws://x/ws', 'tok');
    FakeSocket.latest().open();
    FakeSocket.latest().welcome();
    await connecting;
    render(
      <ModeContext.Provider value="extension">
        <StoreContext.Provider value={store}>
          <RecordDetail record={record} />
        </StoreContext.Provider>
      </ModeContext.Provider>,
    );
    expect(screen.getByTestId('decoded-as-value').textContent).toContain('Value decoded asAvro · schema 42 · orders-value v3 · shop.Order');
    expect(screen.getByTestId('json-tree').textContent).toContain('"9007199254740993"');
    const view = screen.getByRole('button', { name: 'View value schema' });
    expect(view.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(view);
    await flush();
    const socket = FakeSocket.latest();
    expect(socket.last('getSchema')).toMatchObject({ schemaId: 42 });
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Loading the schema…');
    socket.reply('getSchema', { id: 42, subject: null, version: null, type: 'AVRO', schema: '{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"}]}', references: [] });
    await flush();
    const pane = screen.getByRole('region', { name: 'Schema 42' });
    expect(pane.textContent).toContain('"name": "Order"');
    // Asked by id, the registry names no subject; the record's decoding does.
    expect(pane.textContent).toContain('Subjectorders-value');
    expect(screen.getAllByRole('button', { name: /Hide schema/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Hide schema', expanded: true }));
    expect(screen.queryByRole('region', { name: 'Schema 42' })).toBeNull();
  });

  it('a value the companion could not decode says why, and is shown raw', () => {
    const store = wiredStore(new Bridge({ WebSocket: asWebSocket }), storage);
    const raw: WireRecord = { ...record, value: { encoding: 'binary', base64: avroBytes, size: 9, decoded: { format: 'schema-registry', schemaId: 42, error: 'schema 42: the schema registry did not answer' } } };
    render(
      <StoreContext.Provider value={store}>
        <RecordDetail record={raw} />
      </StoreContext.Provider>,
    );
    expect(screen.getByRole('note').textContent).toBe('shown raw: schema 42: the schema registry did not answer');
    expect(screen.queryByTestId('json-tree')).toBeNull();
  });
});
