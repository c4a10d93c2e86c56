import type { SchemaDetail, SubjectSummary } from '@kafka-inspector/shared';
import { RequestFailed } from '../bridge/client';
import type { Slice } from './types';
import { errorText } from './types';

/** A request's plain state: what the view says while it loads, when it failed, or what it got. */
export interface Loadable<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

const idle = <T>(): Loadable<T> => ({ data: null, loading: false, error: null });

export interface SchemasSlice {
  schemas: {
    subjects: Loadable<SubjectSummary[]>;
    /** The profile has no registry (or it is down): the view says so instead of an empty list. */
    unavailable: boolean;
    selected: string | null;
    versions: Loadable<number[]>;
    /** The version shown, and the one it is compared with (null: no diff). */
    shown: Loadable<SchemaDetail>;
    compared: Loadable<SchemaDetail>;
    /** The "view schema" pane opened from a record's detail, by schema id. */
    pane: Loadable<SchemaDetail> & { schemaId: number | null };
    /** A Protobuf schema's message types (Produce view), by `messageTypesKey`. */
    messageTypes: Record<string, Loadable<string[]>>;
  };
  refreshSubjects(): Promise<void>;
  selectSubject(subject: string | null): Promise<void>;
  showVersion(version: number): Promise<void>;
  compareWith(version: number | null): Promise<void>;
  openSchemaPane(schemaId: number | null): Promise<void>;
  /** Fills the Produce form's key or value with a JSON skeleton of its chosen schema (and message type). */
  insertSkeleton(part: 'key' | 'value'): Promise<void>;
  /** Fetches the message types of a Protobuf subject's version (null: the latest), once it has them. */
  loadMessageTypes(subject: string, version: number | null): Promise<void>;
}

export const messageTypesKey = (subject: string, version: number | null) => `${subject}@${version ?? 'latest'}`;

export const initialSchemas = (): SchemasSlice['schemas'] => ({
  subjects: idle(),
  unavailable: false,
  selected: null,
  versions: idle(),
  shown: idle(),
  compared: idle(),
  pane: { ...idle(), schemaId: null },
  messageTypes: {},
});

const isUnavailable = (error: unknown) => error instanceof RequestFailed && error.error.code === 'SCHEMA_REGISTRY_UNAVAILABLE';

export const createSchemasSlice: Slice<SchemasSlice> = (bridge) => (set, get) => {
  const patch = (change: Partial<SchemasSlice['schemas']>) => set((state) => ({ schemas: { ...state.schemas, ...change } }));
  /** Runs one request into one Loadable field, dropping the answer if `stillWanted` says the user moved on. */
  async function load<K extends 'subjects' | 'versions' | 'shown' | 'compared'>(key: K, run: () => Promise<NonNullable<SchemasSlice['schemas'][K]['data']>>, stillWanted: () => boolean = () => true) {
    patch({ [key]: { ...get().schemas[key], loading: true, error: null } });
    try {
      const data = await run();
      if (stillWanted()) patch({ [key]: { data, loading: false, error: null } });
    } catch (error) {
      if (stillWanted()) patch({ [key]: { data: null, loading: false, error: errorText(error) }, ...(key === 'subjects' ? { unavailable: isUnavailable(error) } : {}) });
    }
  }
  return {
    schemas: initialSchemas(),
    async refreshSubjects() {
      patch({ unavailable: false });
      await load('subjects', async () => (await bridge.request({ type: 'listSubjects' })).subjects);
    },
    async selectSubject(subject) {
      patch({ selected: subject, versions: idle(), shown: idle(), compared: idle() });
      if (!subject) return;
      const wanted = () => get().schemas.selected === subject;
      await load('versions', async () => (await bridge.request({ type: 'listSchemaVersions', subject })).versions, wanted);
      const latest = get().schemas.versions.data?.at(-1);
      if (wanted() && latest !== undefined) await get().showVersion(latest);
    },
    async showVersion(version) {
      const subject = get().schemas.selected;
      if (!subject) return;
      await load('shown', () => bridge.request({ type: 'getSchema', subject, version }), () => get().schemas.selected === subject);
    },
    async compareWith(version) {
      const subject = get().schemas.selected;
      if (!subject || version === null) {
        patch({ compared: idle() });
        return;
      }
      await load('compared', () => bridge.request({ type: 'getSchema', subject, version }), () => get().schemas.selected === subject);
    },
    async insertSkeleton(part) {
      const { form } = get().produce;
      const choice = part === 'key' ? form.keySchema : form.valueSchema;
      if (!choice) return;
      try {
        const { skeleton } = await bridge.request({ type: 'schemaSkeleton', subject: choice.subject, ...(choice.version === null ? {} : { version: choice.version }), ...(choice.messageType ? { messageType: choice.messageType } : {}) });
        // The key is a one-line input: its skeleton goes in compact.
        get().setProduceForm(part === 'key' ? { key: JSON.stringify(JSON.parse(skeleton)), keyIsNull: false } : { value: skeleton, valueMode: 'json', tombstone: false });
      } catch (error) {
        set((state) => ({ produce: { ...state.produce, error: `Could not make a skeleton from ${choice.subject}: ${errorText(error)}`, result: null } }));
      }
    },
    async loadMessageTypes(subject, version) {
      const key = messageTypesKey(subject, version);
      // Asked once per subject and version; a failed ask is asked again the next time.
      const known = get().schemas.messageTypes[key];
      if (known && !known.error) return;
      const put = (value: Loadable<string[]>) => patch({ messageTypes: { ...get().schemas.messageTypes, [key]: value } });
      put({ data: null, loading: true, error: null });
      try {
        const detail = await bridge.request({ type: 'getSchema', subject, ...(version === null ? {} : { version }) });
        put({ data: detail.messageTypes ?? [], loading: false, error: null });
      } catch (error) {
        put({ data: null, loading: false, error: errorText(error) });
      }
    },
    async openSchemaPane(schemaId) {
      patch({ pane: { ...idle(), schemaId, loading: schemaId !== null } });
      if (schemaId === null) return;
      try {
        const data = await bridge.request({ type: 'getSchema', schemaId });
        if (get().schemas.pane.schemaId === schemaId) patch({ pane: { data, loading: false, error: null, schemaId } });
      } catch (error) {
        if (get().schemas.pane.schemaId === schemaId) patch({ pane: { data: null, loading: false, error: errorText(error), schemaId } });
      }
    },
  };
};
