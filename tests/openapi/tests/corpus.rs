//! Every OpenAPI fixture and every document of `OPENAPI_CORPUS_DIR`
//! generates, with at least 99 % of its operations (each one left out
//! named with its reason); the modules compiled are warning-free (the
//! library's build fails otherwise).

use openapi_e2e::{CORPUS, Corpus, Document, FIXTURES};

/// Generated over generated and skipped: at least 99 %.
fn check(doc: &Document) {
    assert!(doc.error.is_none(), "{}: {:?}", doc.file, doc.error);
    let total = doc.operations + doc.skipped.len();
    assert!(total > 0, "{}: no operation", doc.file);
    assert!(
        doc.operations * 100 >= total * 99,
        "{}: {} of {total} operations generated; skipped: {:#?}",
        doc.file,
        doc.operations,
        doc.skipped
    );
    for s in doc.skipped {
        assert!(s.contains(doc.file) && s.contains("skipped: "), "{s}");
    }
}

#[test]
fn every_fixture_generates_and_compiles() {
    assert!(FIXTURES.len() >= 3, "{FIXTURES:#?}");
    for doc in FIXTURES {
        check(doc);
        assert!(doc.compiled, "{}", doc.file);
    }
}

#[test]
fn every_corpus_document_generates_at_least_99_percent() {
    let docs = match CORPUS {
        Corpus::Unset => {
            eprintln!("skipped: OPENAPI_CORPUS_DIR is not set");
            return;
        }
        Corpus::Missing(dir) => panic!("OPENAPI_CORPUS_DIR names {dir}, which is not a folder"),
        Corpus::Found(docs) => docs,
    };
    assert!(
        !docs.is_empty(),
        "OPENAPI_CORPUS_DIR names a folder with no OpenAPI document"
    );
    for doc in docs {
        eprintln!(
            "{}: {} generated, {} skipped, {} warnings, {} ms, {} bytes, compiled: {}",
            doc.file,
            doc.operations,
            doc.skipped.len(),
            doc.warnings,
            doc.millis,
            doc.bytes,
            doc.compiled
        );
        check(doc);
    }
    assert!(docs.iter().any(|d| d.compiled), "no document was compiled");
}
