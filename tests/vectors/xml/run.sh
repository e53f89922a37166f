#!/usr/bin/env bash
# Regenerates sdk-output.json: every document of documents.json built with
# the official Python and Node SDKs' XML builders. Installs them outside the
# repository (a scratch folder, removed afterwards, or XML_VECTORS_WORK to
# keep it), from PyPI and npm only; builds no client and uses no network
# beyond the installs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python_version="4.63.0"
node_version="4.79.0"
work="${XML_VECTORS_WORK:-$(mktemp -d)}"
if [ -z "${XML_VECTORS_WORK:-}" ]; then trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work/node"
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet "plivo==$python_version"
fi
if [ ! -d "$work/node/node_modules/plivo" ]; then
  (cd "$work/node" && npm init -y >/dev/null && npm install --silent "plivo@$node_version" >/dev/null)
fi
"$work/venv/bin/python" "$here/python_builder.py" "$here/documents.json" >"$work/python.json"
NODE_PATH="$work/node/node_modules" node "$here/node_builder.js" "$here/documents.json" >"$work/node.json"
"$work/venv/bin/python" - "$work/python.json" "$work/node.json" "$python_version" "$node_version" \
  >"$here/sdk-output.json" <<'PY'
import json, sys
python, node = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
out = {
    "$comment": "Written by run.sh: each document of documents.json as the official SDKs build it. Do not edit.",
    "sdks": {"python": "plivo==" + sys.argv[3], "node": "plivo@" + sys.argv[4]},
    "documents": {id: {"python": python[id], "node": node[id]} for id in sorted(python)},
}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
PY
echo "wrote $here/sdk-output.json"
