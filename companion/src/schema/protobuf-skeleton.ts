import { RequestError } from '../session/wire-error';

/** Protobuf skeletons need a .proto parser; until one is wired, say so rather than guess. */
export function protobufSkeleton(_source: string): never {
  throw new RequestError('SCHEMA_REGISTRY_ERROR', 'a JSON skeleton for a Protobuf schema is not available yet');
}
