import { useCallback, useEffect, useRef, useState } from 'react';
import { askCompanionHost, type HostLookup, loadPairing, savePairing } from '../bridge/platform';
import { useInspector, useMode } from './store-context';

/** Where "Find my companion" stands; each state the pairing screen shows says what to do next. */
export type FindState =
  | { status: 'idle' }
  | { status: 'looking' }
  | { status: 'found' }
  | { status: 'not-running'; hint: string }
  | { status: 'token-not-shared'; url: string; hint: string }
  | { status: 'not-installed' }
  | { status: 'failed'; message: string };

export const INSTALL_COMMAND = 'kafka-inspector install-browser-host';

/** The host's answer as a screen state (found is handled by pairing, not shown as is). */
export function findStateFor(lookup: Exclude<HostLookup, { type: 'found' } | { type: 'unavailable' }>): FindState {
  switch (lookup.type) {
    case 'not-running':
      return { status: 'not-running', hint: lookup.hint };
    case 'token-not-shared':
      return { status: 'token-not-shared', url: lookup.url, hint: lookup.hint };
    case 'not-installed':
      return { status: 'not-installed' };
    case 'error':
      return { status: 'failed', message: lookup.message };
  }
}

/**
 * Asks the companion's browser host for the running companion and pairs with what it answers: by
 * itself once when the screen opens (unless a stored pairing is being tried), and on "Find my
 * companion". The token goes from the host's reply to the socket and storage, never to the page.
 */
export function useFindCompanion(onPaired?: () => void): { state: FindState; find: () => Promise<void>; available: boolean } {
  const mode = useMode();
  const connect = useInspector((s) => s.connect);
  const unauthorized = useInspector((s) => s.connection.status === 'unauthorized');
  const [state, setState] = useState<FindState>({ status: 'idle' });
  const started = useRef(false);

  const find = useCallback(async () => {
    setState({ status: 'looking' });
    const lookup = await askCompanionHost(mode);
    if (lookup.type === 'unavailable') return setState({ status: 'idle' });
    if (lookup.type !== 'found') return setState(findStateFor(lookup));
    setState({ status: 'found' });
    if (await connect(lookup.url, lookup.token)) {
      await savePairing(mode, { url: lookup.url, token: lookup.token });
      onPaired?.();
    } else setState({ status: 'failed', message: 'the companion the browser host named refused the pairing; paste its token below' });
  }, [mode, connect, onPaired]);

  useEffect(() => {
    if (mode !== 'extension' || started.current) return;
    started.current = true;
    // A stored pairing is tried by mountApp; look only when there is none, or it was refused.
    void loadPairing(mode).then((stored) => {
      if (!stored || unauthorized) void find();
    });
  }, [mode, find, unauthorized]);

  return { state, find, available: mode === 'extension' };
}
