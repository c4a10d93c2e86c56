import type { SchemaDetail } from '@kafka-inspector/shared';
import { schemaText } from '../store/schema-diff';
import './schemas.css';

/** One registered schema: id, subject, version, type, references and its text. */
export function SchemaFacts({ schema }: { schema: SchemaDetail }) {
  return (
    <>
      <dl className="facts" data-testid="schema-facts">
        <dt>Schema id</dt>
        <dd className="mono">{schema.id}</dd>
        <dt>Subject</dt>
        <dd className="mono">{schema.subject ?? <i className="muted">asked by id</i>}</dd>
        <dt>Version</dt>
        <dd>{schema.version ?? '—'}</dd>
        <dt>Type</dt>
        <dd>{typeLabel(schema.type)}</dd>
        {schema.references.length > 0 && (
          <>
            <dt>References</dt>
            <dd className="mono">{schema.references.map((r) => `${r.name} → ${r.subject} v${r.version}`).join(', ')}</dd>
          </>
        )}
      </dl>
      <pre className="code" data-testid="schema-text" aria-label={`${typeLabel(schema.type)} schema ${schema.id}`} tabIndex={0}>
        {schemaText(schema)}
      </pre>
    </>
  );
}

export const typeLabel = (type: SchemaDetail['type']) => (type === 'JSON' ? 'JSON Schema' : type === 'AVRO' ? 'Avro' : 'Protobuf');

/** The "view schema" pane a record's detail opens: the schema its key or value was decoded with. */
export function SchemaPane({ title, loading, error, schema, onClose }: { title: string; loading: boolean; error: string | null; schema: SchemaDetail | null; onClose?: () => void }) {
  return (
    <section className="schema-pane" aria-label={title} data-testid="schema-pane">
      <div className="section-head">
        <h3>{title}</h3>
        {onClose && (
          <button type="button" onClick={onClose} data-testid="schema-pane-close">
            Hide schema
          </button>
        )}
      </div>
      {loading && (
        <p className="muted" role="status">
          Loading the schema…
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          Could not load the schema: {error}
        </p>
      )}
      {schema && <SchemaFacts schema={schema} />}
    </section>
  );
}
