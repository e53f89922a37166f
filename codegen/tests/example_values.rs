//! The example values an operation's docs and example call show: each
//! item's own, never a `{{variable}}` the collection leaves without a value.

use postman_codegen::{Options, Source, generate};

const COLLECTION: &str = r#"{
  "info": { "name": "calls", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "variable": [{ "key": "ACCOUNT", "value": "" }],
  "item": [
    {
      "name": "Fetch call",
      "request": {
        "method": "GET",
        "url": {
          "raw": "https://api.example.com/accounts/:account/calls/:sid",
          "host": ["api", "example", "com"],
          "protocol": "https",
          "path": ["accounts", ":account", "calls", ":sid"],
          "variable": [
            { "key": "account", "value": "{{ACCOUNT}}" },
            { "key": "sid", "value": "CA-first" }
          ]
        }
      }
    },
    {
      "name": "Call feedback",
      "request": {
        "method": "GET",
        "url": {
          "raw": "https://api.example.com/accounts/:account/calls/:sid/feedback",
          "host": ["api", "example", "com"],
          "protocol": "https",
          "path": ["accounts", ":account", "calls", ":sid", "feedback"],
          "variable": [
            { "key": "account", "value": "AC-own" },
            { "key": "sid", "value": "CA-second" }
          ]
        }
      }
    }
  ]
}"#;

/// The example call of the operation from `item`, as emitted.
fn example_call(code: &str, item: &str) -> String {
    // Each example call is documented by its item's name alone.
    let doc = format!("/// {item}\n    pub fn call_");
    let start = code
        .find(&doc)
        .unwrap_or_else(|| panic!("no example call for {item}:\n{code}"));
    let rest = &code[start..];
    let end = rest.find("\n    }").unwrap_or(rest.len());
    rest[..end].to_owned()
}

#[test]
fn each_example_call_uses_its_own_items_path_values() {
    let out = generate(
        Source {
            name: "calls.json",
            text: COLLECTION,
        },
        None,
        &Options::default().with_example_calls(true),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let first = example_call(&out.code, "Fetch call");
    let second = example_call(&out.code, "Call feedback");
    assert!(first.contains("\"CA-first\""), "{first}");
    // The handle `calls(sid)` is shared, and its example is the first
    // item's; the second item's call still shows its own values.
    assert!(second.contains("\"CA-second\""), "{second}");
    assert!(second.contains("\"AC-own\""), "{second}");
    // `{{ACCOUNT}}` has no value: a placeholder, never the raw variable.
    assert!(!out.code.contains("{{ACCOUNT}}"), "{}", out.code);
    assert!(first.contains("\"account\""), "{first}");
}
