import { type FormEvent, useEffect, useState } from 'react';
import { DEFAULT_COMPANION_WS, savePairing } from '../bridge/platform';
import { FindStatus } from './FindStatus';
import { useInspector, useMode } from './store-context';
import { useFindCompanion } from './use-find-companion';
import { VersionNotice } from './VersionNotice';

/**
 * First run (and the options page): the extension finds the running companion through its browser
 * host and pairs by itself; pasting the URL and token stays as the fallback.
 */
export function PairingScreen({ onSaved }: { onSaved?: () => void }) {
  const mode = useMode();
  const connect = useInspector((s) => s.connect);
  const error = useInspector((s) => s.pairingError);
  const connection = useInspector((s) => s.connection);
  const defaultUrl = mode === 'standalone' ? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws` : DEFAULT_COMPANION_WS;
  const [url, setUrl] = useState(defaultUrl);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const finder = useFindCompanion(onSaved);
  const { state } = finder;

  // A companion with a token of its own: the host knows where it is, the user pastes the token.
  useEffect(() => {
    if (state.status === 'token-not-shared') setUrl(state.url);
  }, [state]);

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

  const searching = state.status === 'looking' || state.status === 'found';
  return (
    <div className="pairing">
      <form className="card pairing-card" onSubmit={submit} data-testid="pairing-form">
        <h1>
          <img src="./icon/48.png" alt="" width={28} height={28} /> Connect to the companion
        </h1>
        <p className="muted">
          The companion runs on your machine and holds the Kafka connection. Start it with <code>kafka-inspector</code> (or <code>npm start</code> in a clone).
        </p>
        {finder.available && (
          <section className="find-companion" data-testid="find-companion" data-state={state.status}>
            <button type="button" className="primary" onClick={() => void finder.find()} disabled={searching} data-testid="find-companion-button">
              {searching ? 'Looking…' : 'Find my companion'}
            </button>
            <FindStatus state={state} />
          </section>
        )}
        {finder.available && <p className="pairing-or muted">or paste the token it printed</p>}
        <label>
          Companion WebSocket URL
          <input value={url} onChange={(e) => setUrl(e.target.value)} data-testid="pairing-url" spellCheck={false} />
        </label>
        <label>
          Token
          {/* The token is the one thing this screen asks for: focus on it is where the reader starts. */}
          {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
          <input value={token} onChange={(e) => setToken(e.target.value)} data-testid="pairing-token" type="password" autoFocus={!finder.available} spellCheck={false} placeholder="paste the token the companion printed" />
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
        <button className={finder.available ? undefined : 'primary'} disabled={busy || !token.trim()} data-testid="pairing-connect">
          {busy ? 'Testing…' : 'Test and connect'}
        </button>
      </form>
    </div>
  );
}
