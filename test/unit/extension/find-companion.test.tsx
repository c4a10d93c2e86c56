import { NATIVE_HOST_NAME } from '@kafka-inspector/shared';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import { askCompanionHost } from '../../../extension/src/bridge/platform';
import { createInspectorStore } from '../../../extension/src/store';
import { PairingScreen } from '../../../extension/src/ui/PairingScreen';
import { ModeContext, StoreContext } from '../../../extension/src/ui/store-context';

const TOKEN = 'found-token-0123456789abcdef';

/** A chrome.* with native messaging answering `reply` (or failing with it) and a storage.local. */
function stubChrome(reply: unknown | Error) {
  const stored: Record<string, unknown> = {};
  const sendNativeMessage = vi.fn(async () => {
    if (reply instanceof Error) throw reply;
    return reply;
  });
  const chrome = {
    runtime: { sendNativeMessage },
    storage: { local: { get: async (key: string) => ({ [key]: stored[key] }), set: async (items: Record<string, unknown>) => void Object.assign(stored, items), remove: async () => {} } },
  };
  Object.assign(globalThis, { chrome });
  return { sendNativeMessage, stored };
}

afterEach(() => {
  cleanup();
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('askCompanionHost', () => {
  it('asks the host by its shared name and returns its checked reply', async () => {
    const { sendNativeMessage } = stubChrome({ type: 'found', url: 'ws://127.0.0.1:7341/ws', token: TOKEN });
    expect(await askCompanionHost('extension')).toEqual({ type: 'found', url: 'ws://127.0.0.1:7341/ws', token: TOKEN });
    expect(sendNativeMessage).toHaveBeenCalledWith(NATIVE_HOST_NAME, { type: 'find-companion' });
  });

  it("maps Chrome's 'not found' and 'forbidden' to not-installed, other failures and odd replies to error", async () => {
    stubChrome(new Error('Specified native messaging host not found.'));
    expect(await askCompanionHost('extension')).toEqual({ type: 'not-installed' });
    stubChrome(new Error('Access to the specified native messaging host is forbidden.'));
    expect(await askCompanionHost('extension')).toEqual({ type: 'not-installed' });
    stubChrome(new Error('Native host has exited.'));
    expect(await askCompanionHost('extension')).toMatchObject({ type: 'error', message: expect.stringContaining('Native host has exited') });
    stubChrome({ type: 'found', url: 'ws://x', token: TOKEN, extra: 1 });
    expect(await askCompanionHost('extension')).toMatchObject({ type: 'error' });
  });

  it('the standalone page has no native messaging', async () => {
    stubChrome({ type: 'not-running', hint: 'x' });
    expect(await askCompanionHost('standalone')).toEqual({ type: 'unavailable' });
  });
});

describe('PairingScreen: Find my companion', () => {
  function renderScreen(connect = vi.fn(async () => true)) {
    const store = createInspectorStore(new Bridge());
    store.setState({ connect });
    render(
      <ModeContext.Provider value="extension">
        <StoreContext.Provider value={store}>
          <PairingScreen />
        </StoreContext.Provider>
      </ModeContext.Provider>,
    );
    return connect;
  }
  const state = () => screen.getByTestId('find-companion').dataset.state;

  it('looks by itself on first run and pairs with what the host answers, storing it', async () => {
    const { stored } = stubChrome({ type: 'found', url: 'ws://127.0.0.1:7341/ws', token: TOKEN });
    const connect = renderScreen();
    await waitFor(() => expect(connect).toHaveBeenCalledWith('ws://127.0.0.1:7341/ws', TOKEN));
    await waitFor(() => expect(Object.values(stored)).toEqual([{ url: 'ws://127.0.0.1:7341/ws', token: TOKEN }]));
    expect((screen.getByTestId('pairing-token') as HTMLInputElement).value).toBe('');
  });

  it('not running: says how to start one; the button asks again', async () => {
    const { sendNativeMessage } = stubChrome({ type: 'not-running', hint: 'Start one with kafka-inspector.' });
    renderScreen();
    await waitFor(() => expect(state()).toBe('not-running'));
    expect(screen.getByTestId('find-status').textContent).toContain('No companion is running. Start one with kafka-inspector.');
    fireEvent.click(screen.getByTestId('find-companion-button'));
    await waitFor(() => expect(sendNativeMessage).toHaveBeenCalledTimes(2));
  });

  it('host not installed: gives the install command; manual pasting stays', async () => {
    stubChrome(new Error('Specified native messaging host not found.'));
    renderScreen();
    await waitFor(() => expect(state()).toBe('not-installed'));
    expect(screen.getByTestId('find-status').textContent).toContain('kafka-inspector install-browser-host');
    expect(screen.getByTestId('pairing-token')).toBeTruthy();
  });

  it('a companion with its own token: the URL is filled in, the token is for the user to paste', async () => {
    stubChrome({ type: 'token-not-shared', url: 'ws://127.0.0.1:9000/ws', hint: 'paste that token' });
    const connect = renderScreen();
    await waitFor(() => expect(state()).toBe('token-not-shared'));
    await waitFor(() => expect((screen.getByTestId('pairing-url') as HTMLInputElement).value).toBe('ws://127.0.0.1:9000/ws'));
    expect(connect).not.toHaveBeenCalled();
  });
});
