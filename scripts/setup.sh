#!/usr/bin/env bash
# One-time set-up of a fresh machine: system packages, then the project's npm dependencies.
# The local database servers are fetched and built on first use (electron/sandbox/servers), except
# moto (S3 + ImportTable), installed here into a virtual environment in the server cache.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)   # DynamoDB Local
command -v go >/dev/null 2>&1 || need+=(golang-go)                # builds FerretDB
[ -x /usr/bin/chromium ] || need+=(chromium)                      # Playwright's browser
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)  # moto: S3 + ImportTable
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Missing system packages: ${need[*]} (install them with: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
fi

# Electron's binary is hosted where some networks cannot reach; the console's tests do not need it.
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
npm ci --no-audit --no-fund

# Into the same cache as the other servers (electron/sandbox/servers/cache-dir.ts); done once.
npx tsx scripts/servers.ts --install-moto
