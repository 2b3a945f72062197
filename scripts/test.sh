#!/usr/bin/env bash
# The README's one test command: every test, the browser suite included. The browser suite drives Debian's
# Chromium with CJK fonts, and the concurrency tests also run on a throw-away PostgreSQL cluster the tests start
# themselves from Debian's PostgreSQL binaries; what is missing is installed with apt-get (as root, or through sudo).
# Nothing is downloaded at run time beyond that (never "playwright install") and the OCPP interop folder's npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if ! { command -v fc-list >/dev/null && fc-list :lang=zh | grep -qi "Noto"; }; then missing+=(fonts-noto-cjk); fi
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" != "none" ] && command -v apt-get >/dev/null; then
    echo "Installing for the tests: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian's package starts a cluster of its own; the tests never use it, so it is stopped again.
    if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_ctlcluster >/dev/null; then $sudo pg_ctlcluster --force 15 main stop 2>/dev/null || true; fi
  else
    echo "The tests need ${missing[*]}: install them with 'apt-get update && apt-get install ${missing[*]}' (they will fail until then)." >&2
  fi
fi

# The OCPP interop tests drive charge points built on npm's ocpp-rpc (pinned by its package-lock.json).
interop=ChargeConsole.Tests/Interop/OcppRpc
if [ ! -d "$interop/node_modules/ocpp-rpc" ] && command -v npm >/dev/null; then
  (cd "$interop" && npm ci --no-audit --no-fund --loglevel=error)
fi

exec dotnet test ChargeConsole.sln "$@"
