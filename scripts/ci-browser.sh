#!/usr/bin/env bash
# CI: the browser checks (npm run test:browser) in Debian's Chromium, driven
# by playwright-core, which never downloads a browser of its own. Installs
# the chromium package only when /usr/bin/chromium is missing. Expects
# `npm ci` to have run. Any failure fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "=== /usr/bin/chromium missing: installing Debian's chromium package"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium </dev/null
fi
/usr/bin/chromium --version 2>/dev/null

echo "=== npm run test:browser"
npm run test:browser
