//! What the operation descriptors tell the runtime's mock beyond method,
//! path and auth: the body's kind, the fields of forms and multipart
//! bodies, and the query values that tell apart operations on one URL.

use postman_codegen::{Options, Source, generate};
use std::path::Path;

fn generated(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    let source = Source { name, text: &text };
    generate(
        source,
        None,
        &Options::default().with_skip_unsupported(true),
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .code
}

/// The descriptor of the `static` called `name`: its text up to the next `;`.
fn descriptor<'a>(code: &'a str, name: &str) -> &'a str {
    let start = code
        .find(&format!("pub static {name}: Operation"))
        .unwrap_or_else(|| panic!("no descriptor {name}"));
    let end = start + code[start..].find(';').unwrap();
    &code[start..end]
}

#[test]
fn operations_on_one_url_name_the_query_values_that_tell_them_apart() {
    let code = generated("mocked.postman.json");
    let list = descriptor(&code, "EVENTS_GET");
    let count = descriptor(&code, "COUNT_EVENTS");
    assert!(list.contains(r#".query(&[("action", "list")])"#), "{list}");
    assert!(
        count.contains(r#".query(&[("action", "count")])"#),
        "{count}"
    );
    // `limit=10` is on both: it tells nothing apart.
    assert!(!list.contains(r#"("limit""#) && !count.contains(r#"("limit""#));
    // Alone on its URL: no query values.
    assert!(!descriptor(&code, "LATEST_GET").contains(".query("));
}

#[test]
fn every_body_kind_but_json_is_stated_with_its_fields() {
    let code = generated("payloads.postman.json");
    let kinds = [
        ("CHARGES_CREATE", "BodyKind::Form"),
        ("FILES_CREATE", "BodyKind::Multipart"),
        ("LOGO_REPLACE", "BodyKind::File"),
        (
            "INVOICES_XML_CREATE",
            r#"BodyKind::Text("application/xml")"#,
        ),
        ("GRAPHQL_CREATE", "BodyKind::GraphQl"),
    ];
    for (name, kind) in kinds {
        let text = descriptor(&code, name);
        assert!(text.contains(kind), "{name}: {text}");
    }
    // A form's and a multipart body's fields, for the mock's checks.
    let form = descriptor(&code, "CHARGES_CREATE");
    assert!(
        form.contains(r#"Field::body("amount").required()"#),
        "{form}"
    );
    let upload = descriptor(&code, "FILES_CREATE");
    assert!(
        upload.contains(r#"Field::body("file").required()"#),
        "{upload}"
    );
    assert!(upload.contains(r#"Field::body("thumbnail")"#), "{upload}");
    // JSON (or no body) is the default and is not spelt out.
    let json = generated("bodies.postman.json");
    assert!(!json.contains("BodyKind"));
}
