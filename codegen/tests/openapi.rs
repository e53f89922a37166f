//! OpenAPI documents through the same generator: each fixture of
//! `tests/fixtures/openapi` generates (its module held byte for byte in a
//! snapshot), and each hard schema case is decided as the model says.

use postman_codegen::{Options, Source, generate_openapi, generate_openapi_file};
use std::path::Path;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/openapi")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

fn generated(name: &str) -> postman_codegen::Output {
    let text = fixture(name);
    generate_openapi(&[Source { name, text: &text }], &Options::default()).expect("generates")
}

#[test]
fn schema_cases_generate_as_the_model_decides() {
    let out = generated("schemas.yaml");
    let code = &out.code;
    assert_eq!(out.operations, 3, "{}", out.summary());
    // Recursion: boxed where the loop closes, not inside a list.
    assert!(code.contains("pub parent: Option<Box<Node>>"), "{code}");
    assert!(code.contains("pub children: Option<Vec<Node>>"), "{code}");
    // Formats: date-time is a timestamp, int64 an i64; uuid and
    // read-only stay text, optional.
    assert!(
        code.contains("pub created: Option<rt::Timestamp>"),
        "{code}"
    );
    assert!(code.contains("pub id: Option<String>"), "{code}");
    // Maps.
    assert!(
        code.contains("pub by_name: ::std::collections::BTreeMap<String, Shape>"),
        "{code}"
    );
    assert!(
        code.contains("pub counts: Option<::std::collections::BTreeMap<String, i64>>"),
        "{code}"
    );
    // oneOf with a discriminator: a union read by its tag, with a catch-all.
    assert!(code.contains("pub enum Shape"), "{code}");
    assert!(code.contains("Other(JsonValue)"), "{code}");
    assert!(code.contains(r#"matches!(tag, Some("circle"))"#), "{code}");
    // allOf merged: Circle has Base's fields and its own.
    let circle = code.split("pub struct Circle").nth(1).expect("Circle");
    assert!(
        circle
            .split("pub struct")
            .next()
            .is_some_and(|c| c.contains("pub kind: String") && c.contains("pub radius: f64"))
    );
    // A 3.1 list of types is a union of both; `[string, null]` is optional text.
    assert!(
        code.contains("pub label: Option<ListShapesResponseLabel>"),
        "{code}"
    );
    assert!(code.contains("pub note: Option<String>"), "{code}");
    // An enum keeps values it does not list.
    assert!(code.contains("pub enum Color"), "{code}");
    assert!(
        !code.contains("pub enum SquareColor"),
        "one type for the same values: {code}"
    );
    // Deprecated, defaults and write-only are shown in rustdoc.
    assert!(code.contains("**Deprecated.**"), "{code}");
    assert!(code.contains("Default: `10`."), "{code}");
    assert!(code.contains("Write-only"), "{code}");
    // What cannot be typed exactly is any JSON, documented, with a warning.
    assert!(code.contains("pub weird: Option<JsonValue>"), "{code}");
    assert!(
        out.warnings.iter().any(|w| w.message.contains("allOf")),
        "{:?}",
        out.warnings
    );
    // Spec text is never code.
    let doc_text = |l: &str| l.trim_start().trim_start_matches('/').trim().to_owned();
    let runnable = |l: &str| {
        doc_text(l).starts_with("```") && !["```", "```text"].contains(&doc_text(l).as_str())
    };
    assert!(!code.lines().any(runnable), "{code}");
    assert!(!code.contains("<script>"), "{code}");
    insta::assert_snapshot!("openapi_schemas", code);
}

#[test]
fn body_kinds_and_security_schemes() {
    let out = generated("bodies.json");
    let code = &out.code;
    assert_eq!(out.operations, 4, "{}", out.summary());
    assert!(code.contains("rt::WriteForm"), "{code}");
    assert!(code.contains("rt::Upload"), "{code}");
    assert!(code.contains("image/png"), "{code}");
    assert!(code.contains("application/pdf"), "{code}");
    // Of two alternatives, the key outside the URL is the one in force.
    assert!(code.contains("\"X-Api-Key\""), "{code}");
    assert!(!code.contains("\"token\""), "{code}");
    // A relative server: its path starts every operation's path.
    assert!(code.contains("/api/v3/forms"), "{code}");
    insta::assert_snapshot!("openapi_bodies", code);
}

#[test]
fn references_across_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/openapi/multi/main.yml");
    let out = generate_openapi_file(&dir, &Options::default()).expect("generates");
    assert_eq!(out.operations, 1);
    assert!(out.code.contains("pub struct Pet"), "{}", out.code);
    assert!(out.code.contains("Vec<Pet>"), "{}", out.code);
    // The same files given as texts generate the same module.
    let names = [
        "m/main.yml",
        "m/models/params.yml",
        "m/models/responses.yml",
        "m/models/pet.yml",
    ];
    let texts: Vec<String> = [
        "main.yml",
        "models/params.yml",
        "models/responses.yml",
        "models/pet.yml",
    ]
    .iter()
    .map(|f| fixture(&format!("multi/{f}")))
    .collect();
    let sources: Vec<Source<'_>> = names
        .iter()
        .zip(&texts)
        .map(|(name, text)| Source { name, text })
        .collect();
    let again = generate_openapi(&sources, &Options::default()).expect("generates");
    assert_eq!(again.operations, 1);
    assert!(again.code.contains("Vec<Pet>"));
}

#[test]
fn a_reference_outside_the_folder_or_to_a_missing_file_is_an_error() {
    let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '../secret.yml'\n";
    let err = generate_openapi(
        &[Source {
            name: "d/main.yml",
            text,
        }],
        &Options::default(),
    )
    .expect_err("refused");
    assert!(
        err.to_string().contains("outside the document's folder"),
        "{err}"
    );
    let text = text.replace("../secret.yml", "missing.yml");
    let err = generate_openapi(
        &[Source {
            name: "d/main.yml",
            text: &text,
        }],
        &Options::default(),
    )
    .expect_err("refused");
    assert!(err.to_string().contains("no such file"), "{err}");
}

#[test]
fn not_openapi_3_is_an_error_not_a_panic() {
    for text in [
        "swagger: '2.0'\n",
        "{}",
        "a: [1",
        "openapi: 3.0.0\npaths: 7\n",
    ] {
        let result = generate_openapi(
            &[Source {
                name: "x.yaml",
                text,
            }],
            &Options::default(),
        );
        if let Ok(out) = result {
            assert_eq!(out.operations, 0, "{text}");
        }
    }
}

#[test]
fn diff_between_two_versions_of_a_document() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/openapi/versions");
    let (old, new) = (dir.join("v1.yaml"), dir.join("v2.yaml"));
    let report = postman_codegen::diff_paths(
        &old.display().to_string(),
        &new.display().to_string(),
        &Options::default(),
    )
    .expect("both sides generate");
    let text = report.render();
    assert!(
        text.contains("verdict: breaking (2 breaking, 2 additive"),
        "{text}"
    );
    assert!(text.contains("field `legacy` removed from `Pet`"), "{text}");
    assert!(
        text.contains("field `tag` of `NewPet` is now required"),
        "{text}"
    );
    assert!(text.contains("operation `pet.delete_pet` added"), "{text}");
    assert!(text.contains("value `pending` added"), "{text}");
    // A document compared with itself: no change.
    let same = postman_codegen::diff_paths(
        &old.display().to_string(),
        &old.display().to_string(),
        &Options::default(),
    )
    .expect("generates");
    assert!(
        same.render().contains("verdict: no change"),
        "{}",
        same.render()
    );
}

/// An example integer beyond `i32` (box.json's `space_amount`, 11345156112,
/// format int64) is written with its type: unsuffixed, a literal passed to
/// a setter taking `impl Into<i64>` is an `i32` and does not compile.
#[test]
fn example_integers_beyond_i32_keep_their_type() {
    let text = r#"{
      "openapi": "3.0.3",
      "info": { "title": "quota", "version": "1" },
      "servers": [{ "url": "https://api.example.com" }],
      "paths": { "/users": { "post": {
        "operationId": "createUser",
        "requestBody": { "content": { "application/json": { "schema": {
          "type": "object",
          "properties": {
            "space_amount": { "type": "integer", "format": "int64", "example": 11345156112 },
            "seats": { "type": "integer", "example": 5 }
          }
        } } } },
        "responses": { "204": { "description": "created" } }
      } } }
    }"#;
    let out = generate_openapi(
        &[Source {
            name: "quota.json",
            text,
        }],
        &Options::default().with_example_calls(true),
    )
    .expect("generates");
    assert!(out.code.contains("(11345156112i64)"), "{}", out.code);
    // A value that fits stays as written.
    assert!(out.code.contains("(5)"), "{}", out.code);
}
