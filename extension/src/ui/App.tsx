import { useEffect } from 'react';
import type { Tab } from '../store/preferences-slice';
import { ConnectionBadge } from './ConnectionBadge';
import { connectionSecurity } from './format';
import { GroupsView } from './GroupsView';
import { PairingScreen } from './PairingScreen';
import { ProduceView } from './ProduceView';
import { RequestsView } from './RequestsView';
import { SchemasView } from './SchemasView';
import { useInspector } from './store-context';
import { TailView } from './TailView';
import { TopicsView } from './TopicsView';
import { VersionNotice } from './VersionNotice';

const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'topics', label: 'Topics' },
  { id: 'tail', label: 'Tail' },
  { id: 'produce', label: 'Produce' },
  { id: 'groups', label: 'Groups' },
  { id: 'schemas', label: 'Schemas' },
  { id: 'requests', label: 'Requests' },
];

export function App() {
  const connection = useInspector((s) => s.connection);
  const pairing = useInspector((s) => s.pairing);
  const tab = useInspector((s) => s.preferences.activeTab);
  const setTab = useInspector((s) => s.setActiveTab);
  const cluster = connection.status === 'open' ? connection.welcome.clusters.find((c) => c.default) : undefined;

  useEffect(() => {
    // Alt+1..6 switch views, as DevTools panels do with their own shortcuts.
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey) return;
      const index = Number(event.key) - 1;
      if (TABS[index]) {
        event.preventDefault();
        setTab(TABS[index].id);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [setTab]);

  if (!pairing && connection.status !== 'open') return <PairingScreen />;

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img src="./icon/32.png" alt="" width={16} height={16} />
          <span>Kafka Inspector</span>
        </div>
        <nav className="tabs" role="tablist">
          {TABS.map((t) => (
            <button key={t.id} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab active' : 'tab'} data-testid={`tab-${t.id}`} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </nav>
        <div className="header-right">
          {cluster && (
            <span className={cluster.demo ? 'cluster demo' : 'cluster'} title={cluster.brokers.join(', ')} data-testid="cluster-name">
              {cluster.name}
              {cluster.demo && <em>demo broker</em>}
              {!cluster.demo && (
                <span className={cluster.tls ? 'security secure' : 'security'} data-testid="cluster-security" aria-label={`connection: ${connectionSecurity(cluster)}`}>
                  {connectionSecurity(cluster)}
                </span>
              )}
            </span>
          )}
          <ConnectionBadge />
        </div>
      </header>
      <main className="app-main">
        {connection.status === 'open' && <VersionNotice />}
        {connection.status === 'unauthorized' ? (
          <PairingScreen />
        ) : (
          <>
            <div hidden={tab !== 'topics'} className="view">
              <TopicsView />
            </div>
            <div hidden={tab !== 'tail'} className="view">
              <TailView />
            </div>
            <div hidden={tab !== 'produce'} className="view">
              <ProduceView />
            </div>
            <div hidden={tab !== 'groups'} className="view">
              <GroupsView />
            </div>
            <div hidden={tab !== 'schemas'} className="view">
              <SchemasView />
            </div>
            <div hidden={tab !== 'requests'} className="view">
              <RequestsView />
            </div>
          </>
        )}
      </main>
    </div>
  );
}
