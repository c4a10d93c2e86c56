import type { CompanionConfig } from '../config/types';
import { registryClientFor } from './registry-client';
import { RequestError } from '../session/wire-error';
import type { RegistryLookup, RegistryReads } from './schema-handlers';

/** Builds a registry client for a profile's `schemaRegistry` settings (the registry client factory). */
export type RegistryFactory = (settings: unknown) => RegistryReads;

/** One client per profile's settings, kept while the config is: its schema cache is shared by every request. */
const clients = new WeakMap<object, RegistryReads>();

/** The registry of a request's cluster profile (the default one when unnamed), or why there is none. */
export function registryLookup(config: Pick<CompanionConfig, 'clusters'>, factory: RegistryFactory | null): RegistryLookup {
  return (cluster) => {
    const profile = cluster === undefined ? config.clusters[0] : config.clusters.find((c) => c.name === cluster);
    if (!profile) throw new RequestError('NOT_FOUND', cluster === undefined ? 'no Kafka cluster is configured' : `no cluster profile named "${cluster}"`);
    const settings = (profile as { schemaRegistry?: object | null }).schemaRegistry;
    if (!settings || !factory) throw new RequestError('SCHEMA_REGISTRY_UNAVAILABLE', `cluster profile "${profile.name}" has no schemaRegistry in the config`, { cluster: profile.name });
    let client = clients.get(settings);
    if (!client) {
      client = factory(settings);
      clients.set(settings, client);
    }
    return client;
  };
}

/** The schema core's client per profile (registry-client.ts): one cache and one socket pool per registry. */
const factory: RegistryFactory = (settings) => registryClientFor(settings as Parameters<typeof registryClientFor>[0]);

/** The lookup every schema request and schema produce uses. */
export const registryFor = (config: Pick<CompanionConfig, 'clusters'>): RegistryLookup => registryLookup(config, factory);
