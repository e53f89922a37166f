//! Every collection in `POSTMAN_CORPUS_DIR` (real collections published by
//! others) generates a module, with unsupported items skipped, and that
//! module compiles against `postman_runtime` alone: the build script generated
//! them and this binary includes them, so a module that does not compile
//! fails this build. Any folder builds, an empty one too (the test below
//! then fails: a corpus that checks nothing is taken for a mistake). The
//! round trip runs on the generator's fixtures always, and on the corpus
//! when there is one.

use generic_e2e::{Collection, Corpus};

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// One module per corpus collection; see the build script.
#[cfg(corpus)]
pub(crate) mod generated {
    include!(concat!(env!("OUT_DIR"), "/corpus_modules.rs"));
}

/// Only when the folder's todo collection gave the module it calls.
#[cfg(corpus_todo)]
mod todo_calls;

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
    // A folder named but empty is taken for a mistake (a wrong path, a
    // checkout without its files), as a missing one is: a corpus run that
    // checks nothing must not pass as one that checked everything.
    assert!(
        !collections.is_empty(),
        "POSTMAN_CORPUS_DIR names a folder with no collection (no .json file); \
         point it at a folder of Postman collections, or unset it to skip the corpus"
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
