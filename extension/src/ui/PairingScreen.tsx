import { type FormEvent, useState } from 'react';
import { DEFAULT_COMPANION_WS, savePairing } from '../bridge/platform';
import { useInspector, useMode } from './store-context';
import { VersionNotice } from './VersionNotice';

/** First run (and the options page): where the companion is, and the token it printed. */
export function PairingScreen({ onSaved }: { onSaved?: () => void }) {
  const mode = useMode();
  const connect = useInspector((s) => s.connect);
  const error = useInspector((s) => s.pairingError);
  const connection = useInspector((s) => s.connection);
  const defaultUrl = mode === 'standalone' ? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws` : DEFAULT_COMPANION_WS;
  const [url, setUrl] = useState(defaultUrl);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const ok = await connect(url.trim(), token.trim());
    setBusy(false);
    if (ok) {
      await savePairing(mode, { url: url.trim(), token: token.trim() });
      onSaved?.();
    }
  };

  return (
    <div className="pairing">
      <form className="card pairing-card" onSubmit={submit} data-testid="pairing-form">
        <h1>
          <img src="./icon/48.png" alt="" width={28} height={28} /> Connect to the companion
        </h1>
        <p className="muted">
          The companion runs on your machine and holds the Kafka connection. Start it with <code>npm start</code>; it prints a token.
        </p>
        <label>
          Companion WebSocket URL
          <input value={url} onChange={(e) => setUrl(e.target.value)} data-testid="pairing-url" spellCheck={false} />
        </label>
        <label>
          Token
          <input value={token} onChange={(e) => setToken(e.target.value)} data-testid="pairing-token" type="password" autoFocus spellCheck={false} placeholder="paste the token the companion printed" />
        </label>
        {connection.status === 'unauthorized' && connection.error?.code === 'UNSUPPORTED_PROTOCOL' ? (
          <VersionNotice />
        ) : (
          (error || connection.status === 'unauthorized') && (
            <p className="error" role="alert" data-testid="pairing-error">
              {connection.status === 'unauthorized' ? connection.reason : error}
            </p>
          )
        )}
        <button className="primary" disabled={busy || !token.trim()} data-testid="pairing-connect">
          {busy ? 'Testing…' : 'Test and connect'}
        </button>
      </form>
    </div>
  );
}
