import type { WireRecord } from '@kafka-inspector/shared';
import { decodedAsText } from '../store/decoded-view';
import { SchemaPane } from './SchemaPane';
import { useInspector } from './store-context';
import './schemas.css';

/**
 * How the companion decoded a record's key and value ("Avro · schema 42 · orders-value v3"), or
 * why it is shown raw; "View schema" opens the registry schema it was decoded with.
 */
export function SchemaDecodedAs({ record }: { record: WireRecord }) {
  const pane = useInspector((s) => s.schemas.pane);
  const openPane = useInspector((s) => s.openSchemaPane);
  const parts = (['key', 'value'] as const).flatMap((part) => {
    const decoded = record[part]?.decoded;
    return decoded ? [{ part, decoded }] : [];
  });
  if (parts.length === 0) return null;
  const opener = parts.find((p) => p.decoded.schemaId !== undefined && p.decoded.schemaId === pane.schemaId)?.decoded;
  // Asked by id, the registry does not say under which subject: the record's decoding does.
  const schema = pane.data && opener && pane.data.subject === null ? { ...pane.data, subject: opener.subject ?? null, version: opener.version ?? null } : pane.data;

  return (
    <div className="decoded-as-block" data-testid="decoded-as">
      {parts.map(({ part, decoded }) => (
        <p className="decoded-as" key={part} data-testid={`decoded-as-${part}`}>
          <span className="muted">{part === 'key' ? 'Key' : 'Value'} decoded as</span>
          <strong>{decodedAsText(decoded)}</strong>
          {decoded.error && (
            <span className="warn" role="note">
              shown raw: {decoded.error}
            </span>
          )}
          {decoded.schemaId !== undefined && (
            <button
              type="button"
              aria-expanded={pane.schemaId === decoded.schemaId}
              onClick={() => void openPane(pane.schemaId === decoded.schemaId ? null : decoded.schemaId!)}
              data-testid={`view-schema-${part}`}
            >
              {pane.schemaId === decoded.schemaId ? 'Hide schema' : `View ${part} schema`}
            </button>
          )}
        </p>
      ))}
      {opener && <SchemaPane title={`Schema ${pane.schemaId}`} loading={pane.loading} error={pane.error} schema={schema} />}
    </div>
  );
}
