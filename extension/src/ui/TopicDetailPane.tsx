import { formatCount } from './format';
import { useInspector } from './store-context';

export function TopicDetailPane() {
  const { selected, detail, detailLoading, detailError } = useInspector((s) => s.topics);
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
    <section className="pane detail-pane" data-testid="topic-detail">
      <div className="toolbar">
        <h2 title={selected}>{selected}</h2>
        <button className="primary" onClick={tail} data-testid="tail-topic">
          Tail
        </button>
        <button onClick={produce}>Produce</button>
        <button className="link close" onClick={() => void select(null)} title="Close">
          ×
        </button>
      </div>
      {detailLoading && <p className="muted pad">Loading…</p>}
      {detailError && <p className="error pad">{detailError}</p>}
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
            <table className="grid compact" data-testid="configs-table">
              <tbody>
                {detail.configs.map((c) => (
                  <tr key={c.name} className={c.isDefault ? 'muted' : ''}>
                    <td className="mono">{c.name}</td>
                    <td className="mono">{c.sensitive ? '••••' : (c.value ?? '—')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="notice" data-testid="configs-unavailable">
              Configs are not available from this cluster{detail.configsError ? `: ${detail.configsError.message}` : ''}.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
