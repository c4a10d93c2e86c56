import { z } from 'zod';

/** 64-bit integers travel as decimal strings: JSON numbers lose precision past 2^53. */
export const Int64StringSchema = z.string().regex(/^-?\d{1,19}$/, 'a decimal 64-bit integer string');

/** Client-chosen request id, echoed in the reply. */
export const RequestIdSchema = z.string().min(1).max(64);

export const TopicNameSchema = z
  .string()
  .min(1)
  .max(249)
  .regex(/^[a-zA-Z0-9._-]+$/, 'a Kafka topic name (letters, digits, ".", "_", "-")');

export const PartitionSchema = z.number().int().min(0).max(1_000_000);

/** Cluster profile name; omitted means the default profile. */
export const ClusterNameSchema = z.string().min(1).max(100);

export const StreamIdSchema = z.string().min(1).max(64);
