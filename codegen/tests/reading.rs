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

#[test]
fn each_auth_scheme_inherited_is_counted_under_its_own_reason() {
    let output = generate_fixture("inheritance.postman.json", true).unwrap();
    assert_eq!(output.operations, 3, "{}", output.summary());
    assert_eq!(
        reasons(&output),
        owned(&[
            ("Plain / From collection", "bearer auth"),
            ("Open / Keyed / From inner folder", "API key auth"),
            ("Passes on / Through inherit", "bearer auth"),
            ("Broken / Inherits broken", "malformed item"),
            ("Broken / Own oauth2", "oauth2 auth"),
            ("Signed", "auth needing a signer"),
        ])
    );
    for kept in [
        "pub fn own_noauth(",
        "pub fn own_basic(",
        "pub fn from_folder(",
    ] {
        assert!(output.code.contains(kept), "{kept}");
    }
    assert_eq!(
        output.summary(),
        "3 operations generated, 6 items skipped (bearer auth: 2, API key auth: 1, oauth2 \
         auth: 1, auth needing a signer: 1, malformed item: 1), 2 other warnings"
    );
}

#[test]
fn each_body_mode_and_url_problem_is_counted_under_its_own_reason() {
    let output = generate_fixture("constructs.postman.json", true).unwrap();
    // Every body mode Postman defines is an operation.
    assert_eq!(output.operations, 10, "{}", output.summary());
    assert_eq!(
        reasons(&output),
        owned(&[
            ("Odd mode", "unknown body mode"),
            ("Null URL", "no URL"),
            ("No URL", "no URL"),
            ("Upload", "second host"),
            ("Second host", "second host"),
        ])
    );
    for kept in [
        "pub fn described(",
        "pub fn plain_string(",
        "pub fn empty_raw(",
        "pub fn form(",
        "pub fn binary(",
        "pub fn soap(",
        "pub fn page(",
        "pub fn note(",
        "pub fn undeclared(",
        "pub fn graph(",
    ] {
        assert!(output.code.contains(kept), "{kept}");
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
