import { useEffect } from 'react';
import { messageTypesKey } from '../store/schemas-slice';
import { typeLabel } from './SchemaPane';
import { useInspector } from './store-context';
import './schemas.css';

/**
 * Produce view: which registered schema encodes the key or the value (none: sent as typed), its
 * version (latest by default), for a Protobuf file of several messages which one (the first by
 * default), a skeleton to start from, and where the companion said the JSON does not fit.
 */
export function SchemaPicker({ part }: { part: 'key' | 'value' }) {
  const registry = useInspector((s) => s.connection.status === 'open' && s.connection.welcome.capabilities.schemaRegistry);
  const tabActive = useInspector((s) => s.preferences.activeTab === 'produce');
  const subjects = useInspector((s) => s.schemas.subjects);
  const refresh = useInspector((s) => s.refreshSubjects);
  const choice = useInspector((s) => (part === 'key' ? s.produce.form.keySchema : s.produce.form.valueSchema) ?? null);
  const fieldError = useInspector((s) => (s.produce.fieldError?.field === part ? s.produce.fieldError : null));
  const set = useInspector((s) => s.setProduceForm);
  const insertSkeleton = useInspector((s) => s.insertSkeleton);
  const loadMessageTypes = useInspector((s) => s.loadMessageTypes);
  const messageTypes = useInspector((s) => (choice ? s.schemas.messageTypes[messageTypesKey(choice.subject, choice.version)] : undefined));

  useEffect(() => {
    if (registry && tabActive && subjects.data === null && !subjects.loading && !subjects.error) void refresh();
    // Once, when the view is first shown on a profile with a registry (not on every state change).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [registry, tabActive]);

  const summary = subjects.data?.find((s) => s.subject === choice?.subject);
  const isProtobuf = summary?.type === 'PROTOBUF';
  const chosenSubject = choice?.subject;
  const chosenVersion = choice?.version ?? null;
  useEffect(() => {
    // A Protobuf file may hold several messages: which one the JSON is, is the user's choice.
    if (isProtobuf && chosenSubject) void loadMessageTypes(chosenSubject, chosenVersion);
  }, [isProtobuf, chosenSubject, chosenVersion, loadMessageTypes]);

  if (!registry) return null;
  const Part = part === 'key' ? 'Key' : 'Value';
  const choose = (subject: string) => set(part === 'key' ? { keySchema: subject ? { subject, version: null } : null } : { valueSchema: subject ? { subject, version: null } : null, ...(subject ? { valueMode: 'json' as const } : {}) });
  // Another version may not hold the same messages: the message type goes back to the first.
  const chooseVersion = (version: string) => choice && set({ [`${part}Schema`]: { subject: choice.subject, version: version ? Number(version) : null } });
  const types = messageTypes?.data ?? [];
  const chooseMessageType = (name: string) => choice && set({ [`${part}Schema`]: { ...choice, messageType: name === types[0] ? null : name } });

  return (
    <div className="schema-controls" role="group" aria-label={`${Part} schema`} data-testid={`produce-${part}-schema-group`}>
      <label>
        {Part} schema
        <select value={choice?.subject ?? ''} onChange={(e) => choose(e.target.value)} data-testid={`produce-${part}-schema`}>
          <option value="">none: send as typed</option>
          {subjects.data?.map((s) => (
            <option key={s.subject} value={s.subject}>
              {s.subject} ({typeLabel(s.type)})
            </option>
          ))}
        </select>
      </label>
      <label>
        {Part} schema version
        <select value={choice?.version ?? ''} onChange={(e) => chooseVersion(e.target.value)} disabled={!choice} data-testid={`produce-${part}-schema-version`}>
          <option value="">latest{summary ? ` (v${summary.latestVersion})` : ''}</option>
          {summary &&
            Array.from({ length: summary.latestVersion }, (_, i) => summary.latestVersion - i).map((v) => (
              <option key={v} value={v}>
                v{v}
              </option>
            ))}
        </select>
      </label>
      {types.length > 1 && (
        <label>
          {Part} message type
          <select value={choice?.messageType ?? types[0]} onChange={(e) => chooseMessageType(e.target.value)} data-testid={`produce-${part}-message-type`}>
            {types.map((name, i) => (
              <option key={name} value={name}>
                {i === 0 ? `${name} (first, the default)` : name}
              </option>
            ))}
          </select>
        </label>
      )}
      {messageTypes?.loading && <span className="muted" role="status">Loading message types…</span>}
      {messageTypes?.error && <span className="warn">Message types unavailable: {messageTypes.error}</span>}
      <button type="button" disabled={!choice} onClick={() => void insertSkeleton(part)} aria-label={`Insert skeleton into the ${part}`} data-testid={`produce-${part}-skeleton`}>
        Insert skeleton
      </button>
      {subjects.loading && <span className="muted" role="status">Loading subjects…</span>}
      {subjects.error && <span className="warn">Subjects unavailable: {subjects.error}</span>}
      {fieldError && (
        <p className="error schema-field-error grow" data-testid={`produce-${part}-field-error`}>
          Does not fit the schema at {fieldError.path ? `${part}.${fieldError.path}` : `the whole ${part}`}
        </p>
      )}
    </div>
  );
}
