//! A parameter that changes the answer (a callback URL that makes the API
//! acknowledge at once): the overlay declares it once; the plain method
//! neither takes it nor is typed by its example, and a second method takes
//! it and returns the other answer's type. Before, the other example made
//! every response field optional and a 204 operation answer any JSON.

use postman_codegen::{Options, Source, generate};
use serde_json::json;

const VARIANTS: &str = r#""response_variants": [{"example": "Async", "params": ["cb_url", "cb_method"],
    "suffix": "later", "params_type": "Callback", "type_name": "Accepted"}]"#;

fn collection() -> String {
    let body = |raw: &str| json!({ "mode": "raw", "raw": raw, "options": { "raw": { "language": "json" } } });
    let accepted = json!({ "name": "Async", "code": 202, "body": "{\"id\": \"r1\", \"message\": \"spawned\"}" });
    json!({
        "info": { "name": "V", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        "item": [
            { "name": "Stop", "request": { "method": "DELETE", "url": "https://api.example.com/jobs/{id}",
                "body": body("{\"cb_url\": \"https://me.example/cb\", \"cb_method\": \"POST\"}") },
              "response": [{ "name": "done", "code": 204, "body": "" }, accepted.clone()] },
            { "name": "Get", "request": { "method": "GET", "url": {
                "raw": "https://api.example.com/jobs/{id}?cb_url=", "host": ["api", "example", "com"],
                "path": ["jobs", "{id}"], "query": [{ "key": "cb_url", "value": "", "disabled": true }] } },
              "response": [{ "name": "ok", "code": 200, "body": "{\"id\": \"j1\", \"size\": 3}" }, accepted.clone()] },
            { "name": "Touch", "request": { "method": "POST", "url": "https://api.example.com/jobs/{id}/touch",
                "body": body("{\"note\": \"x\"}") },
              "response": [{ "name": "ok", "code": 200, "body": "{\"touched\": true}" }, accepted] }
        ]
    })
    .to_string()
}

fn code() -> String {
    let collection = collection();
    let overlay = format!("{{{VARIANTS}}}");
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
    .unwrap_or_else(|e| panic!("{e}"))
    .code
}

#[test]
fn the_plain_method_and_the_variant_have_their_own_types() {
    let code = code();
    // The plain answers type the plain methods: no body, no JSON, no
    // optional fields from the other answer.
    assert!(
        code.contains("pub fn delete(&self) -> rt::Call<()>"),
        "{code}"
    );
    assert!(code.contains("pub size: i64,"), "{code}");
    assert!(!code.contains("pub size: Option<i64>"), "{code}");
    // The variant takes the parameters (the switch required) and answers
    // the other type, for the body and the query alike.
    assert!(
        code.contains("pub fn delete_later(&self, callback: &Callback) -> rt::Call<Accepted>"),
        "{code}"
    );
    assert!(
        code.contains("pub fn get_later(&self, callback: &Callback) -> rt::Call<Accepted>"),
        "{code}"
    );
    assert!(code.contains("pub cb_url: String,"), "{code}");
    assert!(
        code.contains(".query(\"cb_url\", Some(callback.cb_url.as_str()))"),
        "{code}"
    );
    assert!(
        code.contains("rt::WriteJson::write_json(callback, object)?;"),
        "{code}"
    );
    // The mock answers the other example to a request that carries the switch.
    assert!(
        code.contains(r#"Example::new("Async", 202"#) && code.contains(r#".when("cb_url")"#),
        "{code}"
    );
    // An operation whose request has no such parameter keeps one method,
    // typed by its own answer alone.
    assert!(!code.contains("touch_later"), "{code}");
    assert!(code.contains("pub touched: bool,"), "{code}");
}

#[test]
fn two_overlays_that_disagree_on_a_variant_are_an_error() {
    let collection = collection();
    let a = format!("{{{VARIANTS}}}");
    let b = format!("{{{}}}", VARIANTS.replace("\"later\"", "\"async\""));
    let err = postman_codegen::generate_spec(
        &postman_codegen::Spec {
            collections: vec![Source {
                name: "c.json",
                text: &collection,
            }],
            overlays: vec![
                Source {
                    name: "a.json",
                    text: &a,
                },
                Source {
                    name: "b.json",
                    text: &b,
                },
            ],
        },
        &Options::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("b.json") && err.contains("response_variants"),
        "{err}"
    );
}
