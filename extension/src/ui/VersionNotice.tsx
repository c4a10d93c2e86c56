import { useMemo } from 'react';
import { versionProblem } from '../store/compatibility';
import { useInspector } from './store-context';

/** The version handshake's verdict, when there is one: what does not match, and what to update. */
export function VersionNotice() {
  const connection = useInspector((s) => s.connection);
  const problem = useMemo(() => versionProblem(connection), [connection]);
  if (!problem) return null;
  return (
    <div className={`version-notice sev-${problem.severity}`} role="alert" data-testid="version-notice" data-update={problem.update} data-severity={problem.severity}>
      <strong>{problem.message}</strong> {problem.fix}
    </div>
  );
}
