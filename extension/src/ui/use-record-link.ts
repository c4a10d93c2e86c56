import { useEffect, useRef } from 'react';
import { parseRecordLink } from '../store/record-link';
import { useInspector } from './store-context';

/** Opens the record a link names (the page's fragment), once connected, and again when the fragment changes. */
export function useRecordLink(): void {
  const open = useInspector((s) => s.connection.status === 'open');
  const clusters = useInspector((s) => (s.connection.status === 'open' ? s.connection.welcome.clusters : null));
  const chooseCluster = useInspector((s) => s.chooseCluster);
  const openRecordAt = useInspector((s) => s.openRecordAt);
  const done = useRef<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const follow = async () => {
      const target = parseRecordLink(location.hash);
      if (!target || done.current === location.hash) return;
      done.current = location.hash;
      if (target.cluster && clusters?.some((c) => c.name === target.cluster)) await chooseCluster(target.cluster);
      await openRecordAt(target);
    };
    void follow();
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [open, clusters, chooseCluster, openRecordAt]);
}
