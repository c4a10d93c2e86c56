import { type FindState, INSTALL_COMMAND } from './use-find-companion';

/** One line (or two) for each state of "Find my companion": what happened and what to do next. */
export function FindStatus({ state }: { state: FindState }) {
  return (
    <div className={state.status === 'failed' ? 'find-status error' : 'find-status'} role="status" data-testid="find-status">
      {message(state)}
    </div>
  );
}

function message(state: FindState) {
  switch (state.status) {
    case 'idle':
      return <span className="muted">Finds the companion running on this machine and pairs, no token to paste.</span>;
    case 'looking':
      return <span>Looking for a running companion…</span>;
    case 'found':
      return <span>Found the companion: pairing…</span>;
    case 'not-running':
      return (
        <>
          <b>No companion is running.</b> <span>{state.hint}</span>
        </>
      );
    case 'token-not-shared':
      return (
        <>
          <b>Found a companion at {state.url}.</b> <span>{state.hint}</span>
        </>
      );
    case 'not-installed':
      return (
        <>
          <b>The companion's browser host is not installed.</b> Run once in a terminal <code>{INSTALL_COMMAND}</code>, then press <i>Find my companion</i>.
        </>
      );
    case 'failed':
      return <span>Could not ask the companion: {state.message}</span>;
  }
}
