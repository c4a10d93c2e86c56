import { beforeEach, describe, expect, it } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import { asWebSocket, FakeSocket, flush } from './fake-socket';
import { wiredStore } from './wired-store';

const clusters = [
  { name: 'local', default: true, brokers: ['127.0.0.1:9092'], tls: false, sasl: null, demo: false },
  { name: 'prod', default: false, brokers: ['10.0.0.1:9092'], tls: false, sasl: null, demo: false },
];

async function connected() {
  const store = wiredStore(new Bridge({ WebSocket: asWebSocket }));
  const connecting = store.getState().connect('ws://x/ws', 'tok');
  FakeSocket.latest().open();
  FakeSocket.latest().welcome({ clusters });
  await connecting;
  FakeSocket.latest().reply('listTopics', { topics: [] });
  await flush();
  return { store, socket: FakeSocket.latest() };
}

const listGroupsSent = (socket: FakeSocket) => socket.sent.filter((f) => f.type === 'listGroups');

/** syncCluster: the preferred profile applied after the first lists were read (issue 14, item 1). */
describe('cluster sync rereads the lists read before it', () => {
  beforeEach(() => FakeSocket.reset());

  it('groups listed from the default profile are listed again from the preferred one', async () => {
    const { store, socket } = await connected();
    const listing = store.getState().refreshGroups();
    socket.reply('listGroups', { groups: [{ groupId: 'local-only', protocolType: 'consumer', state: 'Stable', members: 1 }] });
    await listing;
    expect(store.getState().groups.loaded).toBe(true);
    expect(listGroupsSent(socket).at(-1)?.cluster).toBeUndefined();

    store.getState().setPreferences({ cluster: 'prod' });
    store.getState().syncCluster();
    await flush();
    expect(listGroupsSent(socket)).toHaveLength(2);
    expect(listGroupsSent(socket).at(-1)?.cluster).toBe('prod');
  });

  it('groups never asked for stay unread: the Groups tab reads them when first shown', async () => {
    const { store, socket } = await connected();
    store.getState().setPreferences({ cluster: 'prod' });
    store.getState().syncCluster();
    await flush();
    expect(socket.last('listTopics').cluster).toBe('prod');
    expect(listGroupsSent(socket)).toEqual([]);
  });
});
