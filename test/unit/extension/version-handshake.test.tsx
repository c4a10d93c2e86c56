import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROTOCOL_VERSION } from '@kafka-inspector/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bridge, type ConnectionState } from '../../../extension/src/bridge/client';
import { wiredStore } from './wired-store';
import { UPDATE_COMPANION, UPDATE_EXTENSION, versionProblem } from '../../../extension/src/store/compatibility';
import { App } from '../../../extension/src/ui/App';
import { ModeContext, StoreContext } from '../../../extension/src/ui/store-context';
import { version as panelRelease } from '../../../extension/package.json';
import { asWebSocket, FakeSocket, flush } from './fake-socket';

const panel = { protocol: 2, release: '0.4.1' };
const open = (protocol: number, version: string): ConnectionState =>
  ({ status: 'open', welcome: { protocol, server: { name: 'kafka-inspector', version } } }) as unknown as ConnectionState;
const refused = (details: unknown, message = 'this companion speaks protocol 1, not 2'): ConnectionState => ({
  status: 'unauthorized',
  reason: message,
  error: { code: 'UNSUPPORTED_PROTOCOL', message, details } as never,
});

describe('versionProblem: the panel side of the version handshake', () => {
  it.each([
    ['same release line, other patch', open(2, '0.4.7'), null],
    ['exactly the same', open(2, '0.4.1'), null],
    ['a development version it cannot read', open(2, 'dev'), null],
    ['not open yet', { status: 'connecting', attempt: 0 } as ConnectionState, null],
    ['a wrong token is not a version problem', { status: 'unauthorized', reason: 'wrong token', error: { code: 'UNAUTHORIZED', message: 'wrong token' } } as ConnectionState, null],
  ])('%s: nothing to say', (_name, connection, expected) => {
    expect(versionProblem(connection, panel)).toBe(expected);
  });

  it.each([
    ['refused, companion lists an older protocol', refused({ supported: [1] }), 'companion', 'older'],
    ['refused, companion lists a newer protocol', refused({ supported: [3] }, 'this companion speaks protocol 3, not 2'), 'extension', 'newer'],
    ['refused by an old companion without details: read from its message', refused(undefined), 'companion', 'older'],
    ['welcomed with another protocol (older)', open(1, '0.4.1'), 'companion', 'older'],
    ['welcomed with another protocol (newer)', open(3, '0.4.1'), 'extension', 'newer'],
  ])('protocol mismatch, %s: an error naming what to update', (_name, connection, update, word) => {
    const problem = versionProblem(connection, panel)!;
    expect(problem).toMatchObject({ severity: 'error', update });
    expect(problem.message).toContain(word);
    expect(problem.fix).toBe(update === 'companion' ? UPDATE_COMPANION : UPDATE_EXTENSION);
  });

  it.each([
    ['older minor while 0.x', '0.3.9', 'companion', 'older'],
    ['newer minor while 0.x', '0.5.0', 'extension', 'newer'],
    ['newer major', '1.0.0', 'extension', 'newer'],
  ])('same protocol, release %s: a warning naming the supported line and what to update', (_name, version, update, word) => {
    const problem = versionProblem(open(2, version), panel)!;
    expect(problem).toMatchObject({ severity: 'warning', update });
    expect(problem.message).toBe(`Companion ${version} is ${word} than this panel (0.4.1) supports (0.4.x): some views may fail.`);
  });

  it('from 1.0 on only the major line matters', () => {
    const v1 = { protocol: 2, release: '1.2.0' };
    expect(versionProblem(open(2, '1.9.3'), v1)).toBeNull();
    expect(versionProblem(open(2, '2.0.0'), v1)).toMatchObject({ severity: 'warning', update: 'extension' });
    expect(versionProblem(open(2, '0.9.0'), v1)).toMatchObject({ severity: 'warning', update: 'companion' });
  });

  it('defaults to this build: the shared protocol and the extension package version', () => {
    expect(versionProblem(open(PROTOCOL_VERSION, panelRelease))).toBeNull();
  });

  it('the panel and the companion it ships with are one release: their package versions are kept in step', () => {
    const versionOf = (path: string) => (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../..', path), 'utf8')) as { version: string }).version;
    expect({ companion: versionOf('companion/package.json'), root: versionOf('package.json') }).toEqual({ companion: panelRelease, root: panelRelease });
  });
});

const storage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };

function renderApp() {
  const bridge = new Bridge({ WebSocket: asWebSocket });
  render(
    <ModeContext.Provider value="extension">
      <StoreContext.Provider value={wiredStore(bridge, storage)}>
        <App />
      </StoreContext.Provider>
    </ModeContext.Provider>,
  );
}

async function pair() {
  fireEvent.change(screen.getByTestId('pairing-token'), { target: { value: 'tok' } });
  fireEvent.click(screen.getByTestId('pairing-connect'));
  await flush();
  FakeSocket.latest().open();
  await flush();
}

describe('the panel shows the handshake verdict', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('sends the shared protocol version in its hello', async () => {
    renderApp();
    await pair();
    expect(FakeSocket.latest().last('hello')).toMatchObject({ protocol: PROTOCOL_VERSION });
  });

  it('a companion refusing its protocol: the pairing screen says which side to update, not "token refused"', async () => {
    renderApp();
    await pair();
    const socket = FakeSocket.latest();
    const hello = socket.last('hello');
    const message = `this companion speaks protocol ${PROTOCOL_VERSION + 1}, not ${PROTOCOL_VERSION}`;
    socket.push({ type: 'error', id: hello.id, ok: false, error: { code: 'UNSUPPORTED_PROTOCOL', message, details: { supported: [PROTOCOL_VERSION + 1] } } });
    socket.close(4400, 'unsupported protocol');
    await flush();
    const notice = await screen.findByTestId('version-notice');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.dataset).toMatchObject({ severity: 'error', update: 'extension' });
    expect(notice.textContent).toContain(UPDATE_EXTENSION);
    expect(screen.queryByTestId('pairing-error')).toBeNull();
    expect(screen.getByTestId('connection-status').textContent).toContain('Version mismatch');
    expect(screen.getByTestId('pairing-form')).toBeTruthy();
  });

  it('a companion of an older release line: connected, with a warning to update the companion', async () => {
    renderApp();
    await pair();
    FakeSocket.latest().welcome({ server: { name: 'kafka-inspector', version: '0.0.1' } });
    await flush();
    expect(screen.getByTestId('connection-status').dataset.status).toBe('open');
    const notice = screen.getByTestId('version-notice');
    expect(notice.dataset).toMatchObject({ severity: 'warning', update: 'companion' });
    expect(notice.textContent).toContain('Companion 0.0.1 is older than this panel');
    expect(notice.textContent).toContain(UPDATE_COMPANION);
  });

  it('a matching companion: no notice', async () => {
    renderApp();
    await pair();
    FakeSocket.latest().welcome({ server: { name: 'kafka-inspector', version: panelRelease } });
    await flush();
    expect(screen.getByTestId('connection-status').dataset.status).toBe('open');
    expect(screen.queryByTestId('version-notice')).toBeNull();
  });
});
