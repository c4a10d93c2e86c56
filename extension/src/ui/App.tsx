import { useEffect } from 'react';
import type { Tab } from '../store/preferences-slice';
import { ClusterOverview } from './ClusterOverview';
import { ClusterPicker } from './ClusterPicker';
import { ConnectionBadge } from './ConnectionBadge';
import { GroupsView } from './GroupsView';
import { OfflineNotice } from './OfflineNotice';
import { PairingScreen } from './PairingScreen';
import { ProduceView } from './ProduceView';
import { RequestsView } from './RequestsView';
import { SchemasView } from './SchemasView';
import { useInspector } from './store-context';
import { tabPanelProps, ViewTabs } from './ViewTabs';
import { TailView } from './TailView';
import { TopicsView } from './TopicsView';
import { useRecordLink } from './use-record-link';
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
  useRecordLink();

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
        <ViewTabs tabs={TABS} active={tab} onChange={setTab} />
        <div className="header-right">
          <ClusterPicker />
          <ConnectionBadge />
        </div>
      </header>
      <main className="app-main">
        {connection.status === 'open' && <VersionNotice />}
        <OfflineNotice />
        <ClusterOverview />
        {connection.status === 'unauthorized' ? (
          <PairingScreen />
        ) : (
          <>
            <div {...tabPanelProps('topics', tab)}>
              <TopicsView />
            </div>
            <div {...tabPanelProps('tail', tab)}>
              <TailView />
            </div>
            <div {...tabPanelProps('produce', tab)}>
              <ProduceView />
            </div>
            <div {...tabPanelProps('groups', tab)}>
              <GroupsView />
            </div>
            <div {...tabPanelProps('schemas', tab)}>
              <SchemasView />
            </div>
            <div {...tabPanelProps('requests', tab)}>
              <RequestsView />
            </div>
          </>
        )}
      </main>
    </div>
  );
}
