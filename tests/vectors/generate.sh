#!/usr/bin/env bash
# Regenerates signatures.json and tokens.json from the official Plivo SDKs
# (see README.md beside this file). Installs them into a scratch folder
# outside the repository; needs python3 (with venv), node and npm, and the
# PyPI and npm registries. The SDK helpers run offline: the drivers refuse
# any connection that is not to loopback.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scratch="${PLIVO_VECTORS_SCRATCH:-${TMPDIR:-/tmp}/plivo-vectors}"
mkdir -p "$scratch"

# Pinned: the versions the JSON was made with. PyJWT 2 returns str where
# plivo's AccessToken.to_jwt calls .decode(), so the token helper only runs
# with PyJWT 1.x (plivo's metadata leaves it unpinned).
if [ ! -x "$scratch/venv/bin/python" ]; then
  python3 -m venv "$scratch/venv"
fi
"$scratch/venv/bin/pip" install --quiet 'plivo==4.63.0' 'PyJWT==1.7.1'
if [ ! -d "$scratch/node/node_modules/plivo" ]; then
  mkdir -p "$scratch/node"
  (cd "$scratch/node" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent 'plivo@4.79.0')
fi

# Anything that still tried the network would meet a closed loopback port.
export HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 ALL_PROXY=http://127.0.0.1:9
export http_proxy=$HTTP_PROXY https_proxy=$HTTPS_PROXY all_proxy=$ALL_PROXY
unset NO_PROXY no_proxy

NODE_PATH="$scratch/node/node_modules" \
  "$scratch/venv/bin/python" "$here/generate.py" \
  --node-driver "$here/node_sdk.js" --out "$here"
