import { useEffect } from 'react';
import { visibleTopics } from '../store/topics-slice';
import { formatCount } from './format';
import { ListDetailLayout, ListState, SelectableTable } from './ListDetail';
import { useInspector } from './store-context';
import { TopicDetailPane } from './TopicDetailPane';

export function TopicsView() {
  const topics = useInspector((s) => s.topics);
  const refresh = useInspector((s) => s.refreshTopics);
  const select = useInspector((s) => s.selectTopic);
  const setSearch = useInspector((s) => s.setTopicSearch);
  const setShowInternal = useInspector((s) => s.setShowInternal);
  const open = useInspector((s) => s.connection.status === 'open');
  const shown = visibleTopics(topics);

  useEffect(() => {
    if (open && topics.list.length === 0 && !topics.loading) void refresh();
    // Only on (re)connect: refresh is explicit otherwise.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const list = (
    <>
      <div className="toolbar">
        <input className="search" placeholder="Search topics" aria-label="Search topics" value={topics.search} onChange={(e) => setSearch(e.target.value)} data-testid="topic-search" />
        <label className="check">
          <input type="checkbox" checked={topics.showInternal} onChange={(e) => setShowInternal(e.target.checked)} data-testid="show-internal" /> internal
        </label>
        <button onClick={() => void refresh()} disabled={topics.loading} data-testid="refresh-topics" title="Refresh">
          {topics.loading ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      {topics.error && (
        <p className="error" role="alert">
          {topics.error}
        </p>
      )}
      <div className="table-wrap">
        <SelectableTable
          label="Topics"
          testId="topics-table"
          items={shown}
          keyOf={(t) => t.name}
          selected={topics.selected}
          onSelect={(name) => void select(name)}
          rowTestId="topic-row"
          rowData={(t) => ({ topic: t.name })}
          head={
            <tr>
              <th>Topic</th>
              <th className="num">Partitions</th>
              <th className="num">Messages</th>
              <th className="num">Replication</th>
            </tr>
          }
          row={(topic) => (
            <>
              <td className="name">
                {topic.name}
                {topic.internal && <span className="tag">internal</span>}
              </td>
              <td className="num">{topic.partitions}</td>
              <td className="num">
                {topic.error ? (
                  <span className="warn" title={`Some partitions did not answer: ${topic.error.message}`} data-testid="topic-row-error">
                    ⚠ ~{formatCount(topic.messageCount)}
                    <span className="visually-hidden"> (partial: {topic.error.message})</span>
                  </span>
                ) : (
                  <>~{formatCount(topic.messageCount)}</>
                )}
              </td>
              <td className="num">{topic.replicationFactor}</td>
            </>
          )}
        />
        <ListState loaded={topics.loaded} loading={topics.loading} shown={shown.length} total={topics.list.length} noun="topics" emptyText="No topics yet." testId="topics-state" />
      </div>
      <footer className="status-line" data-testid="topics-count">
        {topics.loaded ? `${shown.length} of ${topics.list.length} topics` : topics.loading ? 'Loading topics…' : ''}
      </footer>
    </>
  );
  return <ListDetailLayout list={list} detail={topics.selected && <TopicDetailPane />} />;
}
