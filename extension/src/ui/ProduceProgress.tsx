import { formatCount } from './format';
import './record-tools.css';
import { useInspector } from './store-context';

/** How far a send of many copies is, with a Cancel that stops after the chunk in flight. */
export function ProduceProgress() {
  const progress = useInspector((s) => s.produce.progress);
  const sending = useInspector((s) => s.produce.sending);
  const cancel = useInspector((s) => s.cancelProduce);
  if (!sending || !progress || progress.total <= 1) return null;
  return (
    <span className="produce-progress">
      <progress max={progress.total} value={progress.sent} aria-label="Records sent" />
      <span role="status" data-testid="produce-progress">
        {progress.cancelled ? 'Cancelling after this chunk… ' : ''}
        {formatCount(progress.sent)} of {formatCount(progress.total)} sent
      </span>
      <button type="button" onClick={cancel} disabled={progress.cancelled} data-testid="produce-cancel">
        Cancel
      </button>
    </span>
  );
}
