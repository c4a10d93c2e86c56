import { z } from 'zod';

const INT64_MAX = 2n ** 63n - 1n;
/** Not past 2^63-1 (a string the regex already refused passes here: one message is enough). */
const atMostInt64Max = (s: string) => !/^\d+$/.test(s) || BigInt(s) <= INT64_MAX;

/** 64-bit integers travel as decimal strings: JSON numbers lose precision past 2^53. */
export const Int64StringSchema = z.string().regex(/^-?\d{1,19}$/, 'a decimal 64-bit integer string');

/**
 * An offset or a timestamp a client asks for: a decimal string from 0 to 2^63-1. Kafka's -1 and -2
 * are sentinels ("none", "latest", "earliest"), never a position or a time: the start forms say
 * latest/earliest by name, and a negative value is refused rather than clamped.
 */
export const NonNegativeInt64StringSchema = z
  .string()
  .regex(/^\d{1,19}$/, 'a decimal integer string from 0 to 2^63-1 (no sign)')
  .refine(atMostInt64Max, 'a decimal integer string from 0 to 2^63-1 (no sign)');

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
