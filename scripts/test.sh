#!/usr/bin/env bash
# `npm test`: system prerequisites, static checks, then every Vitest project.
set -euo pipefail
cd "$(dirname "$0")/.."

# kcat: test/integration/kcat-produce-command.test.ts runs the panel's "Copy as kcat" command for real.
bash scripts/ensure-system-deps.sh broker chromium kcat openssl xvfb

# The static checks in two lanes, one per core of a 2-core CI machine (measured on this 2-core
# machine: 93 s one after the other, 69-78 s in two lanes). The extension's build (the e2e suite
# drives the built extension and standalone page) and its typecheck (`wxt prepare`) both write
# extension/.wxt, so they share a lane, one after the other. Both lanes run to the end, so a
# failure in one does not hide the other's.
npm run --silent build >/dev/null && npm run --silent typecheck --workspace extension && npm run --silent lint &
extension_lane=$!
npm run --silent typecheck:node &
node_lane=$!
failed=0
wait "$extension_lane" || failed=1
wait "$node_lane" || failed=1
if [ "$failed" -ne 0 ]; then
  echo "npm test: the build, a typecheck or lint failed (see above)" >&2
  exit 1
fi

npx vitest run "$@"
