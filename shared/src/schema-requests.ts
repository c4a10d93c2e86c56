import { z } from 'zod';
import { ClusterNameSchema, RequestIdSchema } from './primitives';

/**
 * Requests that read a cluster profile's Schema Registry (Confluent's REST API; Karapace and
 * Redpanda speak it too), and the schema reference a produced key or value may carry. The
 * registry's credentials stay in the companion: only subjects, versions and schema text cross.
 */
const request = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ id: RequestIdSchema, type: z.literal(type), cluster: ClusterNameSchema.optional(), ...shape });

/** The registry's schema types, spelled as its API spells them (`JSON` is JSON Schema). */
export const SCHEMA_TYPES = ['AVRO', 'PROTOBUF', 'JSON'] as const;
export const SchemaTypeSchema = z.enum(SCHEMA_TYPES);
export type SchemaType = z.infer<typeof SchemaTypeSchema>;

/** A registry subject, e.g. `orders-value` (TopicNameStrategy). */
export const SubjectSchema = z.string().min(1).max(1000);
/** A subject's version: 1, 2, ... (the registry's ids are something else: unique across subjects). */
export const SchemaVersionSchema = z.number().int().min(1).max(2_147_483_647);
export const SchemaIdSchema = z.number().int().min(0).max(2_147_483_647);

/**
 * A Protobuf message type by its full name (`shop.Order`, a nested one `shop.Order.Line`), as
 * `getSchema`'s `messageTypes` lists them.
 */
export const MessageTypeNameSchema = z.string().min(1).max(1000);

/**
 * Which registered schema to encode a produced key or value with; no version means the latest.
 * `messageType` (Protobuf only) picks the file's message to encode with; default its first.
 */
export const SchemaRefSchema = z.strictObject({ subject: SubjectSchema, version: SchemaVersionSchema.optional(), messageType: MessageTypeNameSchema.optional() });
export type SchemaRef = z.infer<typeof SchemaRefSchema>;

export const ListSubjectsSchema = request('listSubjects', {
  /** Case-insensitive substring of the subject name. */
  search: z.string().max(1000).optional(),
});
export const ListSchemaVersionsSchema = request('listSchemaVersions', { subject: SubjectSchema });
/** By `subject` (and `version`, latest when omitted) or by `schemaId`; exactly one of the two ways. */
export const GetSchemaSchema = request('getSchema', {
  subject: SubjectSchema.optional(),
  version: SchemaVersionSchema.optional(),
  schemaId: SchemaIdSchema.optional(),
}).refine((r) => (r.schemaId === undefined) !== (r.subject === undefined) && !(r.schemaId !== undefined && r.version !== undefined), {
  message: 'name a schema by subject (and optional version) or by schemaId, not both',
});
/** A JSON document shaped like the schema (every field present, placeholder values), to start a produce from. */
export const SchemaSkeletonSchema = request('schemaSkeleton', { subject: SubjectSchema, version: SchemaVersionSchema.optional(), messageType: MessageTypeNameSchema.optional() });

export const SubjectSummarySchema = z.object({
  subject: SubjectSchema,
  type: SchemaTypeSchema,
  latestVersion: SchemaVersionSchema,
  /** The latest version's schema id. */
  id: SchemaIdSchema,
});
export type SubjectSummary = z.infer<typeof SubjectSummarySchema>;

export const SchemaReferenceSchema = z.object({ name: z.string(), subject: SubjectSchema, version: SchemaVersionSchema });

export const SchemaDetailSchema = z.object({
  id: SchemaIdSchema,
  /** null when asked by id: one schema may be registered under several subjects. */
  subject: SubjectSchema.nullable(),
  version: SchemaVersionSchema.nullable(),
  type: SchemaTypeSchema,
  /** The schema text as registered (Avro and JSON Schema: JSON; Protobuf: .proto source). */
  schema: z.string(),
  references: z.array(SchemaReferenceSchema),
  /**
   * Protobuf only: the file's message types by full name, nested ones after their parent, in the
   * order of Confluent's message indexes (the first is what a produce without `messageType` uses).
   * Absent when the .proto does not compile here.
   */
  messageTypes: z.array(MessageTypeNameSchema).optional(),
});
export type SchemaDetail = z.infer<typeof SchemaDetailSchema>;

export const SchemaResultSchemas = {
  listSubjects: z.object({ subjects: z.array(SubjectSummarySchema) }),
  listSchemaVersions: z.object({ subject: SubjectSchema, versions: z.array(SchemaVersionSchema) }),
  getSchema: SchemaDetailSchema,
  /** `messageType`: Protobuf only, the message the skeleton is of. */
  schemaSkeleton: z.object({ subject: SubjectSchema, version: SchemaVersionSchema, id: SchemaIdSchema, type: SchemaTypeSchema, skeleton: z.string(), messageType: MessageTypeNameSchema.optional() }),
} as const;
