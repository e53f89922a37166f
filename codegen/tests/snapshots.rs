//! The generated code, reviewed as snapshots: the SDK's spec, and one small
//! fixture collection per generator feature.

use postman_codegen::{Options, Output, Source, generate, generate_dir};
use std::path::Path;

/// Generates fixture `name`, with `<stem>.overlay.json` beside it if present.
fn fixture(name: &str, options: &Options) -> Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let source = Source {
        name: &format!("fixtures/{name}"),
        text: &text,
    };
    let stem = name.split('.').next().unwrap_or_default();
    let overlay_name = format!("fixtures/{stem}.overlay.json");
    let overlay_text = std::fs::read_to_string(dir.join(format!("{stem}.overlay.json"))).ok();
    let overlay = overlay_text.as_deref().map(|text| Source {
        name: &overlay_name,
        text,
    });
    generate(source, overlay, options).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn plivo_spec() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let (output, files) = generate_dir(&spec, &Options::default()).unwrap();
    assert_eq!(files.collections.len(), files.overlays.len());
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    insta::assert_snapshot!("plivo_spec", output.code);
}

#[test]
fn postman_v2_0() {
    insta::assert_snapshot!(
        "v2_0",
        fixture("v2_0.postman.json", &Options::default()).code
    );
}

#[test]
fn several_hosts_and_host_variables() {
    insta::assert_snapshot!(
        "hosts",
        fixture("hosts.postman.json", &Options::default()).code
    );
}

#[test]
fn nested_folders_and_repeated_names() {
    insta::assert_snapshot!(
        "folders",
        fixture("folders.postman.json", &Options::default()).code
    );
}

#[test]
fn path_query_and_header_parameters() {
    insta::assert_snapshot!(
        "params",
        fixture("params.postman.json", &Options::default()).code
    );
}

#[test]
fn bodies_examples_and_argument_tables() {
    insta::assert_snapshot!(
        "bodies",
        fixture("bodies.postman.json", &Options::default()).code
    );
}

#[test]
fn awkward_identifiers() {
    insta::assert_snapshot!(
        "identifiers",
        fixture("identifiers.postman.json", &Options::default()).code
    );
}

/// Operations on one URL told apart by a constant body field, a path segment
/// bound to the client's credentials, a free-form body, a timestamp and an
/// open enum from the overlay, GET without a body.
#[test]
fn actions_credentials_and_free_form_bodies() {
    insta::assert_snapshot!(
        "actions",
        fixture("actions.postman.json", &Options::default()).code
    );
}

/// Runnable examples in the docs, built from the example requests: nested
/// structs, lists, optional fields, free-form and list bodies.
#[test]
fn doc_examples_from_example_requests() {
    let options = Options::default().with_doc_examples(postman_codegen::DocExamples {
        types_path: "shipping".into(),
        prologue: vec!["let client = shipping::Client::local();".into()],
        epilogue: vec![],
    });
    let code = fixture("bodies.postman.json", &options).code;
    let examples: Vec<&str> = code
        .lines()
        .filter(|l| l.trim_start().starts_with("///"))
        .skip_while(|l| !l.contains("# Examples"))
        .collect();
    insta::assert_snapshot!("bodies_examples", examples.join("\n"));
}

/// Names that try to inject code or shadow what generated code relies on
/// (items named like the host client's methods, which its build script
/// passes), characters Rust refuses in comments, `?` in path text.
#[test]
fn hostile_input_is_neutralised() {
    let options = Options::default().with_client_methods(["request", "auth_id"]);
    insta::assert_snapshot!("hostile", fixture("hostile.postman.json", &options).code);
}

#[test]
fn once_unsupported_items_are_all_operations() {
    let output = fixture(
        "unsupported.postman.json",
        &Options::default().with_skip_unsupported(true),
    );
    let warnings: Vec<String> = output.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    // The GraphQL, form, XML and bearer items are operations now: every
    // body mode and every auth scheme is supported; so is the item on
    // another host, which keeps it.
    assert_eq!(output.operations, 6);
    insta::assert_snapshot!("unsupported", output.code);
}

