import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import { App } from '../../../extension/src/ui/App';
import { withDecoder } from '../../../extension/src/ui/SchemaDecoderPicker';
import { ModeContext, StoreContext } from '../../../extension/src/ui/store-context';
import { asWebSocket, FakeSocket, flush } from './fake-socket';
import { wiredStore } from './wired-store';

describe('forced decoders per topic (issue 11)', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('pure: auto removes a part, another decoder sets it', () => {
    expect(withDecoder(undefined, 'value', 'hex')).toEqual({ value: 'hex' });
    expect(withDecoder({ key: 'int64', value: 'hex' }, 'value', 'auto')).toEqual({ key: 'int64' });
  });

  it('are chosen in the tail form, remembered per topic in the preferences, and sent with tailStart', async () => {
    const saved: Record<string, string> = {};
    const storage = { getItem: (k: string) => saved[k] ?? null, setItem: (k: string, v: string) => void (saved[k] = v), removeItem: () => {} };
    const store = wiredStore(new Bridge({ WebSocket: asWebSocket }), storage);
    render(
      <ModeContext.Provider value="extension">
        <StoreContext.Provider value={store}>
          <App />
        </StoreContext.Provider>
      </ModeContext.Provider>,
    );
    const connecting = store.getState().connect('ws://x/ws', 'tok');
    FakeSocket.latest().open();
    FakeSocket.latest().welcome();
    await connecting;
    await flush();
    fireEvent.click(screen.getByRole('tab', { name: 'Tail' }));
    expect(screen.getByLabelText('Value decoder')).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByTestId('tail-topic-input'), { target: { value: 'sensors' } });
    fireEvent.change(screen.getByLabelText('Key decoder'), { target: { value: 'int64' } });
    fireEvent.change(screen.getByLabelText('Value decoder'), { target: { value: 'msgpack' } });
    expect(store.getState().preferences.decoders).toEqual({ sensors: { key: 'int64', value: 'msgpack' } });
    expect(JSON.stringify(saved)).toContain('msgpack');
    fireEvent.click(screen.getByTestId('tail-start-button'));
    await flush();
    expect(FakeSocket.latest().last('tailStart')).toMatchObject({ topic: 'sensors', decoders: { key: 'int64', value: 'msgpack' } });
    fireEvent.change(screen.getByLabelText('Key decoder'), { target: { value: 'auto' } });
    fireEvent.change(screen.getByLabelText('Value decoder'), { target: { value: 'auto' } });
    expect(store.getState().preferences.decoders).toEqual({});
  });
});
