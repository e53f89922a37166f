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
