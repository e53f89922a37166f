//! Every error names the file, the item and the problem; none panics.

use postman_codegen::{ErrorKind, Options, Source, generate, generate_dir};

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

fn collection(items: &str) -> String {
    format!(r#"{{"info": {{"name": "T", "schema": "{SCHEMA}"}}, "item": {items}}}"#)
}

fn item(name: &str, request: &str) -> String {
    format!(r#"{{"name": "{name}", "request": {request}}}"#)
}

fn error_of(text: &str, overlay: Option<&str>) -> String {
    let source = Source {
        name: "spec/api.postman_collection.json",
        text,
    };
    let overlay = overlay.map(|text| Source {
        name: "spec/api.overlay.json",
        text,
    });
    generate(source, overlay, &Options::default())
        .expect_err("generation fails")
        .to_string()
}

#[test]
fn malformed_collection_json_has_line_and_column() {
    let err = error_of("{\n  \"info\": {\n    \"name\": ,\n", None);
    assert_eq!(
        err,
        "spec/api.postman_collection.json: the collection is not valid JSON at line 3, \
         column 13: expected value"
    );
}

/// A request body that is not JSON even read leniently no longer fails the
/// collection: the operation takes its body untyped, and the warning names
/// the item and the position.
#[test]
fn malformed_body_json_names_the_item_and_position() {
    let body = r#"{"mode": "raw", "raw": "{\n  \"a\": 1,\n  \"b\": }", "options": {"raw": {"language": "json"}}}"#;
    let text = collection(&format!(
        r#"[{{"name": "F", "item": [{}]}}]"#,
        item(
            "Make",
            &format!(r#"{{"method": "POST", "url": "https://x.io/a", "body": {body}}}"#)
        )
    ));
    let source = Source {
        name: "spec/api.postman_collection.json",
        text: &text,
    };
    let output = generate(source, None, &Options::default()).expect("the item is kept");
    assert_eq!(output.operations, 1);
    let warnings: Vec<String> = output.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "spec/api.postman_collection.json: item \"F / Make\": kept untyped: the request body \
          is not valid JSON at line 3, column 8: expected value"
        ]
    );
    assert_eq!(output.warnings[0].reason, None, "not a skipped item");
    assert!(
        output
            .code
            .contains("body: Option<&JsonMap<String, JsonValue>>"),
        "{}",
        output.code
    );
}

#[test]
fn shapes_that_are_not_a_collection() {
    assert_eq!(
        error_of("[]", None),
        "spec/api.postman_collection.json: unexpected format: the collection must be a JSON object"
    );
    assert_eq!(
        error_of(r#"{"item": []}"#, None),
        "spec/api.postman_collection.json: unexpected format: missing `info` object"
    );
    let text = collection(&format!(
        "[{}]",
        item("Bad", r#"{"method": 5, "url": "https://x.io"}"#)
    ));
    assert_eq!(
        error_of(&text, None),
        "spec/api.postman_collection.json: item \"Bad\": unexpected format: `method` must be a string"
    );
    let text = collection(r#"[{"name": "Nothing"}]"#);
    assert_eq!(
        error_of(&text, None),
        "spec/api.postman_collection.json: item \"Nothing\": unexpected format: an item needs \
         either `request` (a request) or `item` (a folder)"
    );
}

#[test]
fn unsupported_versions() {
    assert_eq!(
        error_of(r#"{"id": "x", "requests": []}"#, None),
        "spec/api.postman_collection.json: unsupported: Postman Collection v1; export the \
         collection as v2.1"
    );
    let text = r#"{"info": {"name": "T", "schema": "https://example.com/v9.json"}, "item": []}"#;
    assert_eq!(
        error_of(text, None),
        "spec/api.postman_collection.json: unsupported: schema `https://example.com/v9.json`; \
         only Postman Collection v2.0 and v2.1 are read"
    );
}

#[test]
fn unsupported_items_fail_by_default() {
    // Every body mode Postman defines is an operation; an unknown one is not.
    let supported = [
        r#"{"mode": "graphql", "graphql": {"query": "{a}"}}"#,
        r#"{"mode": "urlencoded", "urlencoded": []}"#,
        r#"{"mode": "formdata", "formdata": []}"#,
        r#"{"mode": "raw", "raw": "<a/>", "options": {"raw": {"language": "xml"}}}"#,
        r#"{"mode": "raw", "raw": "hello"}"#,
        r#"{"mode": "file", "file": {}}"#,
    ];
    for body in supported {
        let request = format!(r#"{{"method": "POST", "url": "https://x.io/a", "body": {body}}}"#);
        let text = collection(&format!("[{}]", item("Op", &request)));
        let source = Source {
            name: "spec/api.postman_collection.json",
            text: &text,
        };
        let output = generate(source, None, &Options::default());
        assert_eq!(output.map(|o| o.operations).ok(), Some(1), "{body}");
    }
    let request = r#"{"method": "POST", "url": "https://x.io/a", "body": {"mode": "weird"}}"#;
    let text = collection(&format!("[{}]", item("Op", request)));
    assert!(error_of(&text, None).ends_with("unsupported: body mode `weird`"));
    let request = r#"{"method": "PURGE", "url": "https://x.io/a"}"#;
    let text = collection(&format!("[{}]", item("Op", request)));
    assert!(error_of(&text, None).ends_with("unsupported: HTTP method `PURGE`"));
}

#[test]
fn bad_urls() {
    let request = r#"{"method": "GET", "url": "https://x.io/a/{unclosed"}"#;
    let text = collection(&format!("[{}]", item("Op", request)));
    assert_eq!(
        error_of(&text, None),
        "spec/api.postman_collection.json: item \"Op\": invalid URL: path segment `{unclosed` \
         has an unclosed `{`"
    );
    let request = r#"{"method": "GET", "url": ""}"#;
    let text = collection(&format!("[{}]", item("Op", request)));
    assert!(error_of(&text, None).ends_with("invalid URL: the URL is empty"));
}

fn seedlike() -> String {
    let body = r#"{"mode": "raw", "raw": "{\"action\": \"call\", \"to\": \"1\"}", "options": {"raw": {"language": "json"}}}"#;
    collection(&format!(
        r#"[{}, {}]"#,
        item(
            "Call",
            &format!(r#"{{"method": "POST", "url": "https://x.io/n/{{id}}", "body": {body}}}"#)
        ),
        item("Look", r#"{"method": "GET", "url": "https://x.io/n/{id}"}"#)
    ))
}

#[test]
fn overlay_mistakes() {
    let cases = [
        (
            "{",
            "spec/api.overlay.json: the overlay is not valid JSON at line 1, column 1: EOF while parsing an object",
        ),
        (
            r#"{"operation": []}"#,
            "spec/api.overlay.json: overlay: the overlay has unknown key `operation` (allowed: resources, params, doc_examples, response_variants, pagination, operations)",
        ),
        (
            r#"{"operations": [{"item": ["Nope"]}]}"#,
            "spec/api.overlay.json: overlay: operation \"Nope\" matches no item",
        ),
        (
            r#"{"operations": [{"item": ["Call"], "nmae": "x"}]}"#,
            "spec/api.overlay.json: overlay: `operations[0]` has unknown key `nmae` (allowed: item, method, name, description, request_type, response_type, idempotent, body, fields, response_fields, pagination)",
        ),
        (
            r#"{"operations": [{"item": ["Call"], "fields": {"action": {"constant": "hangup"}}}]}"#,
            "spec/api.postman_collection.json: item \"Call\": overlay: field `action` is declared constant \"hangup\" but the example sends \"call\"",
        ),
        (
            r#"{"operations": [{"item": ["Look"], "fields": {"to": {"type": "string"}}}]}"#,
            "spec/api.postman_collection.json: item \"Look\": overlay: field `to` is declared but the request has no body",
        ),
        (
            r#"{"operations": [{"item": ["Call"], "fields": {"to": {"format": " "}}}]}"#,
            "spec/api.overlay.json: overlay: `operations[0]`.fields.to.format must name a format",
        ),
        (
            r#"{"doc_examples": {"prologue": ["let client = x();"]}}"#,
            "spec/api.overlay.json: overlay: `doc_examples` needs `types_path`",
        ),
        (
            r#"{"params": {"id": {"format": 1}}}"#,
            "spec/api.overlay.json: overlay: `params`.id.format must be a string",
        ),
        (
            r#"{"operations": [{"item": ["Call"], "fields": {"role": {"enum": []}}}]}"#,
            "spec/api.overlay.json: overlay: `operations[0]`.fields.role.enum must be a non-empty array",
        ),
    ];
    for (overlay, expected) in cases {
        assert_eq!(error_of(&seedlike(), Some(overlay)), expected, "{overlay}");
    }
}

#[test]
fn ambiguous_overlay_entries_ask_for_a_method() {
    let text = collection(&format!(
        "[{}, {}]",
        item("Same", r#"{"method": "GET", "url": "https://x.io/a"}"#),
        item("Same", r#"{"method": "DELETE", "url": "https://x.io/a"}"#)
    ));
    let overlay = r#"{"operations": [{"item": ["Same"], "name": "x"}]}"#;
    assert_eq!(
        error_of(&text, Some(overlay)),
        "spec/api.overlay.json: overlay: operation \"Same\" matches 2 items; add `method` to pick one"
    );
    let overlay = r#"{"operations": [{"item": ["Same"], "method": "delete", "name": "remove"}]}"#;
    let source = Source {
        name: "c.json",
        text: &text,
    };
    let ok = generate(
        source,
        Some(Source {
            name: "o.json",
            text: overlay,
        }),
        &Options::default(),
    );
    assert!(ok.unwrap().code.contains("pub fn remove("));
}

#[test]
fn name_conflicts_from_the_overlay() {
    let overlay =
        r#"{"operations": [{"item": ["Call"], "name": "go"}, {"item": ["Look"], "name": "go"}]}"#;
    assert_eq!(
        error_of(&seedlike(), Some(overlay)),
        "spec/api.postman_collection.json: item \"Look\": name conflict: method name `go` is \
         already used on the same resource"
    );
    let overlay = r#"{"operations": [{"item": ["Call"], "request_type": "Thing", "response_type": "Thing"}]}"#;
    assert_eq!(
        error_of(&seedlike(), Some(overlay)),
        "spec/api.overlay.json: overlay: `Thing` is used both as a request and as a response type"
    );
    let overlay = r#"{"operations": [{"item": ["Call"], "request_type": "call body"}]}"#;
    assert_eq!(
        error_of(&seedlike(), Some(overlay)),
        "spec/api.overlay.json: overlay: `call body` is not an UpperCamelCase Rust type name"
    );
    let overlay = r#"{"operations": [{"item": ["Call"], "response_type": "Result"}]}"#;
    assert_eq!(
        error_of(&seedlike(), Some(overlay)),
        "spec/api.overlay.json: name conflict: the type name `Result` is already used"
    );
    let overlay = r#"{"operations": [{"item": ["Call"], "request_type": "Client"}]}"#;
    assert_eq!(
        error_of(&seedlike(), Some(overlay)),
        "spec/api.overlay.json: name conflict: the type name `Client` is already used"
    );
}

#[test]
fn spec_directory_problems() {
    let missing = std::env::temp_dir().join("postman-codegen-no-such-dir");
    let err = generate_dir(&missing, &Options::default()).unwrap_err();
    assert_eq!(err.len(), 1);
    assert!(matches!(err.first().kind, ErrorKind::Io(_)));
    assert!(
        err.to_string().contains("cannot read the directory"),
        "{err}"
    );

    let dir = std::env::temp_dir().join(format!("postman-codegen-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let err = generate_dir(&dir, &Options::default()).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("holds no `*.postman_collection.json` file"),
        "{err}"
    );
    // Several collections make one spec: each is read, and a problem in
    // one does not hide the other's.
    std::fs::write(dir.join("a.postman_collection.json"), "{}").unwrap();
    std::fs::write(dir.join("b.postman.json"), "{}").unwrap();
    let err = generate_dir(&dir, &Options::default()).unwrap_err();
    let files: Vec<&str> = err.iter().map(|e| e.location.file.as_str()).collect();
    let name = dir.file_name().unwrap().to_string_lossy();
    assert_eq!(
        files,
        [
            format!("{name}/a.postman_collection.json"),
            format!("{name}/b.postman.json")
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_options_are_errors() {
    let text = collection("[]");
    let source = Source {
        name: "c.json",
        text: &text,
    };
    let err = generate(
        source,
        None,
        &Options::default().with_runtime_path("not a path!"),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("c.json: unexpected format: option runtime_path"),
        "{err}"
    );
}
