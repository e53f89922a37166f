//! OpenAPI documents through the generator, compiled against the runtime
//! alone: the build script generates every fixture of
//! `codegen/tests/fixtures/openapi` and, when `OPENAPI_CORPUS_DIR` is set,
//! every document of that folder. Generated code is warning-free: a warning
//! in a module fails the build (and clippy's, under `cargo clippy`).

/// One document and what generating it gave.
#[derive(Debug)]
pub struct Document {
    /// The entry file's name.
    pub file: &'static str,
    /// Operations in the generated module.
    pub operations: usize,
    /// Operations left out, each with its reason.
    pub skipped: &'static [&'static str],
    /// Other warnings (schemas typed as any JSON, parts not sent).
    pub warnings: usize,
    /// Generation time in the build script, in milliseconds.
    pub millis: u128,
    /// Size of the generated module.
    pub bytes: usize,
    /// Whether this build compiled the module.
    pub compiled: bool,
    /// The generator's error, if it failed.
    pub error: Option<&'static str>,
}

/// What the build script found in `OPENAPI_CORPUS_DIR`.
#[derive(Debug)]
pub enum Corpus {
    /// The variable is not set.
    Unset,
    /// The variable names a folder that does not exist.
    Missing(&'static str),
    /// The documents found, each generated.
    Found(&'static [Document]),
}

/// Each fixture and what generating it gave.
pub const FIXTURES: &[Document] = include!(concat!(env!("OUT_DIR"), "/fixture_figures.rs"));

/// The modules generated from the fixtures.
#[deny(warnings)]
pub mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// The modules generated from the corpus documents that are compiled.
#[cfg(openapi_corpus)]
#[deny(warnings)]
pub mod corpus {
    include!(concat!(env!("OUT_DIR"), "/corpus_modules.rs"));
}

/// An API with nothing particular about it.
#[derive(Debug)]
pub struct Neutral;

impl postman_runtime::Vendor for Neutral {
    fn name(&self) -> &'static str {
        "neutral"
    }
}

/// The one neutral vendor.
pub static NEUTRAL: Neutral = Neutral;

/// A client of the neutral API at `base_url` (fake credentials).
pub fn local_client(base_url: &str) -> postman_runtime::Client {
    postman_runtime::Client::builder(&NEUTRAL, "someone", "fake-password-not-a-secret")
        .base_url(base_url)
        .build()
        .expect("a client for the local server")
}

/// An example call in flight (the generated `example_calls::Call`).
pub type CallFuture<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), postman_runtime::Error>> + 'a>>;
