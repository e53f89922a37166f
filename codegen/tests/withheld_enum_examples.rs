//! A value withheld from an example (the field's name looks like a
//! credential, `confirm_key_method`) is a placeholder; for an enum field
//! that would be a value the API refuses, so the example takes the first
//! listed value instead and still runs.

use postman_codegen::{DocExamples, Options, Source, generate};
use serde_json::json;

#[test]
fn an_enum_whose_example_is_withheld_shows_its_first_value() {
    let collection = json!({
        "info": { "name": "E", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        "item": [{
            "name": "Dial",
            "request": {
                "method": "POST",
                "url": "https://api.example.com/dials",
                "body": { "mode": "raw", "raw": "{\"to\": \"a\", \"confirm_key_method\": \"POST\"}", "options": { "raw": { "language": "json" } } }
            }
        }]
    })
    .to_string();
    let overlay = json!({
        "operations": [{
            "item": ["Dial"],
            "fields": { "confirm_key_method": { "enum": ["GET", "POST"], "type_name": "Verb" } }
        }]
    })
    .to_string();
    let options = Options::default().with_doc_examples(DocExamples {
        types_path: "api".into(),
        prologue: vec![],
        epilogue: vec![],
    });
    let code = generate(
        Source {
            name: "c.json",
            text: &collection,
        },
        Some(Source {
            name: "o.json",
            text: &overlay,
        }),
        &options,
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .code;
    assert!(
        code.contains("confirm_key_method: api::Verb::Get,"),
        "{code}"
    );
    assert!(!code.contains("<confirm_key_method>"), "{code}");
}
