import { useInspector } from './store-context';

/**
 * Said plainly when the companion is away: it is not a Kafka problem, and how to start it (the
 * commands the README gives). The panel keeps retrying by itself and resumes its tail.
 */
export function OfflineNotice() {
  const connection = useInspector((s) => s.connection);
  if (connection.status !== 'reconnecting' && connection.status !== 'closed') return null;
  return (
    <div className="notice offline-notice" role="alert" data-testid="offline-notice">
      <strong>The companion is not reachable</strong>
      {connection.status === 'reconnecting' ? ` (${connection.reason}).` : '.'} Is it running? Start it with <code>npm start</code> in the Kafka Inspector folder, or{' '}
      <code>kafka-inspector</code> where the package is installed. {connection.status === 'reconnecting' ? 'The panel reconnects by itself and resumes its tail.' : 'Then pair again.'}
    </div>
  );
}
