import { useState } from 'react';
import { PairingScreen } from './PairingScreen';
import { useInspector } from './store-context';

/** The extension's options page: pair once here, and every DevTools panel uses it. */
export function OptionsPage() {
  const [saved, setSaved] = useState(false);
  const connection = useInspector((s) => s.connection);
  return (
    <div className="options">
      <PairingScreen onSaved={() => setSaved(true)} />
      {saved && connection.status === 'open' && (
        <p className="notice" data-testid="options-saved">
          Paired with companion {connection.welcome.server.version}. Open DevTools and pick the <b>Kafka</b> panel.
        </p>
      )}
    </div>
  );
}
