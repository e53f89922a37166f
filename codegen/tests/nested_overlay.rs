//! The overlay reaches nested fields by path (`meta.next`,
//! `objects[].time`): enums, timestamps, types and required-ness at any
//! depth; a path through no field is an error, never silently lost. A
//! response field that holds a credential reads as `rt::Secret`.

use postman_codegen::{Options, Source, generate};
use serde_json::json;

fn code(body: &str, response: &str, overlay: serde_json::Value) -> Result<String, String> {
    let collection = json!({
        "info": { "name": "N", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        "item": [{
            "name": "Send",
            "request": {
                "method": "POST",
                "url": "https://api.example.com/things",
                "body": { "mode": "raw", "raw": body, "options": { "raw": { "language": "json" } } }
            },
            "response": [{ "name": "ok", "code": 200, "body": response }]
        }]
    })
    .to_string();
    let overlay = overlay.to_string();
    generate(
        Source {
            name: "c.json",
            text: &collection,
        },
        Some(Source {
            name: "o.json",
            text: &overlay,
        }),
        &Options::default(),
    )
    .map(|o| o.code)
    .map_err(|e| e.to_string())
}

#[test]
fn response_fields_reach_into_objects_and_lists() {
    let response = r#"{"meta": {"next": null}, "objects": [{"time": "2024-05-14 09:20:14", "kind": "a"}], "auth_token": "fake-1"}"#;
    let overlay = json!({ "operations": [{ "item": ["Send"], "response_fields": {
        "meta.next": { "type": "string" },
        "objects[].time": { "format": "timestamp" },
        "objects[].kind": { "enum": ["a", "b"], "type_name": "Kind", "description": "What it is." }
    }}]});
    let code = code("{}", response, overlay).unwrap();
    assert!(code.contains("pub next: Option<String>,"), "{code}");
    assert!(code.contains("pub time: rt::Timestamp,"), "{code}");
    assert!(code.contains("pub kind: Kind,"), "{code}");
    assert!(code.contains("/// What it is."), "{code}");
    assert!(code.contains("pub auth_token: rt::Secret,"), "{code}");
}

#[test]
fn nested_request_fields_take_required_ness_from_the_overlay() {
    let body = r#"{"address": {"street": "1 Main St", "city": "Springfield"}}"#;
    let overlay = json!({ "operations": [{ "item": ["Send"], "fields": {
        "address.city": { "required": false }
    }}]});
    let code = code(body, "{}", overlay).unwrap();
    assert!(code.contains("pub street: String,"), "{code}");
    assert!(code.contains("pub city: Option<String>,"), "{code}");
}

#[test]
fn a_path_through_no_field_is_an_error() {
    let overlay = json!({ "operations": [{ "item": ["Send"], "response_fields": {
        "nothing.here": { "format": "timestamp" }
    }}]});
    let err = code("{}", r#"{"objects": [{"time": "x"}]}"#, overlay).unwrap_err();
    assert!(err.contains("`nothing.here`"), "{err}");
    // The last step may name a field no example shows, as at the top: the
    // overlay declares it, so it is added, optional.
    let overlay = json!({ "operations": [{ "item": ["Send"], "response_fields": {
        "objects[].seen": { "format": "timestamp" }
    }}]});
    let code = code("{}", r#"{"objects": [{"time": "x"}]}"#, overlay).unwrap();
    assert!(code.contains("pub seen: Option<rt::Timestamp>,"), "{code}");
}
