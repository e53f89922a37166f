//! Rules about the generator's own source that the compiler cannot check.

use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    assert!(out.len() > 5, "found the sources");
    out
}

/// The generator knows Postman and HTTP, never the API it is run on.
#[test]
fn names_no_api_of_its_own() {
    for (name, text) in sources() {
        let lower = text.to_ascii_lowercase();
        for word in ["plivo", "phlo", "multi_party", "trigger_source"] {
            assert!(!lower.contains(word), "{name} mentions `{word}`");
        }
    }
}

/// The SDK's build script compiles these files as a module of its own
/// (`#[path = "codegen/lib.rs"] mod codegen;`), where `crate::` would point at
/// the build script; modules must reach each other through `super::`.
#[test]
fn library_modules_use_relative_paths() {
    for (name, text) in sources() {
        if name == "main.rs" {
            continue;
        }
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            // Paths in strings (option defaults) and code spans are fine.
            let in_code = line
                .match_indices("crate::")
                .any(|(at, _)| !matches!(line[..at].chars().last(), Some('"' | '`')));
            assert!(!in_code, "{name} uses a `crate::` path: {line}");
        }
    }
}
