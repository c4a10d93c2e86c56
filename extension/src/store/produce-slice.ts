import type { EncodedData, OutgoingData, OutgoingKeyValue, ProducedRecord, WireError, WireHeader, WireRecord } from '@kafka-inspector/shared';
import { RequestFailed } from '../bridge/client';
import type { Slice } from './types';
import { errorText } from './types';

export type ValueMode = 'json' | 'text' | 'base64';

export interface ProduceForm {
  topic: string;
  /** '' means the partitioner chooses. */
  partition: string;
  key: string;
  keyIsNull: boolean;
  value: string;
  valueMode: ValueMode;
  tombstone: boolean;
  headers: ProduceHeader[];
  copies: number;
  /** The key field holds base64 of bytes that are not UTF-8 (a resent binary key). */
  keyIsBase64?: boolean;
  /** Encode the key / the value (JSON) with this registered schema; null (or absent in old templates): as typed. */
  keySchema?: SchemaChoice | null;
  valueSchema?: SchemaChoice | null;
}

/**
 * A header in the form. `base64`: the value field holds base64 of bytes that are not UTF-8 (a
 * resent binary header); `isNull`: the header has no value (not the empty string).
 */
export interface ProduceHeader {
  key: string;
  value: string;
  base64?: boolean;
  isNull?: boolean;
}

/** A subject and version (null: the latest) chosen in the Produce view; for Protobuf, maybe a message type (absent or null: the file's first). */
export interface SchemaChoice {
  subject: string;
  version: number | null;
  messageType?: string | null;
}

/** Where a SCHEMA_INVALID refusal points: the record's key or value, and the field path inside it. */
export interface FieldError {
  field: 'key' | 'value';
  path: string;
}

export interface ProduceSlice {
  /** `result`: the records written, with their offsets (after a partial failure, only those). */
  produce: { form: ProduceForm; sending: boolean; result: WrittenRecord[] | null; error: string | null; ms: number | null; fieldError?: FieldError | null; progress: ProduceProgress | null };
  setProduceForm(change: Partial<ProduceForm>): void;
  sendProduce(): Promise<void>;
  /** Stops a send of many copies after the chunk in flight (what was sent stays sent). */
  cancelProduce(): void;
  /** "Edit and resend": fills the form from a tailed record. */
  editRecord(record: WireRecord): void;
}

export interface ProduceProgress {
  sent: number;
  total: number;
  cancelled: boolean;
}

/** Copies go in chunks this size: each reply moves the progress, and a cancel waits for one chunk at most. */
export const PRODUCE_CHUNK = 500;

export const emptyForm = (): ProduceForm => ({ topic: '', partition: '', key: '', keyIsNull: false, value: '{\n  \n}', valueMode: 'json', tombstone: false, headers: [], copies: 1 });

const outgoing = (text: string, mode: ValueMode): OutgoingData =>
  mode === 'base64' ? { encoding: 'binary', base64: text.trim() } : mode === 'json' ? { encoding: 'json', text } : { encoding: 'text', text };

/** Checks the form before it is sent; null when it is fine. */
export function validateForm(form: ProduceForm): string | null {
  if (!form.topic) return 'Choose a topic.';
  if (form.partition && !/^\d+$/.test(form.partition)) return 'The partition must be a number.';
  if (!form.tombstone && form.valueMode === 'json') {
    try {
      JSON.parse(form.value);
    } catch (error) {
      return `The value is not valid JSON: ${(error as Error).message}`;
    }
  }
  if (form.keySchema && !form.keyIsNull) {
    try {
      JSON.parse(form.key);
    } catch (error) {
      return `The key is encoded with ${form.keySchema.subject}, so it must be JSON: ${(error as Error).message}`;
    }
  }
  if (form.valueSchema && !form.tombstone && form.valueMode !== 'json') return 'A value encoded with a schema is written as JSON.';
  if (!form.tombstone && form.valueMode === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(form.value.trim())) return 'The value is not base64.';
  if (form.copies < 1 || form.copies > 10_000 || !Number.isInteger(form.copies)) return 'Copies must be between 1 and 10,000.';
  if (form.headers.some((h) => !h.key)) return 'Every header needs a name.';
  const notBase64 = form.headers.find((h) => h.base64 && !h.isNull && !/^[A-Za-z0-9+/]*={0,2}$/.test(h.value.trim()));
  if (notBase64) return `The value of header ${notBase64.key} is not base64.`;
  return null;
}

export function formToRecords(form: ProduceForm) {
  const record = {
    ...(form.partition ? { partition: Number(form.partition) } : {}),
    key: form.keyIsNull ? null : form.keySchema ? withSchema(form.key, form.keySchema) : form.keyIsBase64 ? ({ encoding: 'binary', base64: form.key.trim() } as const) : ({ encoding: 'text', text: form.key } as const),
    value: form.tombstone ? null : form.valueSchema ? withSchema(form.value, form.valueSchema) : outgoing(form.value, form.valueMode),
    headers: form.headers.map((h) => ({ key: h.key, value: headerData(h) })),
  };
  return Array.from({ length: form.copies }, () => record);
}

const headerData = (h: ProduceHeader): OutgoingData | null => (h.isNull ? null : h.base64 ? { encoding: 'binary', base64: h.value.trim() } : { encoding: 'text', text: h.value });

