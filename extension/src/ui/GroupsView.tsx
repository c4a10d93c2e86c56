import { type FormEvent, useEffect, useState } from 'react';
import { isUnknownGroup } from '../store/groups-slice';
import { formatCount } from './format';
import { DetailPane, ListDetailLayout, ListState, SelectableTable } from './ListDetail';
import { useInspector } from './store-context';

export function GroupsView() {
  const groups = useInspector((s) => s.groups);
  const refresh = useInspector((s) => s.refreshGroups);
  const select = useInspector((s) => s.selectGroup);
  const open = useInspector((s) => s.connection.status === 'open');
  const tabActive = useInspector((s) => s.preferences.activeTab === 'groups');
  const [lookup, setLookup] = useState('');

  useEffect(() => {
    if (open && tabActive && !groups.loaded && !groups.loading) void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, tabActive]); // only when the view is first shown; refresh is explicit after that

  const find = (event: FormEvent) => {
    event.preventDefault();
    if (lookup.trim()) void select(lookup.trim());
  };

  const list = (
    <>
      <div className="toolbar">
        <form onSubmit={find} className="grow row" role="search">
          <input className="search grow" placeholder="Group id (look up by name)" aria-label="Look up a group by id" value={lookup} onChange={(e) => setLookup(e.target.value)} data-testid="group-lookup" />
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
        groups.error && (
          <p className="error" role="alert">
            {groups.error}
          </p>
        )
      )}
      <div className="table-wrap" hidden={groups.unsupported}>
        <SelectableTable
          label="Consumer groups"
          testId="groups-table"
          items={groups.list}
          keyOf={(g) => g.groupId}
          selected={groups.selected}
          onSelect={(id) => void select(id)}
          rowTestId="group-row"
          head={
            <tr>
              <th>Group</th>
              <th>State</th>
              <th className="num">Members</th>
            </tr>
          }
          row={(g) => (
            <>
              <td className="name">{g.groupId}</td>
              <td>
                <span className={`state st-${(g.state ?? 'unknown').toLowerCase()}`}>{g.state ?? 'unknown'}</span>
              </td>
              <td className="num">{g.members ?? '—'}</td>
            </>
          )}
        />
        {!groups.unsupported && <ListState loaded={groups.loaded} loading={groups.loading} shown={groups.list.length} total={groups.list.length} noun="groups" emptyText="No consumer groups." testId="groups-state" />}
      </div>
    </>
  );
  return <ListDetailLayout list={list} detail={groups.selected && <GroupDetailPane />} />;
}

function GroupDetailPane() {
  const { selected, detail, detailLoading, detailError, detailMissing } = useInspector((s) => s.groups);
  const select = useInspector((s) => s.selectGroup);
  if (!selected) return null;
  const unknown = detailMissing || (detail !== null && isUnknownGroup(detail));
  return (
    <DetailPane
      title={selected}
      testId="group-detail"
      onClose={() => void select(null)}
      loading={detailLoading && !detail}
      error={detailError}
      missing={unknown ? `No such group: “${selected}” has no members and no committed offsets on this cluster.` : null}
      actions={<button onClick={() => void select(selected)}>Refresh</button>}
    >
      {detail && !unknown && (
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
            <table className="grid compact" aria-label="Members">
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
          <table className="grid compact" data-testid="group-offsets" aria-label="Offsets and lag">
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
    </DetailPane>
  );
}
