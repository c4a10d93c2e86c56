import { useEffect, useState } from 'react';
import { loadPairing } from '../bridge/platform';
import { PairingScreen } from './PairingScreen';
import { useInspector } from './store-context';

/** The extension's options page: pair once here, and every DevTools panel uses it. */
export function OptionsPage() {
  const [saved, setSaved] = useState(false);
  const connection = useInspector((s) => s.connection);
  const connect = useInspector((s) => s.connect);
  const [stored, setStored] = useState<{ url: string } | null>(null);
  // A pairing saved earlier: say so, and check it against the companion.
  useEffect(() => {
    void loadPairing('extension').then((pairing) => {
      if (!pairing) return;
      setStored({ url: pairing.url });
      void connect(pairing.url, pairing.token);
    });
  }, [connect]);
  return (
    <div className="options">
      {stored && !saved && (
        <p className={connection.status === 'open' ? 'notice ok' : 'notice'} role="status" data-testid="options-paired">
          {connection.status === 'open'
            ? `Paired with companion ${connection.welcome.server.version} at ${stored.url}. Every DevTools panel uses this pairing.`
            : connection.status === 'connecting' || connection.status === 'idle'
              ? `Paired with ${stored.url}: checking the companion…`
              : `Paired with ${stored.url}, but the companion does not answer now (is it running?). Pair again below to change it.`}
        </p>
      )}
      <PairingScreen onSaved={() => setSaved(true)} />
      {saved && connection.status === 'open' && (
        <p className="notice" data-testid="options-saved">
          Paired with companion {connection.welcome.server.version}. Open DevTools and pick the <b>Kafka</b> panel.
        </p>
      )}
    </div>
  );
}
