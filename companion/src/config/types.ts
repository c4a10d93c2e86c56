import type { RegistrySettings, TopicDecoderSettings } from '../codec/record-decoder';

/** A named Kafka cluster. Secrets are never here in plain text at rest: see ClusterAuth. */
export interface ClusterProfile {
  name: string;
  brokers: string[];
  tls?: TlsOptions | boolean;
  sasl?: SaslOptions;
  /** Set for the built-in demo broker. */
  demo?: boolean;
  /**
   * Longest a tail's Fetch waits at the broker for new data. Real Kafka answers the moment data
   * arrives, so this only sets how often an idle tail asks; brokers that hold the answer for the
   * whole wait (the librdkafka mock) add it to latency and want it small.
   */
  fetchMaxWaitMs?: number;
  /** Its Schema Registry, password resolved and TLS PEMs read (never sent to a client). */
  schemaRegistry?: RegistrySettings;
  /** Local schema files bound to topics, contents read at start, by topic name. */
  schemas?: Record<string, TopicDecoderSettings>;
  /**
   * Consumer groups this companion itself runs on the cluster (the demo's consumer). A broker with
   * no ListGroups (the demo's mock) still lists these, so its Groups tab is not a dead end.
   */
  ownGroups?: string[];
}

export interface TlsOptions {
  /** Paths to PEM files. */
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized?: boolean;
}

export interface SaslOptions {
  mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  username: string;
  /** Resolved password (from `passwordEnv` in the file, or a plain `password`, which is warned about). */
  password: string;
}

export interface Limits {
  /** Largest inbound WebSocket frame (ws maxPayload). */
  maxFrameBytes: number;
  /** Largest single record a client may produce (key + value + headers). */
  maxRecordBytes: number;
  /** Key and value bytes sent per record before truncation. */
  maxValuePreviewBytes: number;
  maxStreamsPerSocket: number;
  /** Open streams across all sockets: many sockets with a few streams each must not exhaust memory. */
  maxStreamsTotal: number;
  /** Paired sockets at once (unpaired ones have a small pool of their own: session/admission.ts). */
  maxSockets: number;
  /** Records per `records` frame. */
  maxBatchRecords: number;
  /** Longest a matching record waits before its batch is sent. */
  batchIntervalMs: number;
  /** Stop pulling from Kafka while the socket holds more than this many unsent bytes. */
  highWaterBytes: number;
}

export interface CompanionConfig {
  host: string;
  port: number;
  token: string;
  /** Where the token file lives (for the start-up message). */
  tokenFile: string | null;
  readOnly: boolean;
  /** Globs of topics that may be produced to; null: every topic. */
  produceAllowList: string[] | null;
  /** Chrome extension ids whose chrome-extension:// origin may connect. */
  extensionIds: string[];
  /**
   * Web origins (scheme://host[:port]) the HTTP bridge answers with CORS (`--allow-origin`).
   * Every other web origin is refused, as on the WebSocket. Omitted: none.
   */
  allowOrigins?: string[];
  clusters: ClusterProfile[];
  limits: Limits;
  /** Folder of the built standalone UI served at `/`, when present. */
  uiDir: string | null;
}

export const DEFAULT_PORT = 7341;

export const DEFAULT_LIMITS: Limits = {
  maxFrameBytes: 4 * 1024 * 1024,
  maxRecordBytes: 1024 * 1024,
  maxValuePreviewBytes: 64 * 1024,
  maxStreamsPerSocket: 16,
  maxStreamsTotal: 64,
  maxSockets: 64,
  maxBatchRecords: 500,
  batchIntervalMs: 25,
  highWaterBytes: 1024 * 1024,
};
