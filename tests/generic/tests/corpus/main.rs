//! Every collection in `POSTMAN_CORPUS_DIR` (real collections published by
//! others) generates a module, with unsupported items skipped, and that
//! module compiles against `postman_runtime` alone: the build script generated
//! them and this binary includes them, so a module that does not compile
//! fails this build.

use generic_e2e::{Collection, Corpus};

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// One module per corpus collection; see the build script.
#[cfg(corpus)]
pub(crate) mod generated {
    include!(concat!(env!("OUT_DIR"), "/corpus_modules.rs"));
}

#[cfg(corpus)]
mod todo_calls;

#[cfg(corpus)]
mod round_trip;

#[test]
fn every_collection_generates_and_compiles() {
    let collections = match CORPUS {
        Corpus::Unset => {
            eprintln!("skipped: POSTMAN_CORPUS_DIR is not set, so there is no corpus to generate");
            return;
        }
        Corpus::Missing(dir) => panic!("POSTMAN_CORPUS_DIR names {dir}, which is not a folder"),
        Corpus::Found(collections) => collections,
    };
    assert!(
        !collections.is_empty(),
        "the corpus folder holds no .json collection"
    );
    let failed: Vec<&Collection> = collections.iter().filter(|c| c.error.is_some()).collect();
    assert!(failed.is_empty(), "generation failed: {failed:#?}");
    for c in collections {
        eprintln!(
            "{}: {} operations, {} warnings",
            c.file,
            c.operations,
            c.warnings.len()
        );
        // Each warning is an item skipped or a note on input read
        // leniently; either way it starts by naming its collection (and
        // the item, where one is at fault).
        for warning in c.warnings {
            assert!(warning.starts_with(&format!("{}: ", c.file)), "{warning}");
        }
    }
    let total: usize = collections.iter().map(|c| c.operations).sum();
    assert!(
        total > 0,
        "no operation was generated from the whole corpus"
    );
}
