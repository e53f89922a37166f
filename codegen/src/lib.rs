//! Generates a typed Rust client module from a Postman Collection (v2.0 or
//! v2.1), with an optional overlay for what a collection cannot say.
//!
//! [`generate`] is pure: text in, text out. [`generate_dir`] adds the file
//! reading that a build script or the command line needs.
//!
//! # The contract with the host crate
//!
//! The generated module is included (`include!`) in a host crate, which
//! provides two things:
//!
//! - the runtime crate, `postman-runtime`, as a dependency (its path is
//!   [`Options::runtime_path`], `::postman_runtime` by default), with
//!   `serde` and `serde_json`;
//! - a client type of its own ([`Options::client_path`]) that implements
//!   `AsRef<postman_runtime::Client>`. The module adds the API's top-level
//!   accessors to it as inherent methods, so their names avoid the type's
//!   own methods ([`Options::client_methods`]) and the trait methods every
//!   client has (`clone`, `fmt`, `default`, `as_ref`).
//!
//! Resource handles hold a clone of the runtime client, and every operation
//! returns a `postman_runtime::Call`: a future that borrows nothing
//! (`Send + 'static`) and takes per-call options before it is awaited.
//!
//! # Architecture
//!
//! This file is the driver; the work runs in four stages, one folder each:
//!
//! 1. `read`: the collection, overlay, URLs and argument tables as plain
//!    data, checked for shape only.
//! 2. `draft`: one HTTP operation per item, before any Rust name; whether an
//!    item is supported is decided here.
//! 3. `model`: every operation, handle and type with its Rust name; `lower`
//!    runs the decisions, one module each (`select`, `discriminate`,
//!    `handles`, `method_names`, `bodies`, `types`, `params`, `doc_links`).
//! 4. `emit`: the model printed with `quote` and formatted by `prettyplease`;
//!    nothing is decided there.
//!
//! [`diff`] runs the first three on two specs, then its own stage, `diff`
//! (after `model` in the import order): the models compared, each change
//! classified for users of the generated API.
//!
//! Imports run one way (read ← draft ← model ← diff ← emit; `error` is shared by
//! all): a module never imports a later stage or the crate root, and no two
//! modules import each other. `tests/source_rules.rs` checks this, and
//! `ARCHITECTURE.md` says where each decision lives.
#![deny(missing_docs)]

mod diff;
mod draft;
mod emit;
mod error;
mod model;
mod read;
mod xml;

pub use diff::change::{Change, ChangeKind, Direction, Verdict, verdict};
pub use diff::report::{Bump, Report};
pub use diff::{DiffError, Side, SideError};
pub use draft::secrets::looks_like_credential;
pub use emit::output::Output;
pub use error::{Error, ErrorKind, Errors, Location, SkipReason, Warning, printable};
pub use read::limits::Limits;
pub use read::overlay::DocExamples;
pub use read::spec_dir::SpecFiles;
pub use xml::XmlOutput;

use std::path::Path;

/// A named input text; the name appears in every error about it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file name shown in errors, such as `spec/api.postman_collection.json`.
    pub name: &'a str,
    /// The file's contents.
    pub text: &'a str,
}

/// How to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Skip items that use unsupported constructs or cannot be read (a
    /// malformed body, URL or field), with one warning each, instead of
    /// failing. Mistakes in the overlay are errors either way.
    pub skip_unsupported: bool,
    /// Path of the runtime crate the generated code calls.
    pub runtime_path: String,
    /// Path of the host's client type, which the generated code extends
    /// and which must implement `AsRef<postman_runtime::Client>`.
    pub client_path: String,
    /// Methods the host's client type already has, which no generated
    /// accessor or operation on it may take (`new`, `builder`, ...).
    pub client_methods: Vec<String>,
    /// Give every operation a runnable example in its docs. `None` leaves
    /// it to the overlay's `doc_examples`, if it has one.
    pub doc_examples: Option<DocExamples>,
    /// Emit a hidden `example_calls` module: every operation called with
    /// the spec's example values, as the docs show it, listed in
    /// `example_calls::CALLS` with its item. For tests of what reaches the
    /// server; off by default.
    pub example_calls: bool,
    /// Generate only the items in these folders (and their sub-folders),
    /// each a path of folder names joined by `/`, such as `"Accounts"` or
    /// `"Accounts/Capabilities"`; empty generates every item. The items
    /// left out are not read past their names, and an overlay entry for
    /// one of them is set aside. A path that names no folder is an error.
    pub folders: Vec<String>,
    /// Bounds on the input: file size, name length, folder depth.
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            skip_unsupported: false,
            runtime_path: "::postman_runtime".into(),
            client_path: "crate::Client".into(),
            client_methods: Vec::new(),
            doc_examples: None,
            example_calls: false,
            folders: Vec::new(),
            limits: Limits::default(),
        }
    }
}

