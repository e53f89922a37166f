#!/usr/bin/env bash
# Generated Rust per operation, and a warm `cargo check` of one module.
#
#   codegen/benches/size.sh [CORPUS_DIR]          bytes and KB per operation
#   codegen/benches/size.sh --check FILE.rs       seconds of a warm check
#
# The check compiles FILE.rs (a module the first form wrote to
# target/size/) in a scratch crate that depends on postman-runtime alone,
# with its own target dir under target/size/, then touches the module and
# times `cargo check` again: the cost of one edit to a generated module.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/target/size"
mkdir -p "$out"

if [ "${1:-}" = "--check" ]; then
  module="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  crate="$out/check"
  mkdir -p "$crate/src"
  cat >"$crate/Cargo.toml" <<TOML
[package]
name = "size-check"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
postman-runtime = { path = "$root/codegen/runtime", default-features = false }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
TOML
  cp "$root/Cargo.lock" "$crate/Cargo.lock"
  cat >"$crate/src/lib.rs" <<'RUST'
//! One generated module, checked against the runtime alone.
#![allow(dead_code)]
/// The client the module extends.
#[derive(Debug, Clone)]
pub struct Client(pub ::postman_runtime::Client);
impl ::std::convert::AsRef<::postman_runtime::Client> for Client {
    fn as_ref(&self) -> &::postman_runtime::Client {
        &self.0
    }
}
/// The generated module.
pub mod api {
    include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/generated.rs"));
}
RUST
  cp "$module" "$crate/src/generated.rs"
  export CARGO_TARGET_DIR="$out/check-target"
  (cd "$crate" && cargo check --offline --quiet)
  touch "$crate/src/generated.rs"
  start=$(date +%s.%N)
  (cd "$crate" && cargo check --offline --quiet)
  end=$(date +%s.%N)
  echo "warm check of $(basename "$2"): $(echo "$end - $start" | bc) s"
  exit 0
fi

corpus="${1:-${POSTMAN_CORPUS_DIR:-/work/shared/postman-corpus}}"
(cd "$root" && cargo build --release -p postman-codegen --locked --quiet)
printf '%-40s %10s %6s %8s\n' collection bytes ops KB/op
for file in "$corpus"/*.postman.json; do
  name="$(basename "$file" .postman.json)"
  summary="$("$root/target/release/postman-codegen" "$file" --skip-unsupported \
    --out "$out/$name.rs" 2>&1 >/dev/null | grep '^summary' || true)"
  ops="$(echo "$summary" | sed -n 's/^summary: \([0-9]*\) operations.*/\1/p')"
  [ -n "$ops" ] && [ "$ops" -gt 0 ] || continue
  bytes=$(wc -c <"$out/$name.rs")
  printf '%-40s %10d %6d %8.2f\n' "$name" "$bytes" "$ops" "$(echo "$bytes / $ops / 1000" | bc -l)"
done
