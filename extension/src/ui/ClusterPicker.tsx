import { useEffect } from 'react';
import { activeProfile } from '../store/cluster-slice';
import { connectionSecurity } from './format';
import './record-tools.css';
import { useInspector } from './store-context';

/**
 * The cluster profile the panel shows, in the header: a picker when the companion has more than
 * one, and a button that opens the cluster overview.
 */
export function ClusterPicker() {
  const welcome = useInspector((s) => (s.connection.status === 'open' ? s.connection.welcome : null));
  const preferred = useInspector((s) => s.preferences.cluster);
  const choose = useInspector((s) => s.chooseCluster);
  const sync = useInspector((s) => s.syncCluster);
  const overviewOpen = useInspector((s) => s.cluster.overviewOpen);
  const toggleOverview = useInspector((s) => s.toggleClusterOverview);

  useEffect(() => {
    if (welcome) sync();
  }, [welcome, preferred, sync]);

  if (!welcome) return null;
  const cluster = activeProfile(welcome, preferred);
  if (!cluster) return null;
  return (
    <span className={cluster.demo ? 'cluster demo' : 'cluster'} title={cluster.brokers.join(', ')} data-testid="cluster-name">
      {welcome.clusters.length > 1 ? (
        <select value={cluster.name} onChange={(e) => void choose(e.target.value)} aria-label="Cluster" data-testid="cluster-picker">
          {welcome.clusters.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
              {c.default ? ' (default)' : ''}
            </option>
          ))}
        </select>
      ) : // The demo profile is named "demo": say it once ("demo broker"), not "demo demo".
      cluster.demo && cluster.name === 'demo' ? (
        'demo broker'
      ) : (
        cluster.name
      )}
      {cluster.demo ? (
        welcome.clusters.length === 1 && cluster.name === 'demo' ? null : <em>demo</em>
      ) : (
        <span className={cluster.tls ? 'security secure' : 'security'} data-testid="cluster-security" aria-label={`connection: ${connectionSecurity(cluster)}`}>
          {connectionSecurity(cluster)}
        </span>
      )}
      <button type="button" className="link" aria-expanded={overviewOpen} aria-controls="cluster-overview" onClick={() => toggleOverview()} data-testid="cluster-overview-toggle">
        Overview
      </button>
    </span>
  );
}
