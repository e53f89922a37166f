#!/usr/bin/env bash
# What the API's size costs a build of `plivo`, per choice of resource
# groups: every group (the default), the PHLO group alone (the 12
# operations the crate had before the whole API) and the messages group
# alone. For each: a cold build of the plivo crate (its dependencies already
# built; `cargo clean -p plivo -p plivo-spec` first) and a warm `cargo
# check` after touching its source, timed as wall clock and as CPU (user +
# system, which other work on the machine disturbs less). Before them, one
# cold build of everything from an empty target folder, with every group.
#
#   sdk/benches/group_cost.sh [target-dir]   (default: a fresh temp folder)
#
# The figures and the machine they came from: docs/build-cost.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${1:-$(mktemp -d)}"
export CARGO_TARGET_DIR="$target"
export CARGO_INCREMENTAL=1

timed() { # label, command...
  local label="$1"
  shift
  /usr/bin/time -f "$label: %e s wall, %U+%S s CPU" "$@" >/dev/null 2>/tmp/group_cost.$$ ||
    { cat /tmp/group_cost.$$; exit 1; }
  tail -n 1 /tmp/group_cost.$$
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
timed "cold, everything (empty target), every group" cargo build -q -p plivo
for groups in "rustls,full" "rustls,phlo" "rustls,messages"; do
  flags=(--no-default-features --features "$groups")
  cargo clean -q -p plivo -p plivo-spec
  timed "cold plivo, $groups" cargo build -q -p plivo "${flags[@]}"
  cargo check -q -p plivo "${flags[@]}" # the dependencies' metadata, untimed
  touch sdk/src/lib.rs
  timed "warm check, $groups" cargo check -q -p plivo "${flags[@]}"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
