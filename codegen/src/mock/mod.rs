//! Any collection served by the runtime's mock, with no Rust compiled
//! (feature `mock`): the collection is read and lowered as generation does,
//! and the operation descriptors the generated module would hold are built
//! as values instead of printed as code, then served by
//! [`postman_runtime::mock::MockServer`]. What the mock checks and records
//! is the runtime's (each operation's own auth scheme, every body mode, the
//! query string, expectations on the request); `postman-codegen mock` is
//! this module as a command.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use postman_codegen::mock::{MockCredentials, MockSpec};
//!
//! let spec = MockSpec::from_path("spec/acme.postman_collection.json".as_ref())?;
//! let mock = spec.start(MockCredentials::default().with_bearer_token("fake")).await?;
//! // Point the code under test at mock.base_url(); then:
//! mock.expect("list_orders").with_query("page", "2").times(1);
//! // ... run it ...
//! mock.verify();
//! # Ok(())
//! # }
//! ```
//!
//! Every item the mock can serve is served; an item the generator would
//! refuse is left out with a warning ([`MockSpec::warnings`]), never
//! failing the rest. Descriptors are `&'static`, as the runtime wants them:
//! each [`MockSpec`] leaks its own (a few hundred bytes per operation), so
//! build one per collection per process, not one per test in a loop.

mod descriptors;
mod vendor;

pub use postman_runtime::mock::{
    Expectation, MockApi, MockCredentials, MockLimits, MockResponse, MockServer, RecordedHeaders,
    RecordedQuery, RecordedRequest,
};

use crate::error::{Errors, Warning};
use crate::model::input::Input;
use crate::model::lower::lower;
use crate::read::folders::Selection;
use crate::read::limits::Limits;
use crate::read::sources::{Named, read_spec};
use crate::read::spec_dir::{NamedText, SpecFiles, read_files};
use postman_runtime::Operation;
use std::fmt;
use std::net::SocketAddr;
use std::path::Path;

/// A collection ready to serve: its operation descriptors, built at run
/// time, and what was left out.
#[derive(Debug)]
pub struct MockSpec {
    vendor: &'static vendor::Collection,
    operations: &'static [&'static Operation],
    warnings: Vec<Warning>,
}

