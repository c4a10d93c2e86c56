import { MIN_TOKEN_LENGTH } from './token';
import { DEFAULT_PORT } from './types';

/** The --help text: every flag, the environment variable behind it and the config file keys. */
export function helpText(): string {
  return `Usage: kafka-inspector [options]
       kafka-inspector install-browser-host [--browser-dir DIR]... [--config-dir DIR]
       kafka-inspector uninstall-browser-host [--browser-dir DIR]... [--config-dir DIR]

Starts the Kafka Inspector companion: a local gateway between your browser (DevTools panel or the
page it serves) and Kafka. With no cluster configured it starts a built-in demo broker.

Commands:
  install-browser-host    Lets the Kafka Inspector extension find the running companion and pair
                          by itself, with no token to paste: registers a native-messaging host for
                          Chrome, Chromium, Edge and Brave (those installed, Linux and macOS), which
                          answers only that extension. Run it again after moving the companion.
  uninstall-browser-host  Removes what install-browser-host wrote.
    --browser-dir DIR     Write to (or remove from) this NativeMessagingHosts folder instead of the
                          browsers' own; repeatable (e.g. <profile>/NativeMessagingHosts for a
                          Chromium started with --user-data-dir)

Options (a flag beats its environment variable, which beats the config file, which beats the default):
  --brokers LIST        Bootstrap brokers, host:port,... as the cluster profile "default"
                        (env KAFKA_BROKERS)
  --schema-registry URL Schema Registry of the default cluster profile (Confluent-compatible, e.g.
                        http://localhost:8081): Avro, Protobuf and JSON Schema records are decoded
  --config FILE         JSON config file (default: <config dir>/config.json when it exists)
  --port N              Port to listen on, 0 for any free port (env KAFKA_INSPECTOR_PORT; default ${DEFAULT_PORT})
  --host H              Address to listen on (default 127.0.0.1). Anything but loopback (127.0.0.0/8,
                        ::1, localhost) exposes the companion to your network: use with care
  --read-only           No produce and no admin requests
  --allow-produce GLOB  Topics that may be produced to; repeatable (default: every topic)
  --token T             Pairing token, instead of the one in <config dir>/token; at least ${MIN_TOKEN_LENGTH} random
                        characters. Other local users can read a flag in /proc/<pid>/cmdline (and ps):
                        prefer the env KAFKA_INSPECTOR_TOKEN or the token file
  --extension-id ID     Chrome extension id allowed to connect; repeatable
                        (env KAFKA_INSPECTOR_EXTENSION_ID, comma-separated)
  --allow-origin ORIGIN Web origin (e.g. http://localhost:3000) allowed to call the HTTP bridge
                        with CORS; repeatable (default: none; never "*"). See docs/http.md
  --demo                Start the demo broker even when clusters are configured
  --no-demo             Never start the demo broker
  --config-dir DIR      Where the token and config.json live (env KAFKA_INSPECTOR_CONFIG_DIR;
                        default $XDG_CONFIG_HOME/kafka-inspector or ~/.config/kafka-inspector)
  -h, --help            Show this help
  -v, --version         Show the version

Config file (JSON):
  {
    "clusters": [{
      "name": "prod",
      "brokers": ["kafka1:9093", "kafka2:9093"],
      "tls": true | { "ca": "ca.pem", "cert": "cert.pem", "key": "key.pem", "rejectUnauthorized": true },
      "sasl": { "mechanism": "plain" | "scram-sha-256" | "scram-sha-512",
                "username": "inspector", "passwordEnv": "KAFKA_PROD_PASSWORD" },
      "fetchMaxWaitMs": 500,
      "schemaRegistry": { "url": "https://registry:8081",
                          "basicAuth": { "username": "inspector", "passwordEnv": "SR_PASSWORD" },
                          "tls": { "ca": "ca.pem" } },
      "schemas": [{ "topic": "orders", "value": { "file": "schemas/order.avsc" },
                    "key": { "file": "protos/key.proto", "messageType": "shop.OrderKey",
                             "importPaths": ["protos"] } }]
    }],
    "readOnly": false, "allowProduce": ["dev.*"], "extensionIds": ["..."],
    "allowOrigins": ["http://localhost:3000"],
    "port": ${DEFAULT_PORT}, "host": "127.0.0.1",
    "limits": { "maxValuePreviewBytes": 65536, ... }
  }
  TLS file paths are relative to the config file. Prefer "passwordEnv" to a plain "password".
  fetchMaxWaitMs: how long a tail's Fetch may wait at the broker (real Kafka answers as soon as
  data arrives; a broker that holds the answer for the whole wait needs it small).
  schemas: local schema files bound to a topic's key and/or value (.avsc Avro, .proto Protobuf,
  .json JSON Schema), read at start, for clusters without a registry.
  Credentials stay in the companion; they never reach the browser.
`;
}