/** A tailed header as the form holds it: its bytes kept (base64 for binary, null for none). */
const formHeader = (h: WireHeader): ProduceHeader => (h.value === null ? { key: h.key, value: '', isNull: true } : h.value.encoding === 'binary' ? { key: h.key, value: h.value.base64, base64: true } : { key: h.key, value: h.value.text });

const withSchema = (text: string, choice: SchemaChoice): OutgoingKeyValue => ({
  encoding: 'json',
  text,
  schema: { subject: choice.subject, ...(choice.version === null ? {} : { version: choice.version }), ...(choice.messageType ? { messageType: choice.messageType } : {}) },
});

/** A SCHEMA_INVALID refusal's field path, for the view to show beside the editor. */
export function fieldErrorOf(error: unknown): FieldError | null {
  if (!(error instanceof RequestFailed) || error.error.code !== 'SCHEMA_INVALID') return null;
  const { field, path } = error.error.details ?? {};
  return field === 'key' || field === 'value' ? { field, path: typeof path === 'string' ? path : '' } : null;
}

export type WrittenRecord = Extract<ProducedRecord, { offset: string }>;

/** Records whose partition's send failed while others were written: their place in the whole send (0-based). */
export interface NotWritten {
  index: number;
  partition: number;
  error: WireError;
}

/**
 * Says what a partial failure left: which records failed and why, how many after them were never
 * sent (the send stops at the failing chunk), and that the rest were written. The form must not
 * simply be sent again: that writes the written ones twice.
 */
export function notWrittenText(failed: NotWritten[], total: number, written: number): string {
  const unsent = total - written - failed.length;
  const numbers = failed.slice(0, 5).map((f) => f.index + 1).join(', ') + (failed.length > 5 ? ', …' : '');
  const reasons = [...new Map(failed.map((f) => [f.partition, f.error.message])).entries()].map(([partition, message]) => `partition ${partition}: ${message}`);
  return (
    `${total - written} of ${total} record${total === 1 ? ' was' : 's were'} not written: record${failed.length === 1 ? '' : 's'} ${numbers} failed (${reasons.join('; ')})` +
    `${unsent > 0 ? `, and the ${unsent} after ${failed.length === 1 ? 'it' : 'them'} were not sent` : ''}. ` +
    `${written} ${written === 1 ? 'was' : 'were'} written: sending the form again would write ${written === 1 ? 'it' : 'them'} twice.`
  );
}

const asText = (data: EncodedData | null) => (data === null ? '' : data.encoding === 'binary' ? data.base64 : data.text);

export const createProduceSlice: Slice<ProduceSlice> = (bridge) => (set, get) => {
  const patch = (change: Partial<ProduceSlice['produce']>) => set((state) => ({ produce: { ...state.produce, ...change } }));
  return {
    produce: { form: emptyForm(), sending: false, result: null, error: null, ms: null, progress: null },
    setProduceForm: (change) => {
      patch({ form: { ...get().produce.form, ...change }, error: null, fieldError: null });
    },
    async sendProduce() {
      const { form } = get().produce;
      const invalid = validateForm(form);
      if (invalid) {
        patch({ error: invalid, result: null });
        return;
      }
      const records = formToRecords(form);
      patch({ sending: true, error: null, result: null, progress: { sent: 0, total: records.length, cancelled: false } });
      const started = performance.now();
      const produced: WrittenRecord[] = [];
      const failed: NotWritten[] = [];
      try {
        // A chunk with records that were not written ends the send: the user decides what to send again.
        for (let i = 0; i < records.length && failed.length === 0; i += PRODUCE_CHUNK) {
          if (get().produce.progress?.cancelled) break;
          const chunk = (await bridge.request({ type: 'produce', topic: form.topic, records: records.slice(i, i + PRODUCE_CHUNK) })).records;
          chunk.forEach((r, j) => ('error' in r ? failed.push({ index: i + j, partition: r.partition, error: r.error }) : produced.push(r)));
          patch({ progress: { ...get().produce.progress!, sent: produced.length } });
        }
        const ms = performance.now() - started;
        if (failed.length > 0) {
          patch({ sending: false, result: produced, ms, error: notWrittenText(failed, records.length, produced.length) });
          return;
        }
        const cancelled = produced.length < records.length;
        patch({ sending: false, result: produced, ms, ...(cancelled ? { error: `Cancelled: ${produced.length} of ${records.length} records were sent.` } : {}) });
        if (!cancelled) get().saveTemplate(form);
      } catch (error) {
        const partly = produced.length ? ` (${produced.length} of ${records.length} records were sent before)` : '';
        patch({ sending: false, result: produced.length ? produced : null, error: errorText(error) + partly, fieldError: fieldErrorOf(error) });
      }
    },
    cancelProduce() {
      const { progress, sending } = get().produce;
      if (sending && progress) patch({ progress: { ...progress, cancelled: true } });
    },
    editRecord(record) {
      const valueMode: ValueMode = record.value?.encoding === 'binary' ? 'base64' : record.value?.encoding === 'json' ? 'json' : 'text';
      patch({
        form: {
          topic: record.topic,
          partition: String(record.partition),
          key: asText(record.key),
          keyIsNull: record.key === null,
          keyIsBase64: record.key?.encoding === 'binary',
          // The bytes as they were: compact JSON stays compact (Format is there to opt in).
          value: asText(record.value),
          valueMode,
          tombstone: record.value === null,
          headers: record.headers.map(formHeader),
          copies: 1,
        },
        result: null,
        error: null,
      });
      get().setActiveTab('produce');
    },
  };
};

export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
