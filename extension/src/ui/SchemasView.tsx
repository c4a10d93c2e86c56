import { useEffect, useMemo, useState } from 'react';
import { diffCounts, diffSchemas } from '../store/schema-diff';
import { SchemaFacts, typeLabel } from './SchemaPane';
import { useInspector } from './store-context';
import './schemas.css';

/** The registry's subjects with type and latest version; one subject's versions, shown or diffed. */
export function SchemasView() {
  const { subjects, unavailable, selected } = useInspector((s) => s.schemas);
  const refresh = useInspector((s) => s.refreshSubjects);
  const select = useInspector((s) => s.selectSubject);
  const open = useInspector((s) => s.connection.status === 'open');
  const tabActive = useInspector((s) => s.preferences.activeTab === 'schemas');
  const [search, setSearch] = useState('');

  useEffect(() => {
    if (open && tabActive && subjects.data === null && !subjects.loading && !subjects.error) void refresh();
    // Only when the view is first shown (not on every state change); Refresh is explicit after that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, tabActive]);

  const shown = (subjects.data ?? []).filter((s) => s.subject.toLowerCase().includes(search.trim().toLowerCase()));

  return (
    <div className="split" data-testid="schemas-view">
      <section className="pane list-pane" aria-label="Subjects">
        <div className="toolbar">
          <input className="search grow" type="search" aria-label="Filter subjects" placeholder="Filter subjects" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="subject-search" />
          <button onClick={() => void refresh()} disabled={subjects.loading} data-testid="refresh-subjects">
            {subjects.loading ? 'Loading…' : 'Refresh'}
          </button>
        </div>
        {subjects.loading && subjects.data === null && (
          <p className="muted pad" role="status" data-testid="subjects-loading">
            Loading subjects from the schema registry…
          </p>
        )}
        {unavailable ? (
          <p className="notice" role="alert" data-testid="schemas-unavailable">
            No schema registry answers for this cluster: {subjects.error}
          </p>
        ) : (
          subjects.error && (
            <p className="error pad" role="alert" data-testid="subjects-error">
              Could not list subjects: {subjects.error}
            </p>
          )
        )}
        {subjects.data && (
          <div className="table-wrap">
            <table className="grid" data-testid="subjects-table" aria-label="Subjects">
              <thead>
                <tr>
                  <th>Subject</th>
                  <th>Type</th>
                  <th className="num">Latest</th>
                  <th className="num">Id</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((s) => (
                  <tr key={s.subject} className={selected === s.subject ? 'selected' : ''} data-testid="subject-row" data-subject={s.subject}>
                    <td className="name">
                      <button type="button" className="subject-button" aria-pressed={selected === s.subject} onClick={() => void select(s.subject)}>
                        {s.subject}
                      </button>
                    </td>
                    <td>
                      <span className="schema-type">{typeLabel(s.type)}</span>
                    </td>
                    <td className="num">v{s.latestVersion}</td>
                    <td className="num">{s.id}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {subjects.data.length === 0 && (
              <p className="empty" data-testid="subjects-empty">
                The schema registry has no subjects yet.
              </p>
            )}
            {subjects.data.length > 0 && shown.length === 0 && <p className="empty">No subject matches “{search}”.</p>}
          </div>
        )}
      </section>
      {selected && <SubjectPane />}
    </div>
  );
}

function SubjectPane() {
  const { selected, versions, shown, compared } = useInspector((s) => s.schemas);
  const select = useInspector((s) => s.selectSubject);
  const showVersion = useInspector((s) => s.showVersion);
  const compareWith = useInspector((s) => s.compareWith);
  const diff = useMemo(() => (shown.data && compared.data ? diffSchemas(compared.data, shown.data) : null), [shown.data, compared.data]);
  const counts = diff ? diffCounts(diff) : null;

  return (
    <section className="pane detail-pane" aria-label={`Subject ${selected}`} data-testid="subject-detail">
      <div className="toolbar">
        <h2>{selected}</h2>
        <button className="link close" onClick={() => void select(null)} aria-label="Close subject" title="Close">
          ×
        </button>
      </div>
      <div className="scroll">
        {versions.loading && (
          <p className="muted" role="status">
            Loading versions…
          </p>
        )}
        {versions.error && (
          <p className="error" role="alert">
            Could not list versions: {versions.error}
          </p>
        )}
        {versions.data && (
          <div className="schema-controls">
            <label>
              Version
              <select value={shown.data?.version ?? ''} onChange={(e) => void showVersion(Number(e.target.value))} data-testid="schema-version">
                {versions.data.map((v) => (
                  <option key={v} value={v}>
                    v{v}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Compare with
              <select value={compared.data?.version ?? ''} onChange={(e) => void compareWith(e.target.value ? Number(e.target.value) : null)} data-testid="schema-compare" disabled={versions.data.length < 2}>
                <option value="">no comparison</option>
                {versions.data
                  .filter((v) => v !== shown.data?.version)
                  .map((v) => (
                    <option key={v} value={v}>
                      v{v}
                    </option>
                  ))}
              </select>
            </label>
          </div>
        )}
        {(shown.loading || compared.loading) && (
          <p className="muted" role="status">
            Loading the schema…
          </p>
        )}
        {shown.error && (
          <p className="error" role="alert">
            Could not load the schema: {shown.error}
          </p>
        )}
        {compared.error && (
          <p className="error" role="alert">
            Could not load the version to compare: {compared.error}
          </p>
        )}
        {diff && counts && compared.data && shown.data ? (
          <>
            <p data-testid="schema-diff-summary" aria-live="polite">
              From v{compared.data.version} to v{shown.data.version}: {counts.added} line{counts.added === 1 ? '' : 's'} added, {counts.removed} removed.
            </p>
            <pre className="code schema-diff" data-testid="schema-diff" tabIndex={0} aria-label={`Differences from v${compared.data.version} to v${shown.data.version}`}>
              {diff.map((line, i) => (
                <span key={i} className={`diff-line diff-${line.kind}`}>
                  <span className="diff-mark" aria-label={line.kind === 'same' ? undefined : line.kind}>
                    {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
                  </span>
                  {line.text}
                  {'\n'}
                </span>
              ))}
            </pre>
          </>
        ) : (
          shown.data && <SchemaFacts schema={shown.data} />
        )}
      </div>
    </section>
  );
}
