import { useEffect, useState } from 'react';
import { forgetPairing } from '../bridge/platform';
import { useInspector, useMode } from './store-context';

/** Always visible: whether the panel is talking to the companion, and when it retries if not. */
export function ConnectionBadge() {
  const connection = useInspector((s) => s.connection);
  const disconnect = useInspector((s) => s.disconnect);
  const mode = useMode();
  const [now, setNow] = useState(Date.now());
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (connection.status !== 'reconnecting') return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [connection.status]);

  const label = (() => {
    switch (connection.status) {
      case 'open':
        return 'Connected';
      case 'connecting':
        return 'Connecting…';
      case 'reconnecting':
        return `Reconnecting${connection.retryAt > now ? ` in ${Math.ceil((connection.retryAt - now) / 1000)} s` : '…'}`;
      case 'unauthorized':
        return connection.error?.code === 'UNSUPPORTED_PROTOCOL' ? 'Version mismatch' : 'Token refused';
      case 'closed':
        return 'Disconnected';
      case 'idle':
        return 'Not paired';
    }
  })();
  const title = connection.status === 'reconnecting' ? `Lost the companion (${connection.reason}); attempt ${connection.attempt}` : connection.status === 'open' ? `Companion ${connection.welcome.server.version}` : '';
  return (
    <span className={`badge conn-${connection.status}`} data-testid="connection-status" data-status={connection.status} title={title}>
      <span className="dot" />
      {label}
      {connection.status === 'open' && !confirming && (
        <button className="link" onClick={() => setConfirming(true)} title="Disconnect and forget the token" aria-label="Disconnect and forget the token" data-testid="disconnect">
          ×
        </button>
      )}
      {connection.status === 'open' && confirming && (
        <span className="confirm" role="group" aria-label="Forget the token?">
          Forget the token?{' '}
          <button
            className="danger"
            onClick={() => {
              setConfirming(false);
              void forgetPairing(mode);
              disconnect();
            }}
            data-testid="disconnect-confirm"
          >
            Forget
          </button>{' '}
          <button onClick={() => setConfirming(false)} data-testid="disconnect-cancel">
            Cancel
          </button>
        </span>
      )}
    </span>
  );
}
