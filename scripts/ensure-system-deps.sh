#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo need, when missing:
#   librdkafka-dev + gcc  the test/demo broker (librdkafka's mock cluster, built at first use)
#   chromium              end-to-end tests of the panel (driven by playwright-core)
#   kcat                  the benchmark's C baseline, and the test that runs the panel's kcat produce command
#   openssl               certificates for the TLS tests (a throwaway CA, client certificates)
#   xvfb                  a virtual display for the e2e tests that open real DevTools (headful Chromium)
# Usage: scripts/ensure-system-deps.sh [broker] [chromium] [kcat] [openssl] [xvfb]   (no argument: all of them)
set -euo pipefail

want=("$@")
[ ${#want[@]} -eq 0 ] && want=(broker chromium kcat openssl xvfb)

missing=()
for w in "${want[@]}"; do
  case "$w" in
    broker)
      [ -f /usr/include/librdkafka/rdkafka_mock.h ] || missing+=(librdkafka-dev)
      command -v gcc >/dev/null || missing+=(gcc)
      command -v pkg-config >/dev/null || missing+=(pkg-config)
      ;;
    chromium) command -v chromium >/dev/null || missing+=(chromium) ;;
    kcat) command -v kcat >/dev/null || missing+=(kcat) ;;
    openssl) command -v openssl >/dev/null || missing+=(openssl) ;;
    xvfb) command -v Xvfb >/dev/null || missing+=(xvfb) ;;
    *) echo "ensure-system-deps: unknown component '$w'" >&2; exit 2 ;;
  esac
done

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
