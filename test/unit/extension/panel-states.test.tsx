import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { celProblem } from '../../../extension/src/ui/cel-error';
import { FakeSocket, flush } from './fake-socket';
import { fakeTopic, renderPairedApp } from './paired-app';

async function paired() {
  const paired = await renderPairedApp({ mode: 'standalone', random: () => 0.5 });
  paired.socket.reply('listTopics', { topics: [fakeTopic('orders')] });
  await flush();
  return paired;
}

describe('panel states said plainly', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('a refused CEL filter shows under the field with a caret at its range; the field is aria-invalid; a help popover lists the variables', async () => {
    const { store, socket } = await paired();
    act(() => store.getState().setActiveTab('tail'));
    const cel = screen.getByRole('textbox', { name: 'CEL' });
    expect(cel.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(cel, { target: { value: 'value.amount >> 5' } });
    const starting = store.getState().startTail({ topic: 'orders', start: { from: 'latest' }, filter: { cel: 'value.amount >> 5' } });
    await flush();
    const request = socket.last('tailStart');
    socket.push({ type: 'error', id: request.id, ok: false, error: { code: 'INVALID_FILTER', message: 'Syntax error: unexpected >', details: { range: { start: 14, end: 15 } } } });
    await starting;
    await flush();
    expect(cel.getAttribute('aria-invalid')).toBe('true');
    const alert = screen.getByTestId('cel-error');
    expect(cel.getAttribute('aria-describedby')).toBe(alert.id);
    expect(alert.textContent).toContain('Syntax error: unexpected >');
    expect(screen.getByTestId('cel-caret').textContent).toBe('value.amount >> 5\n              ^');
    // Editing the expression clears the mark: the error was about the old one.
    fireEvent.change(cel, { target: { value: 'value.amount > 5' } });
    expect(cel.getAttribute('aria-invalid')).toBeNull();
    expect(document.querySelector('summary')?.getAttribute('aria-label')).toBe('CEL help: variables and examples');
    expect(screen.getByTestId('cel-help').textContent).toMatch(/headers.*partition.*offset.*timestamp/s);
  });

  it('the demo cluster is named once in the header: "demo broker", never "demo demo"', async () => {
    await renderPairedApp({ mode: 'standalone', welcome: { clusters: [{ name: 'demo', default: true, brokers: ['127.0.0.1:1'], tls: false, sasl: null, demo: true }] } });
    const header = screen.getByTestId('cluster-name').textContent ?? '';
    expect(header).toContain('demo broker');
    expect(header).not.toMatch(/demo\s*demo/);
  });

  it('celProblem: no range gives the message without a caret; other errors are not CEL problems', () => {
    expect(celProblem({ code: 'INVALID_FILTER', message: 'bad' }, 'x')).toEqual({ message: 'bad', expression: 'x', caret: null });
    expect(celProblem({ code: 'NOT_FOUND', message: 'no topic' }, 'x')).toBeNull();
    expect(celProblem('timed out', 'x')).toBeNull();
  });

  it('a companion that went away says how to start it, and that the panel reconnects by itself', async () => {
    const { socket, store } = await paired();
    expect(screen.queryByTestId('offline-notice')).toBeNull();
    act(() => socket.close(1006, 'connection lost'));
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toMatch(/companion is not reachable/);
    expect(notice.textContent).toContain('npm start');
    expect(notice.textContent).toContain('kafka-inspector');
    expect(notice.textContent).toMatch(/reconnects by itself/);
    act(() => store.getState().disconnect()); // no retry left running into the next test
  });

  it('the × beside "Connected" asks before it forgets the token', async () => {
    const { store } = await paired();
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect and forget the token' }));
    expect(store.getState().connection.status).toBe('open');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(store.getState().connection.status).toBe('open');
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect and forget the token' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget' }));
    await flush();
    expect(store.getState().connection.status).toBe('idle');
    expect(store.getState().pairing).toBeNull();
  });
});
