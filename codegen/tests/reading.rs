//! Every construct of a real collection is read, and an item that lowering
//! cannot use yet is left out with a precise, stable reason: never the whole
//! collection. Fixtures: `tests/reading/*.postman.json`.

use postman_codegen::{Options, Output, SkipReason, Source, generate};

fn generate_fixture(name: &str, skip: bool) -> Result<Output, String> {
    let path = format!("{}/tests/reading/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    generate(
        Source { name, text: &text },
        None,
        &Options::default().with_skip_unsupported(skip),
    )
    .map_err(|e| e.to_string())
}

/// Each skipped item with its reason's label, in document order.
fn reasons(output: &Output) -> Vec<(String, &'static str)> {
    output
        .warnings
        .iter()
        .filter_map(|w| Some((w.location.item.clone()?, w.reason?.label())))
        .collect()
}

fn owned(pairs: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    pairs.iter().map(|(i, r)| ((*i).to_owned(), *r)).collect()
}

/// Every scheme becomes an operation whose descriptor states it, inherited
/// from the nearest declaration; only the item whose inherited auth cannot
/// be read is left out.
#[test]
fn every_auth_scheme_inherited_becomes_an_operation_stating_it() {
    let output = generate_fixture("inheritance.postman.json", true).unwrap();
    assert_eq!(output.operations, 8, "{}", output.summary());
    assert_eq!(
        reasons(&output),
        owned(&[("Broken / Inherits broken", "malformed item")])
    );
    // Each descriptor, found by its item, from its constant to the end of
    // its statement.
    let descriptor = |item: &str| {
        let at = output
            .code
            .find(&format!(".item(\"{item}\")"))
            .unwrap_or_else(|| panic!("{item}"));
        let start = output.code[..at].rfind("pub static").unwrap();
        let rest = &output.code[start..];
        rest[..rest.find(';').unwrap()].to_owned()
    };
    for (name, auth) in [
        ("Plain / From collection", Some(".auth(Auth::Bearer)")),
        ("Plain / Own noauth", None),
        ("Plain / Own basic", Some(".auth(Auth::Basic)")),
        ("Open / From folder", None),
        (
            "Open / Keyed / From inner folder",
            Some(".auth(Auth::api_key_query(\"api_key\"))"),
        ),
        ("Passes on / Through inherit", Some(".auth(Auth::Bearer)")),
        ("Broken / Own oauth2", Some(".auth(Auth::oauth2_query())")),
        ("Signed", Some(".auth(Auth::signer(\"awsv4\"))")),
    ] {
        let text = descriptor(name);
        match auth {
            Some(auth) => assert!(text.contains(auth), "{name}: {text}"),
            None => assert!(!text.contains(".auth("), "{name}: {text}"),
        }
    }
    // The bearer token's collection value is the caller's secret, never
    // generated code.
    assert!(!output.code.contains("\"t0\""), "token value emitted");
    assert_eq!(
        output.summary(),
        "8 operations generated, 1 items skipped (malformed item: 1), 2 other warnings"
    );
}

#[test]
fn each_body_mode_and_url_problem_is_counted_under_its_own_reason() {
    let output = generate_fixture("constructs.postman.json", true).unwrap();
    // Every body mode Postman defines is an operation, and so is every item
    // on a second host.
    assert_eq!(output.operations, 12, "{}", output.summary());
    assert_eq!(
        reasons(&output),
        owned(&[
            ("Odd mode", "unknown body mode"),
            ("Null URL", "no URL"),
            ("No URL", "no URL"),
        ])
    );
    for kept in [
        "Described",
        "Plain string",
        "Empty raw",
        "Form",
        "Binary",
        "Soap",
        "Page",
        "Note",
        "Undeclared",
        "Graph",
        "Upload",
        "Second host",
    ] {
        assert!(
            output.code.contains(&format!(".item(\"{kept}\")")),
            "{kept}"
        );
    }
}

/// Without `--skip-unsupported` the same items are errors, one line each,
/// and every label of the summary is one of the known reasons.
#[test]
fn without_skipping_every_item_problem_is_an_error_and_reasons_are_known() {
    for fixture in ["inheritance.postman.json", "constructs.postman.json"] {
        let errors = generate_fixture(fixture, false).unwrap_err();
        let skipped = reasons(&generate_fixture(fixture, true).unwrap()).len();
        assert_eq!(errors.lines().count(), skipped, "{errors}");
    }
    let labels: Vec<&str> = SkipReason::ALL.iter().map(|r| r.label()).collect();
    let mut unique = labels.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), labels.len(), "labels are distinct");
}
