import { ClientMessageSchema } from '@kafka-inspector/shared';

/** Request types that name a cluster profile, read from the schemas so a new one is covered. */
export const CLUSTER_SCOPED: ReadonlySet<string> = new Set(ClientMessageSchema.options.filter((option) => 'cluster' in option.shape).map((option) => option.shape.type.value));

/**
 * The request sent to the chosen cluster profile: one that names none gets `cluster`; one that
 * already names a cluster (a tail resumed after a reconnect) keeps it. null leaves the request to
 * the companion's default profile.
 */
export function scopeToCluster<R extends { type: string; cluster?: string }>(request: R, cluster: string | null): R {
  if (cluster === null || request.cluster !== undefined || !CLUSTER_SCOPED.has(request.type)) return request;
  return { ...request, cluster };
}
