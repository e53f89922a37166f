//! Rules about the generator's own source that the compiler cannot check.

use std::path::Path;

/// Every source file under `src/`, subfolders included, by path relative to
/// `src/` (such as `model/lower.rs`), sorted.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(&root).unwrap().to_string_lossy();
                let name = name.replace(std::path::MAIN_SEPARATOR, "/");
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
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
