//! Random mutations of real spec files never make the generator panic: every
//! input gives either a module or an error.

use postman_codegen::{Options, Source, generate};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use std::path::Path;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap()
}

/// Paths (object keys and array indices) to every node of `value`.
fn paths(value: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                here.push(Step::Key(k.clone()));
                paths(v, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                here.push(Step::Index(i));
                paths(v, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn node<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let mut at = value;
    for step in path {
        at = match step {
            Step::Key(k) => at.get_mut(k.as_str())?,
            Step::Index(i) => at.get_mut(*i)?,
        };
    }
    Some(at)
}

/// Values that stress the reader: wrong types, path syntax, placeholders,
/// JSON inside strings, non-ASCII.
fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(Value::Bool(true)),
        Just(serde_json::json!(-1)),
        Just(serde_json::json!(70000)),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!("")),
        Just(serde_json::json!("{")),
        Just(serde_json::json!(":")),
        Just(serde_json::json!("{{")),
        Just(serde_json::json!("{{a_{{b}}}}")),
        Just(serde_json::json!("{\"a\": [1, \"x\", null, {\"b\": 1.5}]}")),
        Just(serde_json::json!("{\"a\": // c\n 1}")),
        Just(serde_json::json!("https://h/{x}/:y/{{z}}?q=1&q=2&f")),
        Just(serde_json::json!("| a | b |\n|---|---|\n| c |")),
        Just(serde_json::json!("é✓\u{0}")),
        "\\PC{0,12}".prop_map(Value::String),
    ]
}

fn check(collection: &str, overlay: Option<&str>) {
    let strict = Options::default();
    let lenient = Options::default().with_skip_unsupported(true);
    for options in [&strict, &lenient] {
        let result = std::panic::catch_unwind(|| {
            generate(
                Source {
                    name: "c.json",
                    text: collection,
                },
                overlay.map(|text| Source {
                    name: "o.json",
                    text,
                }),
                options,
            )
        });
        assert!(
            result.is_ok(),
            "panicked ({options:?}) on:\n{collection}\noverlay: {overlay:?}"
        );
    }
}

fn mutate(text: &str, edits: &[(Index, Value)]) -> String {
    let mut value: Value = serde_json::from_str(text).unwrap();
    for (index, replacement) in edits {
        let mut all = Vec::new();
        paths(&value, &mut Vec::new(), &mut all);
        let path = index.get(&all).clone();
        if let Some(slot) = node(&mut value, &path) {
            *slot = replacement.clone();
        }
    }
    value.to_string()
}

fn corpus() -> [(String, &'static str); 3] {
    [
        (read("../spec/phlo.postman_collection.json"), "spec"),
        (read("tests/fixtures/bodies.postman.json"), "bodies"),
        (read("tests/fixtures/params.postman.json"), "params"),
    ]
}

proptest! {
    // 1,500 cases each in CI; set PROPTEST_CASES for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1500),
        ..ProptestConfig::default()
    })]

    #[test]
    fn structural_mutations_never_panic(
        which in 0usize..3,
        edits in prop::collection::vec((any::<Index>(), replacement()), 1..4),
    ) {
        let (text, _) = &corpus()[which];
        check(&mutate(text, &edits), None);
    }

    #[test]
    fn overlay_mutations_never_panic(
        edits in prop::collection::vec((any::<Index>(), replacement()), 1..4),
    ) {
        let collection = read("../spec/phlo.postman_collection.json");
        let overlay = mutate(&read("../spec/phlo.overlay.json"), &edits);
        check(&collection, Some(&overlay));
    }

    #[test]
    fn text_mutations_never_panic(
        which in 0usize..3,
        cut in any::<Index>(),
        len in 0usize..40,
        insert in "\\PC{0,8}",
    ) {
        let (text, _) = &corpus()[which];
        let mut chars: Vec<char> = text.chars().collect();
        let at = cut.index(chars.len());
        let end = (at + len).min(chars.len());
        chars.splice(at..end, insert.chars());
        check(&chars.into_iter().collect::<String>(), None);
    }
}
