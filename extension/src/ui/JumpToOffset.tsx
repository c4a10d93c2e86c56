import { type FormEvent, useState } from 'react';
import { useInspector } from './store-context';
import './record-tools.css';

/**
 * Go to a record by coordinates on the tailed topic: open it in the detail pane, or tail that
 * partition from there; and load the records before the first one held.
 */
export function JumpToOffset() {
  const spec = useInspector((s) => s.tail.spec);
  const handle = useInspector((s) => s.tail.handle);
  const older = useInspector((s) => s.reads.older);
  const opening = useInspector((s) => s.reads.opening);
  const openError = useInspector((s) => s.reads.openError);
  const openRecordAt = useInspector((s) => s.openRecordAt);
  const startTail = useInspector((s) => s.startTail);
  const loadOlder = useInspector((s) => s.loadOlder);
  const [partition, setPartition] = useState('0');
  const [offset, setOffset] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const topic = spec?.topic;

  const coordinates = () => {
    if (!topic) return setProblem('Start a tail first: the jump reads its topic.'), null;
    if (!/^\d+$/.test(partition)) return setProblem('The partition is a number.'), null;
    if (!/^\d+$/.test(offset)) return setProblem('The offset is a whole number.'), null;
    setProblem(null);
    return { topic, partition: Number(partition), offset: String(BigInt(offset)) };
  };
  const open = (event: FormEvent) => {
    event.preventDefault();
    const at = coordinates();
    if (at) void openRecordAt(at);
  };
  const tailFromHere = () => {
    const at = coordinates();
    if (at && spec) void startTail({ ...spec, partitions: [at.partition], start: { from: 'offset', offset: at.offset } });
  };

  return (
    <form className="jump-row" onSubmit={open} aria-label="Go to a record">
      <label>
        Go to partition
        <input value={partition} onChange={(e) => setPartition(e.target.value.trim())} size={3} inputMode="numeric" data-testid="jump-partition" />
      </label>
      <label>
        at offset
        <input value={offset} onChange={(e) => setOffset(e.target.value.trim())} size={8} inputMode="numeric" placeholder="e.g. 1200" data-testid="jump-offset" />
      </label>
      <button type="submit" disabled={!topic || opening !== null} data-testid="jump-open">
        {opening ? 'Opening…' : 'Open record'}
      </button>
      <button type="button" onClick={tailFromHere} disabled={!topic} data-testid="jump-tail">
        Tail from here
      </button>
      <button type="button" onClick={() => void loadOlder()} disabled={!handle || older.loading} title="Reads up to 100 records per partition before the first one held" data-testid="load-older">
        {older.loading ? 'Loading older…' : 'Load older'}
      </button>
      <span role="status" className="muted" data-testid="jump-status">
        {older.message}
      </span>
      {(problem ?? openError ?? older.error) && (
        <p className="error full" role="alert" data-testid="jump-error">
          {problem ?? openError ?? older.error}
        </p>
      )}
    </form>
  );
}