impl Options {
    /// Sets [`Options::skip_unsupported`].
    pub fn with_skip_unsupported(mut self, skip: bool) -> Self {
        self.skip_unsupported = skip;
        self
    }

    /// Sets [`Options::runtime_path`].
    pub fn with_runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime_path = path.into();
        self
    }

    /// Sets [`Options::doc_examples`].
    pub fn with_doc_examples(mut self, examples: DocExamples) -> Self {
        self.doc_examples = Some(examples);
        self
    }

    /// Sets [`Options::example_calls`].
    pub fn with_example_calls(mut self, on: bool) -> Self {
        self.example_calls = on;
        self
    }

    /// Sets [`Options::folders`].
    pub fn with_folders<S: Into<String>>(mut self, folders: impl IntoIterator<Item = S>) -> Self {
        self.folders = folders.into_iter().map(Into::into).collect();
        self
    }

    /// Sets [`Options::limits`].
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets [`Options::client_path`].
    pub fn with_client_path(mut self, path: impl Into<String>) -> Self {
        self.client_path = path.into();
        self
    }

    /// Sets [`Options::client_methods`].
    pub fn with_client_methods<S: Into<String>>(
        mut self,
        methods: impl IntoIterator<Item = S>,
    ) -> Self {
        self.client_methods = methods.into_iter().map(Into::into).collect();
        self
    }
}

/// Generates the module for `collection`, with `overlay` if given.
///
/// # Errors
///
/// Returns every problem found, each naming the file, the item and what is
/// wrong: the input is not a readable collection or overlay, or items cannot
/// be read or use something unsupported while [`Options::skip_unsupported`]
/// is off. A problem of one item does not hide those of the others.
pub fn generate(
    collection: Source<'_>,
    overlay: Option<Source<'_>>,
    options: &Options,
) -> Result<Output, Errors> {
    let selection = read::folders::Selection::new(&options.folders);
    let limits = &options.limits;
    let parsed =
        read::postman_items::read_folders(collection.name, collection.text, &selection, limits)?;
    let (mut overlay_data, overlay_file) = match overlay {
        Some(o) => (read::overlay::read(o.name, o.text, limits)?, o.name),
        None => (read::overlay::Overlay::default(), ""),
    };
    overlay_data
        .operations
        .retain(|entry| selection.overlay_entry(&entry.item));
    let path = |what: &str, text: &str| {
        syn::parse_str::<syn::Path>(text).map_err(|e| {
            Error::new(
                Location::file(collection.name),
                ErrorKind::UnexpectedFormat(format!("option {what} `{text}` is not a path: {e}")),
            )
        })
    };
    let paths = match (
        path("runtime_path", &options.runtime_path),
        path("client_path", &options.client_path),
    ) {
        (Ok(runtime), Ok(client)) => emit::module::Paths { runtime, client },
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => return Err(e.into()),
        (Err(runtime), Err(client)) => {
            let mut errors = Errors::from(runtime);
            errors.push(client);
            return Err(errors);
        }
    };
    let client_name = paths
        .client
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let input = model::input::Input {
        collection: &parsed,
        collection_file: collection.name,
        overlay: &overlay_data,
        overlay_file,
        skip_unsupported: options.skip_unsupported,
        client_name: &client_name,
        client_methods: &options.client_methods,
    };
    let api = model::lower::lower(&input, &mut warnings)?;
    // The model owns all it needs: the read collection (about 5 KiB per
    // request) is freed before the module is printed, the peak.
    drop(parsed);
    let source = format!("`{}` ({})", api.title, collection.name);
    let examples = options
        .doc_examples
        .as_ref()
        .or(overlay_data.doc_examples.as_ref());
    let threads = emit::parts::threads(api.operations.len());
    let code = emit::module::module(
        &api,
        &paths,
        &source,
        examples,
        options.example_calls,
        threads,
    )
    .map_err(|m| Error::new(Location::file(collection.name), ErrorKind::Emit(m)))?;
    Ok(Output {
        code,
        warnings,
        operations: api.operations.len(),
    })
}

