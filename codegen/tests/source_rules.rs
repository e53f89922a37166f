//! Rules about the generator's own source that the compiler cannot check.

#[path = "source_rules/imports.rs"]
mod imports;

use imports::Crate;
use std::path::{Path, PathBuf};

/// The generator's sources.
fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The runtime's sources.
fn runtime_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/src")
}

/// Every source file of the generator, by path relative to `src/`.
fn sources() -> Vec<(String, String)> {
    imports::sources(&src())
}

/// The generator knows Postman and HTTP, never the API it is run on: not
/// its names, not its formats (a format is a name the vendor checks), not
/// its client's methods (the host's build script passes them).
#[test]
fn names_no_api_of_its_own() {
    for (name, text) in sources() {
        let lower = text.to_ascii_lowercase();
        for word in [
            "plivo",
            "phlo",
            "multi_party",
            "trigger_source",
            "phone-or-sip",
            "phoneorsip",
            "auth_id",
        ] {
            assert!(!lower.contains(word), "{name} mentions `{word}`");
        }
    }
}

/// The pipeline's stages, one folder each, in the order they run. A stage
/// may use its own modules and those of earlier stages, never a later one.
const STAGES: &[&str] = &[
    "read", "draft", "model", "diff", "emit", "xml", "host", "mock",
];

/// Top-level modules every stage may use: they import nothing of the crate.
const SHARED: &[&str] = &["error"];

/// The longest a source file may grow: past it, a file holds more than one
/// concept and should be split.
const MAX_LINES: usize = 400;

/// Stages import one way: read ← draft ← model ← emit. A module uses its own
/// stage, earlier stages and the shared modules; only the crate root (the
/// driver, `lib.rs`) sees every stage, and no stage reaches back into it.
#[test]
fn stages_import_only_earlier_stages() {
    let rank = |name: &str| STAGES.iter().position(|s| *s == name);
    let mut checked = 0;
    for (file, own, targets) in Crate::read(&src()).imports() {
        let Some(first) = own.first() else {
            continue; // The crate root drives every stage.
        };
        let own_rank = rank(first);
        assert!(
            own_rank.is_some() || SHARED.contains(&first.as_str()),
            "{file} is neither in a stage folder ({STAGES:?}) nor shared ({SHARED:?})"
        );
        for target in targets {
            let shown = format!("crate::{}", target.join("::"));
            let Some(stage) = target.first() else {
                panic!("{file} imports from the crate root ({shown}): only lib.rs may");
            };
            // Its own folder (a stage's, or a shared module's submodules).
            if stage == first || (SHARED.contains(&stage.as_str()) && own_rank.is_some()) {
                continue;
            }
            let allowed = matches!((own_rank, rank(stage)), (Some(own), Some(it)) if it <= own);
            assert!(
                allowed,
                "{file} imports {shown}, a later stage or not a stage"
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "found the imports ({checked})");
}

/// No modules import each other, directly or around a loop: each module can
/// be read knowing only the ones it imports.
#[test]
fn no_module_import_cycle() {
    let (cycle, walked) = Crate::read(&src()).import_cycle();
    if let Some(cycle) = cycle {
        panic!("import cycle: {}", cycle.join(" -> "));
    }
    assert!(walked > 20, "walked the modules ({walked})");
}

/// The same for the runtime: a call's path runs one way, from the call's
/// policy down to one attempt and the transport, and no file of the
/// runtime imports another that imports it back.
#[test]
fn no_runtime_module_import_cycle() {
    let (cycle, walked) = Crate::read(&runtime_src()).import_cycle();
    if let Some(cycle) = cycle {
        panic!("import cycle in the runtime: {}", cycle.join(" -> "));
    }
    assert!(walked > 20, "walked the modules ({walked})");
}

/// Files stay small enough to hold one concept each, the runtime's too.
#[test]
fn no_source_file_over_the_limit() {
    for root in [src(), runtime_src()] {
        for (name, text) in imports::sources(&root) {
            let lines = text.lines().count();
            assert!(
                lines <= MAX_LINES,
                "{name} has {lines} lines (limit {MAX_LINES}): split it by concept"
            );
        }
    }
}
