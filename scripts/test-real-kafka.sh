#!/usr/bin/env bash
# `npm run test:real-kafka`: the broker-facing Vitest projects (integration, e2e) again, against a
# real Apache Kafka 3.1 broker. KAFKA_BROKERS set: that cluster. Else the broker in
# ../shared/kafka (developers and CI have it; a user's machine does not), started here and
# stopped on every exit path. Extra arguments go to vitest. With ../shared/schema-registry present
# (and no SCHEMA_REGISTRY_URL given), a Karapace registry is started on that broker too, exported
# as SCHEMA_REGISTRY_URL for the schema tests, and stopped before the broker on every exit path.
set -euo pipefail
cd "$(dirname "$0")/.."

LAUNCHER=../shared/kafka/kafka-broker
REGISTRY_LAUNCHER=../shared/schema-registry/schema-registry
pid=""
registry_pid=""
stop_broker() {
  # The registry first: with its broker gone Karapace ignores SIGTERM and costs a 10 s kill.
  if [ -n "$registry_pid" ]; then
    "$REGISTRY_LAUNCHER" stop "$registry_pid" >/dev/null 2>&1 || kill -9 "$registry_pid" 2>/dev/null || true
    registry_pid=""
  fi
  if [ -n "$pid" ]; then
    "$LAUNCHER" stop "$pid" >/dev/null 2>&1 || kill -9 "$pid" 2>/dev/null || true
    pid=""
  fi
}
trap stop_broker EXIT
trap 'exit 130' INT TERM

if [ -z "${KAFKA_BROKERS:-}" ]; then
  if [ ! -x "$LAUNCHER" ]; then
    echo "test-real-kafka: no KAFKA_BROKERS and no $LAUNCHER; nothing to run against" >&2
    exit 2
  fi
  "$LAUNCHER" deps >&2
  # A short log-cleaner back-off lets the compaction tests see a compacted log within seconds.
  read -r pid KAFKA_BROKERS < <("$LAUNCHER" start --set log.cleaner.backoff.ms=500)
  export KAFKA_BROKERS
  echo "test-real-kafka: Apache Kafka broker $KAFKA_BROKERS (pid $pid)" >&2
fi

if [ -z "${SCHEMA_REGISTRY_URL:-}" ] && [ -x "$REGISTRY_LAUNCHER" ]; then
  "$REGISTRY_LAUNCHER" deps >&2
  read -r registry_pid SCHEMA_REGISTRY_URL < <("$REGISTRY_LAUNCHER" start --kafka "${KAFKA_BROKERS%%,*}")
  export SCHEMA_REGISTRY_URL
  echo "test-real-kafka: schema registry $SCHEMA_REGISTRY_URL (pid $registry_pid)" >&2
fi

bash scripts/ensure-system-deps.sh chromium openssl
npm run --silent build >/dev/null
# Thousands of topics keep a small broker busy for a minute: that file runs alone, after the rest.
THOUSANDS=test/integration/topics-thousands-real-kafka.test.ts
npx vitest run --project "integration*" --project e2e --exclude "$THOUSANDS" "$@"
npx vitest run --project integration "$THOUSANDS"