/// Each scheme, inherited collection → folder → request with `noauth`
/// overriding, stated in its descriptor with the API key's name and
/// placement; the credentials' collection values are not emitted, and a
/// parameter the item lists where the credential travels is the client's.
#[test]
fn auth_schemes_and_inheritance() {
    // Doc examples on: they show example values, which a credential's must
    // not be (the key sits in a path here, as some node APIs put it).
    let options = Options {
        doc_examples: Some(postman_codegen::DocExamples {
            types_path: "auth".to_owned(),
            prologue: Vec::new(),
            epilogue: Vec::new(),
        }),
        ..Options::default()
    };
    let output = fixture("auth.postman.json", &options);
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    assert_eq!(output.operations, 10);
    assert!(
        !output.code.contains("not-for-code"),
        "a credential's value was emitted"
    );
    assert!(!output.code.contains(r#"request.header("X-Api-Key""#));
    assert!(!output.code.contains(r#"request.query("key""#));
    insta::assert_snapshot!("auth", output.code);
}

/// Every fixture, the ones added later included.
#[test]
fn same_input_same_bytes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".postman.json"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    let options = Options::default().with_skip_unsupported(true);
    for name in &names {
        assert_eq!(fixture(name, &options), fixture(name, &options), "{name}");
    }
}

#[test]
fn paths_are_configurable() {
    let options = Options::default()
        .with_runtime_path("::my_sdk::rt")
        .with_client_path("super::Api");
    let code = fixture("folders.postman.json", &options).code;
    assert!(code.contains("use ::my_sdk::rt as rt;"), "{code}");
    assert!(code.contains("use super::Api;"), "{code}");
    assert!(code.contains("impl Api {"), "{code}");
}

#[test]
fn every_body_mode_other_than_json() {
    let output = fixture("payloads.postman.json", &Options::default());
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    insta::assert_snapshot!("payloads", output.code);
}

/// What goes on the wire as each item writes it: its own `Content-Type`
/// (vendor JSON types with their parameters, a file's type, a form type
/// over raw text) and `Accept` (a type other than JSON read as text or
/// bytes), `Accept-Encoding` as a header parameter, empty form and
/// multipart fields, and `{name}` path parameters, a trailing slash kept.
#[test]
fn wire_headers_content_types_and_path_variables() {
    let output = fixture(
        "wire.postman.json",
        &Options::default().with_example_calls(true),
    );
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    insta::assert_snapshot!("wire", output.code);
}

/// An example is the item's own request: a form field the item disables is
/// an optional one it leaves unset, so its example leaves it unset too.
#[test]
fn form_examples_leave_disabled_fields_unset() {
    let options = Options::default().with_doc_examples(postman_codegen::DocExamples {
        types_path: "pay".into(),
        prologue: vec![],
        epilogue: vec![],
    });
    let code = fixture("payloads.postman.json", &options).code;
    let example: String = code
        .lines()
        .skip_while(|l| !l.contains(".charges()"))
        .take_while(|l| !l.contains("```"))
        .collect();
    assert!(example.contains("capture: true"), "{example}");
    assert!(!example.contains("A charge"), "{example}");
    assert!(!example.contains("price_2"), "{example}");
}

/// The example call of a multipart body is the item's own request too: a
/// disabled part stays unset, and a file goes by the name of the file the
/// item saved (its content is a stand-in: the item only names it).
#[test]
fn multipart_example_calls_are_the_items_own_parts() {
    let code = fixture(
        "payloads.postman.json",
        &Options::default().with_example_calls(true),
    )
    .code;
    let call: String = code
        .lines()
        .skip_while(|l| !l.contains("/// Upload report"))
        .take_while(|l| !l.contains("await"))
        .collect();
    assert!(call.contains("thumbnail: None"), "{call}");
    assert!(call.contains(r#".file_name("report.pdf")"#), "{call}");
}
