import type { Decoded, DecoderName } from '@kafka-inspector/shared';
import { type AvroDecoder, compileAvro } from '../schema/avro';
import { compileProtobuf, type ProtobufDecoder, protobufTypeName } from '../schema/protobuf';
import type { CompiledSchema, SchemaCache } from '../schema/schema-cache';
import { decodePlain, PLAIN_DECODERS, type PlainDecoderName } from './plain-decoders';
import type { LocalSchemaSettings } from './record-decoder';
import { parseMessageIndexes, parseWireFormat } from './wire-format';

/**
 * A key or value decoded: what the wire shows (`decoded`; its `text`, when absent, is the JSON of
 * `value`, written only for records that go out) and, when it worked, what filters see.
 */
export interface PartOutcome {
  decoded: Decoded;
  /** Present only when decoding worked. */
  value?: unknown;
  ok: boolean;
}

type Local =
  | { format: 'avro'; avro: AvroDecoder }
  | { format: 'protobuf'; protobuf: ProtobufDecoder; type: ReturnType<ProtobufDecoder['typeAt']> | null }
  | { format: 'json-schema'; title?: string };

const isPlain = (name: DecoderName): name is PlainDecoderName => (PLAIN_DECODERS as readonly string[]).includes(name);

/**
 * Decodes one part (key or value) of a topic's records as its settings say: a forced decoder, the
 * local schema bound to it, or (auto) the registry for bytes in Confluent's wire format. Returns
 * null where there is nothing to add to the plain form (auto, and no schema applies).
 */
export class PartDecoder {
  private readonly mode: DecoderName;
  private local: Local | { error: string } | null = null;

  constructor(
    private readonly part: 'key' | 'value',
    private readonly topic: string,
    private readonly schema: LocalSchemaSettings | undefined,
    forced: DecoderName | undefined,
    private readonly cache: SchemaCache | undefined,
  ) {
    this.mode = forced ?? 'auto';
  }

  /** The registry schema id these bytes need, if this part would look it up. */
  schemaIdOf(bytes: Buffer): number | null {
    if (!this.cache || (this.mode !== 'auto' && this.mode !== 'schema-registry')) return null;
    return parseWireFormat(bytes)?.schemaId ?? null;
  }

  decode(bytes: Buffer): PartOutcome | null {
    const mode = this.mode;
    if (mode === 'none') return null;
    if (isPlain(mode)) return this.plain(mode, bytes);
    if (mode === 'schema-registry') {
      if (!this.cache) return failed({ format: 'schema-registry' }, 'no schema registry is configured for this cluster');
      return this.registry(bytes) ?? failed({ format: 'schema-registry' }, 'not in the Confluent wire format (magic byte 0, then a 4-byte schema id)');
    }
    if (mode === 'local-schema') {
      if (!this.schema) return failed({ format: 'schema-registry' }, `no local schema is bound to the ${this.part} of topic ${this.topic}`);
      return this.localDecode(bytes);
    }
    // auto: the registry for the wire format when there is one, else a bound local schema.
    if (this.cache) {
      const viaRegistry = this.registry(bytes);
      if (viaRegistry) return viaRegistry;
    }
    return this.schema ? this.localDecode(bytes) : null;
  }

  private plain(name: PlainDecoderName, bytes: Buffer): PartOutcome {
    try {
      const { format, value, text } = decodePlain(name, bytes);
      return { decoded: { format, text }, value, ok: true };
    } catch (error) {
      return failed({ format: name }, `${name}: ${(error as Error).message}`);
    }
  }

