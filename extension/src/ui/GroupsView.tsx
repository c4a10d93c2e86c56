import { type FormEvent, useEffect, useState } from 'react';
import { formatCount } from './format';
import { useInspector } from './store-context';

export function GroupsView() {
  const groups = useInspector((s) => s.groups);
  const refresh = useInspector((s) => s.refreshGroups);
  const select = useInspector((s) => s.selectGroup);
  const open = useInspector((s) => s.connection.status === 'open');
  const tabActive = useInspector((s) => s.preferences.activeTab === 'groups');
  const [lookup, setLookup] = useState('');

  useEffect(() => {
    if (open && tabActive && groups.list === null && !groups.loading) void refresh();
  }, [open, tabActive]); // only when the view is first shown; refresh is explicit after that

  const find = (event: FormEvent) => {
    event.preventDefault();
    if (lookup.trim()) void select(lookup.trim());
  };

  return (
    <div className="split">
      <section className="pane list-pane">
        <div className="toolbar">
          <form onSubmit={find} className="grow row">
            <input className="search grow" placeholder="Group id (look up by name)" value={lookup} onChange={(e) => setLookup(e.target.value)} data-testid="group-lookup" />
          </form>
          <button onClick={() => void refresh()} disabled={groups.loading} data-testid="refresh-groups">
            {groups.loading ? 'Loading…' : 'Refresh'}
          </button>
        </div>
        {groups.unsupported ? (
          <p className="notice" data-testid="groups-unsupported">
            This cluster cannot list consumer groups (no ListGroups API). Type a group id above to see its offsets and lag.
          </p>
        ) : (
          groups.error && <p className="error">{groups.error}</p>
        )}
        <div className="table-wrap" hidden={groups.unsupported}>
          <table className="grid" data-testid="groups-table">
            <thead>
              <tr>
                <th>Group</th>
                <th>State</th>
                <th className="num">Members</th>
              </tr>
            </thead>
            <tbody>
              {(groups.list ?? []).map((g) => (
                <tr key={g.groupId} className={groups.selected === g.groupId ? 'selected' : ''} onClick={() => void select(g.groupId)} data-testid="group-row">
                  <td className="name">{g.groupId}</td>
                  <td>
                    <span className={`state st-${(g.state ?? 'unknown').toLowerCase()}`}>{g.state ?? 'unknown'}</span>
                  </td>
                  <td className="num">{g.members ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {groups.list?.length === 0 && !groups.unsupported && <p className="empty">No consumer groups.</p>}
        </div>
      </section>
      {groups.selected && <GroupDetailPane />}
    </div>
  );
}

function GroupDetailPane() {
  const { selected, detail, detailLoading, detailError } = useInspector((s) => s.groups);
  const select = useInspector((s) => s.selectGroup);
  return (
    <section className="pane detail-pane" data-testid="group-detail">
      <div className="toolbar">
        <h2>{selected}</h2>
        <button onClick={() => void select(selected)}>Refresh</button>
        <button className="link close" onClick={() => void select(null)}>
          ×
        </button>
      </div>
      {detailLoading && !detail && <p className="muted pad">Loading…</p>}
      {detailError && <p className="error pad">{detailError}</p>}
      {detail && (
        <div className="scroll">
          <dl className="facts">
            <dt>State</dt>
            <dd>{detail.state ?? 'unknown'}</dd>
            <dt>Total lag</dt>
            <dd className={BigInt(detail.totalLag) > 0n ? 'warn' : ''} data-testid="group-total-lag">
              {formatCount(detail.totalLag)}
            </dd>
          </dl>
          <h3>Members</h3>
          {detail.members === null ? (
            <p className="notice">Members are not available from this cluster{detail.membersError ? `: ${detail.membersError.message}` : ''}.</p>
          ) : detail.members.length === 0 ? (
            <p className="muted">No active members.</p>
          ) : (
            <table className="grid compact">
              <tbody>
                {detail.members.map((m) => (
                  <tr key={m.memberId}>
                    <td className="mono">{m.clientId}</td>
                    <td className="mono">{m.host}</td>
                    <td>{m.assignments.map((a) => `${a.topic} [${a.partitions.join(', ')}]`).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Offsets and lag</h3>
          <table className="grid compact" data-testid="group-offsets">
            <thead>
              <tr>
                <th>Topic</th>
                <th className="num">P</th>
                <th className="num">Committed</th>
                <th className="num">End</th>
                <th className="num">Lag</th>
              </tr>
            </thead>
            <tbody>
              {detail.offsets.map((o) => (
                <tr key={`${o.topic}-${o.partition}`}>
                  <td>{o.topic}</td>
                  <td className="num">{o.partition}</td>
                  <td className="num">{o.committed === null ? '—' : formatCount(o.committed)}</td>
                  <td className="num">{formatCount(o.end)}</td>
                  <td className={`num${o.lag && BigInt(o.lag) > 0n ? ' warn' : ''}`}>{o.lag === null ? '—' : formatCount(o.lag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {detail.offsets.length === 0 && <p className="muted">This group has no committed offsets.</p>}
        </div>
      )}
    </section>
  );
}
