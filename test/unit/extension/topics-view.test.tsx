import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import { wiredStore } from './wired-store';
import { App } from '../../../extension/src/ui/App';
import { ModeContext, StoreContext } from '../../../extension/src/ui/store-context';
import { asWebSocket, FakeSocket, flush } from './fake-socket';

const storage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };

async function renderPaired() {
  const store = wiredStore(new Bridge({ WebSocket: asWebSocket }), storage);
  render(
    <ModeContext.Provider value="extension">
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </ModeContext.Provider>,
  );
  return store;
}

describe('panel components', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('first run shows the pairing screen; a good token leads to the topics list', async () => {
    await renderPaired();
    fireEvent.change(screen.getByTestId('pairing-token'), { target: { value: 'tok' } });
    fireEvent.click(screen.getByTestId('pairing-connect'));
    await flush();
    const socket = FakeSocket.latest();
    expect(socket.url).toBe('ws://127.0.0.1:7341/ws');
    socket.open();
    socket.welcome();
    await flush();
    socket.reply('listTopics', { topics: [{ name: 'orders', partitions: 3, replicationFactor: 1, messageCount: '1200', internal: false }] });
    await flush();
    expect(screen.getByTestId('connection-status').dataset.status).toBe('open');
    const row = await screen.findByTestId('topic-row');
    expect(row.textContent).toContain('orders');
    expect(row.textContent).toContain('~1,200');
  });

  it('a topic whose partitions did not all answer says so in its row, in words a screen reader reads too', async () => {
    const store = await renderPaired();
    const connecting = store.getState().connect('ws://x/ws', 'tok');
    FakeSocket.latest().open();
    FakeSocket.latest().welcome();
    await connecting;
    await flush();
    FakeSocket.latest().reply('listTopics', {
      topics: [
        { name: 'orders', partitions: 3, replicationFactor: 1, messageCount: '800', internal: false, error: { code: 'KAFKA_ERROR', message: 'partition 2: NOT_LEADER_FOR_PARTITION' } },
        { name: 'payments', partitions: 1, replicationFactor: 1, messageCount: '5', internal: false },
      ],
    });
    await flush();
    const rows = await screen.findAllByTestId('topic-row');
    expect(rows[0]!.textContent).toContain('(partial: partition 2: NOT_LEADER_FOR_PARTITION)');
    expect(rows[0]!.querySelector('[data-testid=topic-row-error]')?.getAttribute('title')).toMatch(/did not answer/);
    expect(rows[1]!.querySelector('[data-testid=topic-row-error]')).toBeNull();
  });

  it('the produce button is disabled with a reason on a read-only companion', async () => {
    const store = await renderPaired();
    const connecting = store.getState().connect('ws://x/ws', 'tok');
    FakeSocket.latest().open();
    FakeSocket.latest().welcome({ capabilities: { readOnly: true, produceAllowList: null, cel: true, schemaRegistry: false, limits: { maxFrameBytes: 1, maxRecordBytes: 1, maxValuePreviewBytes: 1, maxStreamsPerSocket: 1 } } });
    await connecting;
    store.getState().setActiveTab('produce');
    store.getState().setProduceForm({ topic: 'orders' });
    await flush();
    expect((screen.getByTestId('produce-send') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('produce-disabled-reason').textContent).toMatch(/read-only/);
  });
});
