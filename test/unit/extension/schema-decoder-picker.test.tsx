import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDecoder } from '../../../extension/src/ui/SchemaDecoderPicker';
import { FakeSocket, flush } from './fake-socket';
import { renderPairedApp } from './paired-app';

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
    const { store } = await renderPairedApp({ storage });
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