impl MockSpec {
    /// The collection at `path`: a spec folder (its collection and overlay,
    /// as [`crate::generate_dir`] finds them) or a collection file.
    ///
    /// # Errors
    ///
    /// When the files cannot be found or read, or the collection or
    /// overlay is not one the generator reads; an item it cannot serve is
    /// a warning instead.
    pub fn from_path(path: &Path) -> Result<Self, Errors> {
        let limits = Limits::default();
        if path.is_dir() {
            let files = SpecFiles::find(path)?;
            let (collections, overlays) = read_files(path, &files, &limits)?;
            fn named(list: &[NamedText]) -> Vec<Named<'_>> {
                list.iter()
                    .map(|t| (t.name.as_str(), t.text.as_str()))
                    .collect()
            }
            let (collections, overlays) = (named(&collections), named(&overlays));
            let title = files_title(&collections);
            MockSpec::from_spec(&title, &collections, &overlays, &[])
        } else {
            let name = path.display().to_string();
            let text = limits.read_file(path, &name)?;
            MockSpec::from_text(&name, &text, None)
        }
    }

    /// The collection `text` (named `name` in errors and warnings), with
    /// an overlay's name and text if given.
    ///
    /// # Errors
    ///
    /// As [`MockSpec::from_path`].
    pub fn from_text(
        name: &str,
        text: &str,
        overlay: Option<(&str, &str)>,
    ) -> Result<Self, Errors> {
        MockSpec::from_text_with(name, text, overlay, &[])
    }

    /// As [`MockSpec::from_text`], its operations named as in a module
    /// generated for a client type whose own methods are `client_methods`
    /// ([`crate::Options::client_methods`]): an operation that would take
    /// one of those names is renamed there, and so here, so that the mock's
    /// names are the crate's.
    ///
    /// # Errors
    ///
    /// As [`MockSpec::from_path`].
    pub fn from_text_with(
        name: &str,
        text: &str,
        overlay: Option<(&str, &str)>,
        client_methods: &[String],
    ) -> Result<Self, Errors> {
        let overlays: Vec<Named<'_>> = overlay.into_iter().collect();
        MockSpec::from_spec(name, &[(name, text)], &overlays, client_methods)
    }

    /// The spec of `collections` and `overlays`, named `name` where the
    /// collections have no title.
    fn from_spec(
        name: &str,
        collections: &[Named<'_>],
        overlays: &[Named<'_>],
        client_methods: &[String],
    ) -> Result<Self, Errors> {
        let limits = Limits::default();
        let collections: Vec<_> = collections.iter().map(|&c| (c, None)).collect();
        let selection = Selection::new(&[]);
        let (parsed, overlay_data) = read_spec(&collections, overlays, &selection, &limits)?;
        let input = Input {
            collections: &parsed,
            overlay: &overlay_data,
            // Serve what can be served; the rest is a warning.
            skip_unsupported: true,
            client_name: "Client",
            client_methods,
            openapi: None,
        };
        let mut warnings = Vec::new();
        let api = lower(&input, &mut warnings)?;
        let operations = descriptors::operations(&api, name, &mut warnings);
        let title = if api.title.is_empty() {
            name
        } else {
            &api.title
        };
        let vendor = Box::leak(Box::new(vendor::Collection {
            name: Box::leak(title.to_owned().into_boxed_str()),
        }));
        Ok(MockSpec {
            vendor,
            operations,
            warnings,
        })
    }

    /// The collection's title.
    pub fn title(&self) -> &'static str {
        self.vendor.name
    }

    /// The operations served, in the collection's order.
    pub fn operations(&self) -> &'static [&'static Operation] {
        self.operations
    }

    /// What was left out or read leniently, each naming file and item.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The API for [`MockServer::bind_with_credentials`] and its kin: these
    /// operations, worded with the runtime's neutral messages and error
    /// shape (`{"error": "..."}`), with any value of a named format taken.
    pub fn api(&self) -> MockApi {
        MockApi::new(self.vendor, self.operations)
    }

    /// Serves the collection on a free port of 127.0.0.1, accepting
    /// `credentials`.
    ///
    /// # Errors
    ///
    /// When no port can be bound or a Basic pair is not acceptable.
    pub async fn start(&self, credentials: MockCredentials) -> std::io::Result<MockServer> {
        MockServer::start_with_credentials(self.api(), credentials).await
    }

    /// Serves the collection on `addr` (keep it on loopback), accepting
    /// `credentials`, within `limits`.
    ///
    /// # Errors
    ///
    /// As [`MockSpec::start`].
    pub async fn bind(
        &self,
        addr: SocketAddr,
        credentials: MockCredentials,
        limits: MockLimits,
    ) -> std::io::Result<MockServer> {
        MockServer::bind_with_credentials(self.api(), addr, credentials, limits).await
    }
}

/// Why [`serve`] could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The collection could not be read.
    Spec(Errors),
    /// The server could not start.
    Io(std::io::Error),
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServeError::Spec(errors) => write!(f, "{errors}"),
            ServeError::Io(e) => write!(f, "cannot start the mock: {e}"),
        }
    }
}

impl std::error::Error for ServeError {}

/// The collection at `path` (a spec folder or a collection file) served on
/// a free port of 127.0.0.1, accepting `credentials`: the one-line form of
/// [`MockSpec::from_path`] and [`MockSpec::start`].
///
/// # Errors
///
/// When the collection cannot be read or the server cannot start.
pub async fn serve(path: &Path, credentials: MockCredentials) -> Result<MockServer, ServeError> {
    let spec = MockSpec::from_path(path).map_err(ServeError::Spec)?;
    spec.start(credentials).await.map_err(ServeError::Io)
}

/// The name of a spec folder's collections, for warnings and the title.
fn files_title(collections: &[Named<'_>]) -> String {
    let names: Vec<&str> = collections.iter().map(|(n, _)| *n).collect();
    names.join(", ")
}
