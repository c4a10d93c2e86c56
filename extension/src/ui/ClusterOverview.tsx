import type { KafkaVersion } from '@kafka-inspector/shared';
import { activeProfile } from '../store/cluster-slice';
import { formatCount } from './format';
import './record-tools.css';
import { useInspector } from './store-context';

const INFERRED = '(inferred from the API versions the broker supports)';

/** Kafka names its version nowhere, so the text says how it was found and when it could not be. */
function kafkaVersionText(version: KafkaVersion | undefined): string {
  if (!version) return 'not known: the broker did not tell its API versions';
  if (version.name === 'unknown') return 'unknown: the API versions the broker supports match no Apache Kafka release (a Kafka-compatible broker or a test broker?)';
  if (version.name === '< 2.0') return `older than Kafka 2.0 ${INFERRED}`;
  return `Kafka ${version.name} ${INFERRED}`;
}

/** Brokers, controller, cluster id, Kafka version, and topic and partition counts of the cluster shown. */
export function ClusterOverview() {
  const { overviewOpen, info, loading, error } = useInspector((s) => s.cluster);
  const toggle = useInspector((s) => s.toggleClusterOverview);
  const reload = useInspector((s) => s.loadClusterOverview);
  const topics = useInspector((s) => s.topics.list);
  const topicsLoading = useInspector((s) => s.topics.loading);
  const welcome = useInspector((s) => (s.connection.status === 'open' ? s.connection.welcome : null));
  const preferred = useInspector((s) => s.preferences.cluster);
  if (!overviewOpen || !welcome) return null;
  const profile = activeProfile(welcome, preferred);
  const userTopics = topics.filter((t) => !t.internal);
  const partitions = userTopics.reduce((sum, t) => sum + t.partitions, 0);

  return (
    <section id="cluster-overview" className="card cluster-overview" aria-label="Cluster overview" data-testid="cluster-overview">
      <div className="section-head">
        <h2>
          {profile?.name ?? info?.cluster} <span className="muted">cluster overview</span>
        </h2>
        <button type="button" onClick={() => void reload()} disabled={loading}>
          Refresh
        </button>
        <button type="button" className="link" onClick={() => toggle(false)} aria-label="Close the cluster overview">
          ×
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {loading && !info && <p className="muted">Asking the cluster…</p>}
      {info && (
        <dl className="facts">
          <dt>Cluster id</dt>
          <dd className="mono">{info.clusterId ?? <i className="muted">not reported</i>}</dd>
          <dt>Controller</dt>
          <dd>{info.controller === null ? <i className="muted">unknown</i> : `broker ${info.controller}`}</dd>
          <dt>Brokers</dt>
          <dd data-testid="cluster-brokers">
            {info.brokers.length} ({info.brokers.map((b) => `#${b.nodeId} ${b.host}:${b.port}${b.nodeId === info.controller ? ' controller' : ''}`).join(', ')})
          </dd>
          <dt>Topics</dt>
          <dd data-testid="cluster-topics">{topicsLoading && topics.length === 0 ? 'loading…' : `${formatCount(userTopics.length)} topics, ${formatCount(partitions)} partitions (internal topics not counted)`}</dd>
          <dt>Kafka version</dt>
          <dd data-testid="cluster-version">{kafkaVersionText(info.version)}</dd>
          <dt>Companion version</dt>
          <dd>{welcome.server.version}</dd>
          <dt>Bootstrap</dt>
          <dd className="mono">{profile?.brokers.join(', ')}</dd>
        </dl>
      )}
    </section>
  );
}
