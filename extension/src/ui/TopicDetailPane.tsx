import { formatCount } from './format';
import { DetailPane } from './ListDetail';
import { useInspector } from './store-context';
import { TopicConfigs } from './TopicConfigs';

export function TopicDetailPane() {
  const { selected, detail, detailLoading, detailError, detailMissing } = useInspector((s) => s.topics);
  const select = useInspector((s) => s.selectTopic);
  const startTail = useInspector((s) => s.startTail);
  const setTab = useInspector((s) => s.setActiveTab);
  const setProduceForm = useInspector((s) => s.setProduceForm);
  const templates = useInspector((s) => s.preferences.templates);
  if (!selected) return null;

  const tail = () => {
    setTab('tail');
    void startTail({ topic: selected, start: { from: 'lastN', count: 100 } });
  };
  const produce = () => {
    setProduceForm(templates[selected] ?? { topic: selected });
    setTab('produce');
  };
  const total = detail?.partitions.reduce((sum, p) => sum + BigInt(p.high) - BigInt(p.low), 0n) ?? 0n;

  return (
    <DetailPane
      title={selected}
      testId="topic-detail"
      onClose={() => void select(null)}
      loading={detailLoading && !detail}
      error={detailError}
      missing={detailMissing ? `No such topic: ${selected}.` : null}
      actions={
        <>
          <button className="primary" onClick={tail} data-testid="tail-topic">
            Tail
          </button>
          <button onClick={produce}>Produce</button>
        </>
      }
    >
      {detail && (
        <div className="scroll">
          <h3>
            Partitions <span className="muted">{detail.partitions.length} · ~{formatCount(total.toString())} messages</span>
          </h3>
          <table className="grid compact" data-testid="partitions-table">
            <thead>
              <tr>
                <th className="num">#</th>
                <th className="num">Leader</th>
                <th>Replicas</th>
                <th>ISR</th>
                <th className="num">Low</th>
                <th className="num">High</th>
                <th className="num">Count</th>
              </tr>
            </thead>
            <tbody>
              {detail.partitions.map((p) => (
                <tr key={p.partition}>
                  <td className="num">{p.partition}</td>
                  <td className="num">{p.leader}</td>
                  <td>{p.replicas.join(', ')}</td>
                  <td className={p.isr.length < p.replicas.length ? 'warn' : ''}>{p.isr.join(', ')}</td>
                  <td className="num">{formatCount(p.low)}</td>
                  <td className="num">{formatCount(p.high)}</td>
                  <td className="num">{formatCount((BigInt(p.high) - BigInt(p.low)).toString())}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Configuration</h3>
          {detail.configs ? (
            <TopicConfigs configs={detail.configs} />
          ) : (
            <p className="notice" data-testid="configs-unavailable">
              Configs are not available from this cluster{detail.configsError ? `: ${detail.configsError.message}` : ''}.
            </p>
          )}
        </div>
      )}
    </DetailPane>
  );
}
