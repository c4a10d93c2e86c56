import type { SchemaEncoders } from './schema-encode';

/** The schema types the companion can produce with, by the registry's type name. */
export const schemaEncoders: SchemaEncoders = {};
