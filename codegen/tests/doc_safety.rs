//! Text from a spec is data, never code: no code block in a collection's
//! text may become a doctest that `cargo test` compiles or runs.
//!
//! One fixture collection holds every trick of the table below in every
//! place spec text reaches the docs (item names, descriptions of requests,
//! query, header, path and body fields, saved responses, parameter names).
//! Each trick's code writes a marker file of its own. The docs of the
//! module generated from it are checked by rustdoc itself, in one run: it
//! must collect no doctest but the generator's own examples, and no marker
//! may exist afterwards.
//!
//! rustdoc collects doctests from each item's doc attributes alone, so it
//! reads a stub crate: one empty module per documented item of the
//! generated module, with that item's doc attributes as they are (values
//! and printed form), so it needs none of the module's dependencies.

mod doc_safety {
    pub mod stub;
    pub mod tricks;
}

use doc_safety::{stub, tricks};
use postman_codegen::{DocExamples, Options, Source, generate};
use std::path::Path;

#[test]
fn no_code_block_from_spec_text_becomes_a_doctest() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("doc-safety");
    let markers = dir.join("markers");
    let _ = std::fs::remove_dir_all(&markers);
    std::fs::create_dir_all(&markers).unwrap();
    let collection = tricks::collection(&markers);
    let overlay = tricks::overlay(&markers);
    let options = Options::default()
        .with_skip_unsupported(true)
        .with_example_calls(true)
        .with_doc_examples(DocExamples {
            types_path: "tricks".into(),
            prologue: vec![stub::PROLOGUE.into()],
            epilogue: Vec::new(),
        });
    let generated = generate(
        Source {
            name: "tricks.postman.json",
            text: &collection,
        },
        Some(Source {
            name: "tricks.overlay.json",
            text: &overlay,
        }),
        &options,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let groups = stub::doc_groups(&generated.code);

    // Every trick reached the docs somewhere, or the run below proves nothing.
    let docs: String = groups.iter().map(|g| g.docs.join("\n")).collect();
    let missing: Vec<&str> = tricks::TRICKS
        .iter()
        .chain(tricks::NAME_TRICKS)
        .map(|t| t.0)
        .filter(|name| !docs.contains(&tricks::marker_name(name)))
        .collect();
    assert!(missing.is_empty(), "tricks not in the docs: {missing:?}");

    let stub = stub::Stub::new(&dir, &groups);
    let doctests = stub.doctests();
    // Run every group that has a doctest other than a generated example
    // (none, unless spec text got through): its code would write a marker.
    let leaks: Vec<&stub::Doctest> = doctests.iter().filter(|t| !t.generated).collect();
    let output = stub.run(|group| leaks.iter().any(|t| t.group == group));
    let written: Vec<String> = std::fs::read_dir(&markers)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        written.is_empty(),
        "doctests from spec text ran: {written:?}\n{output}"
    );
    assert!(
        leaks.is_empty(),
        "doctests from spec text:\n{}",
        leaks
            .iter()
            .map(|t| stub.describe(t))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The generator's own examples are doctests still, one per operation.
    let examples = groups.iter().filter(|g| g.has_example()).count();
    assert_eq!(examples, generated.operations);
    assert_eq!(doctests.len(), examples, "{output}");
}
