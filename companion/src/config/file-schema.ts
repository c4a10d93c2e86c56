import { z } from 'zod';
import type { Limits } from './types';
import { EXTENSION_ID, isBrokerAddress } from './values';

// The config file never crosses the wire, so its schema lives here, not in shared/. Strict objects:
// a misspelt key ("pasword", "readonly") is an error, not a setting silently ignored.

const BrokerSchema = z.string().refine(isBrokerAddress, 'expected host:port, e.g. localhost:9092');

const TlsSchema = z.union([
  z.boolean(),
  z.strictObject({
    ca: z.string().min(1).optional(),
    cert: z.string().min(1).optional(),
    key: z.string().min(1).optional(),
    rejectUnauthorized: z.boolean().optional(),
  }),
]);

const SaslSchema = z
  .strictObject({
    mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
    username: z.string().min(1),
    passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(),
    password: z.string().optional(),
  })
  .refine((sasl) => (sasl.password === undefined) !== (sasl.passwordEnv === undefined), {
    message: 'set exactly one of "passwordEnv" (preferred) or "password"',
  });

const PasswordEnvSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

/** A Confluent-compatible Schema Registry (issue 11); basicAuth like sasl: prefer passwordEnv. */
const SchemaRegistrySchema = z.strictObject({
  url: z.string().regex(/^https?:\/\/[^\s]+$/i, 'an http:// or https:// URL'),
  basicAuth: z
    .strictObject({ username: z.string().min(1), passwordEnv: PasswordEnvSchema.optional(), password: z.string().optional() })
    .refine((auth) => (auth.password === undefined) !== (auth.passwordEnv === undefined), { message: 'set exactly one of "passwordEnv" (preferred) or "password"' })
    .optional(),
  tls: z
    .strictObject({ ca: z.string().min(1).optional(), cert: z.string().min(1).optional(), key: z.string().min(1).optional(), rejectUnauthorized: z.boolean().optional() })
    .optional(),
});

const LocalSchemaFileSchema = z.strictObject({
  file: z.string().min(1),
  format: z.enum(['avro', 'protobuf', 'json-schema']).optional(),
  messageType: z.string().min(1).optional(),
  importPaths: z.array(z.string().min(1)).optional(),
});

/** Schema files bound to a topic's key and/or value, for teams that keep schemas in their repo. */
const TopicSchemasSchema = z.strictObject({ topic: z.string().min(1), key: LocalSchemaFileSchema.optional(), value: LocalSchemaFileSchema.optional() });

const ClusterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  brokers: z.array(BrokerSchema).min(1),
  tls: TlsSchema.optional(),
  sasl: SaslSchema.optional(),
  fetchMaxWaitMs: z.number().int().min(1).max(30_000).optional(),
  schemaRegistry: SchemaRegistrySchema.optional(),
  schemas: z.array(TopicSchemasSchema).optional(),
});

const count = z.number().int().min(1);

const LimitsSchema = z.strictObject({
  maxFrameBytes: count.optional(),
  maxRecordBytes: count.optional(),
  maxValuePreviewBytes: count.optional(),
  maxStreamsPerSocket: count.optional(),
  maxStreamsTotal: count.optional(),
  maxSockets: count.optional(),
  maxBatchRecords: count.optional(),
  batchIntervalMs: count.optional(),
  highWaterBytes: count.optional(),
} satisfies Record<keyof Limits, unknown>);

export const ConfigFileSchema = z.strictObject({
  /** Lets editors attach a JSON schema; ignored here. */
  $schema: z.string().optional(),
  clusters: z
    .array(ClusterSchema)
    .refine((clusters) => new Set(clusters.map((cluster) => cluster.name)).size === clusters.length, 'cluster names must be unique')
    .optional(),
  readOnly: z.boolean().optional(),
  allowProduce: z.array(z.string().trim().min(1)).optional(),
  extensionIds: z.array(z.string().regex(EXTENSION_ID, 'a Chrome extension id (32 letters a-p)')).optional(),
  allowOrigins: z.array(z.string()).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().trim().min(1).optional(),
  limits: LimitsSchema.optional(),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;
export type ClusterEntry = z.infer<typeof ClusterSchema>;

/** One line per problem, each with its path: `clusters.0.sasl.mechanism: Invalid option: ...`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`).join('\n');
}
