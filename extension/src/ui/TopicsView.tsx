import { useEffect } from 'react';
import { visibleTopics } from '../store/topics-slice';
import { formatCount } from './format';
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
  }, [open]);

  return (
    <div className="split">
      <section className="pane list-pane">
        <div className="toolbar">
          <input className="search" placeholder="Search topics" value={topics.search} onChange={(e) => setSearch(e.target.value)} data-testid="topic-search" />
          <label className="check">
            <input type="checkbox" checked={topics.showInternal} onChange={(e) => setShowInternal(e.target.checked)} data-testid="show-internal" /> internal
          </label>
          <button onClick={() => void refresh()} disabled={topics.loading} data-testid="refresh-topics" title="Refresh">
            {topics.loading ? 'Loading…' : 'Refresh'}
          </button>
        </div>
        {topics.error && <p className="error">{topics.error}</p>}
        <div className="table-wrap">
          <table className="grid" data-testid="topics-table">
            <thead>
              <tr>
                <th>Topic</th>
                <th className="num">Partitions</th>
                <th className="num">Messages</th>
                <th className="num">Replication</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((topic) => (
                <tr key={topic.name} className={topics.selected === topic.name ? 'selected' : ''} onClick={() => void select(topic.name)} data-testid="topic-row" data-topic={topic.name}>
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
                </tr>
              ))}
            </tbody>
          </table>
          {!topics.loading && shown.length === 0 && <p className="empty">{topics.list.length ? 'No topic matches.' : 'No topics yet.'}</p>}
        </div>
        <footer className="status-line">
          {shown.length} of {topics.list.length} topics
        </footer>
      </section>
      {topics.selected && <TopicDetailPane />}
    </div>
  );
}
