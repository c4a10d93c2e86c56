#!/usr/bin/env bash
# `npm test`: system prerequisites, static checks, then every Vitest project.
set -euo pipefail
cd "$(dirname "$0")/.."

# kcat: test/integration/kcat-produce-command.test.ts runs the panel's "Copy as kcat" command for real.
bash scripts/ensure-system-deps.sh broker chromium kcat openssl xvfb
# The e2e suite drives the built extension and standalone page.
npm run --silent build >/dev/null
npm run --silent typecheck
npm run --silent lint
npx vitest run "$@"