  private registry(bytes: Buffer): PartOutcome | null {
    const header = parseWireFormat(bytes);
    if (!header || !this.cache) return null;
    const entry = this.cache.get(header.schemaId);
    const meta: Decoded = { format: 'schema-registry', schemaId: header.schemaId };
    if (!entry) return failed(meta, `schema ${header.schemaId} was not fetched`);
    if ('error' in entry) return failed(meta, entry.error);
    const schema = entry.schema;
    Object.assign(meta, { format: schema.format }, this.subjectOf(schema));
    try {
      if (schema.format === 'avro') return ok({ ...meta, type: schema.avro.name }, schema.avro.decode(bytes.subarray(header.offset)));
      if (schema.format === 'protobuf') {
        const { indexes, offset } = parseMessageIndexes(bytes, header.offset);
        const type = schema.protobuf.typeAt(indexes);
        return ok({ ...meta, type: protobufTypeName(type) }, schema.protobuf.decode(type, bytes.subarray(offset)));
      }
      return ok({ ...meta, ...(schema.title ? { type: schema.title } : {}) }, JSON.parse(bytes.toString('utf8', header.offset)));
    } catch (error) {
      return failed(meta, `${schema.format}: ${(error as Error).message}`);
    }
  }

  /** The subject this id is under for this topic's part (TopicNameStrategy first), and its version. */
  private subjectOf(schema: CompiledSchema): { subject?: string; version?: number } {
    const { subjects } = schema;
    const wanted = `${this.topic}-${this.part}`;
    const pick = subjects.find((s) => s.subject === wanted) ?? subjects.find((s) => s.subject.endsWith(`-${this.part}`)) ?? subjects[0];
    return pick ? { subject: pick.subject, version: pick.version } : {};
  }

  private localDecode(bytes: Buffer): PartOutcome {
    const schema = this.schema as LocalSchemaSettings;
    const local = this.compileLocal(schema);
    const meta: Decoded = { format: schema.format, schema: schema.file };
    if ('error' in local) return failed(meta, local.error);
    // Teams that keep schemas in their repo may still frame records in the wire format: try the
    // payload after the header first when there is one, then the bytes as they are.
    const header = parseWireFormat(bytes);
    let firstError: Error | null = null;
    for (const framed of header ? [true, false] : [false]) {
      try {
        return this.decodeLocal(local, bytes, framed ? header?.offset ?? 0 : -1, meta);
      } catch (error) {
        firstError ??= error as Error;
      }
    }
    return failed(meta, `${schema.format}: ${(firstError as Error).message}`);
  }

  /** `offset` -1: the bytes are the bare payload. */
  private decodeLocal(local: Local, bytes: Buffer, offset: number, meta: Decoded): PartOutcome {
    const start = offset < 0 ? 0 : offset;
    if (local.format === 'avro') return ok({ ...meta, type: local.avro.name }, local.avro.decode(bytes.subarray(start)));
    if (local.format === 'protobuf') {
      let type = local.type;
      let from = start;
      if (offset >= 0) {
        const parsed = parseMessageIndexes(bytes, offset);
        type = local.type ?? local.protobuf.typeAt(parsed.indexes);
        from = parsed.offset;
      }
      type ??= local.protobuf.typeAt([0]);
      return ok({ ...meta, type: protobufTypeName(type) }, local.protobuf.decode(type, bytes.subarray(from)));
    }
    return ok({ ...meta, ...(local.title ? { type: local.title } : {}) }, JSON.parse(bytes.toString('utf8', start)));
  }

  private compileLocal(schema: LocalSchemaSettings): Local | { error: string } {
    if (this.local) return this.local;
    try {
      if (schema.format === 'avro') this.local = { format: 'avro', avro: compileAvro(schema.contents) };
      else if (schema.format === 'protobuf') {
        const protobuf = compileProtobuf(schema.contents, schema.imports);
        this.local = { format: 'protobuf', protobuf, type: schema.messageType ? protobuf.typeNamed(schema.messageType) : null };
      } else {
        const title = (JSON.parse(schema.contents) as { title?: unknown }).title;
        this.local = { format: 'json-schema', ...(typeof title === 'string' ? { title } : {}) };
      }
    } catch (error) {
      this.local = { error: `schema file ${schema.file} cannot be used: ${(error as Error).message}` };
    }
    return this.local;
  }
}

/** The JSON text is left to the wire form (record-decoder's attach): a filter that drops the record never pays for it. */
function ok(decoded: Decoded, value: unknown): PartOutcome {
  return { decoded, value, ok: true };
}

function failed(meta: Decoded, error: string): PartOutcome {
  return { decoded: { ...meta, error }, ok: false };
}
