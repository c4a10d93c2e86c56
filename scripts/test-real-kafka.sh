#!/usr/bin/env bash
# `npm run test:real-kafka`: the broker-facing Vitest projects (integration, e2e) again, against a
# real Apache Kafka 3.1 broker. KAFKA_BROKERS set: that cluster. Else the broker in
# ../shared/kafka (developers and CI have it; a user's machine does not), started here and
# stopped on every exit path. Extra arguments go to vitest.
set -euo pipefail
cd "$(dirname "$0")/.."

LAUNCHER=../shared/kafka/kafka-broker
pid=""
stop_broker() {
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

bash scripts/ensure-system-deps.sh chromium openssl
npm run --silent build >/dev/null
# Thousands of topics keep a small broker busy for a minute: that file runs alone, after the rest.
THOUSANDS=test/integration/topics-thousands-real-kafka.test.ts
npx vitest run --project integration --project e2e --exclude "$THOUSANDS" "$@"
npx vitest run --project integration "$THOUSANDS"