/// Generates typed builders for an XML vocabulary from `table`, JSON that
/// lists its elements (attributes, content, children) and value types; the
/// `xml` folder of this crate's source says how.
///
/// # Errors
///
/// Every problem of the table, each naming the file and its item.
pub fn generate_xml(table: Source<'_>) -> Result<XmlOutput, Errors> {
    xml::generate(table.name, table.text)
}

/// Generates the module from the spec files in `dir`.
///
/// Files are named in errors and in the module header as `<dir name>/<file>`,
/// so the output does not depend on where the checkout lives.
///
/// # Errors
///
/// Fails as [`SpecFiles::find`] and [`generate`] do, or when a file cannot be read.
pub fn generate_dir(dir: &Path, options: &Options) -> Result<(Output, SpecFiles), Errors> {
    let files = SpecFiles::find(dir)?;
    let (collection, overlay) = read::spec_dir::read_files(dir, &files, &options.limits)?;
    let output = generate(
        Source {
            name: &collection.name,
            text: &collection.text,
        },
        overlay.as_ref().map(|o| Source {
            name: &o.name,
            text: &o.text,
        }),
        options,
    )?;
    Ok((output, files))
}

/// One side of a [`diff`]: a collection and its overlay, if any.
#[derive(Debug, Clone, Copy)]
pub struct Spec<'a> {
    /// The collection; its name names the side in the report.
    pub collection: Source<'a>,
    /// The overlay.
    pub overlay: Option<Source<'a>>,
}

/// Compares two specs: both go through generation up to the model, and
/// every difference is classified for users of the generated API.
///
/// # Errors
///
/// Fails when either side does not generate, with every problem of each.
pub fn diff(old: Spec<'_>, new: Spec<'_>, options: &Options) -> Result<Report, DiffError> {
    let lower = |s: Spec<'_>| {
        let overlay = s.overlay.map(|o| (o.name, o.text));
        let side = lower_side((s.collection.name, s.collection.text), overlay, options);
        (s.collection.name.to_owned(), side)
    };
    diff::both(lower(old), lower(new))
}

/// Compares the specs `old` and `new` name, as [`diff`] does. Each is a
/// spec folder (read as [`generate_dir`] does), a collection file, or
/// `REV:path`: a folder or collection file at a revision of the git
/// repository in the current directory (`HEAD~1:spec`).
///
/// # Errors
///
/// Fails when either side cannot be read or does not generate.
pub fn diff_paths(old: &str, new: &str, options: &Options) -> Result<Report, DiffError> {
    let lower = |arg: &str| {
        let side = diff::source::load(arg, Path::new("."), &options.limits).and_then(|loaded| {
            let collection = (&*loaded.collection.name, &*loaded.collection.text);
            let overlay = loaded.overlay.as_ref().map(|o| (&*o.name, &*o.text));
            lower_side(collection, overlay, options)
        });
        (arg.to_owned(), side)
    };
    diff::both(lower(old), lower(new))
}

/// One side of a diff, lowered with `options`.
fn lower_side(
    collection: (&str, &str),
    overlay: Option<(&str, &str)>,
    options: &Options,
) -> Result<model::api::Api, Errors> {
    let client = options.client_path.rsplit("::").next().unwrap_or_default();
    let (skip, methods) = (options.skip_unsupported, &options.client_methods);
    diff::side::lower(
        collection,
        overlay,
        skip,
        client.trim(),
        methods,
        &options.limits,
    )
}
