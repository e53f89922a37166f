//! Generates a typed Rust client module from Postman Collections (v2.0 or
//! v2.1), with overlays for what a collection cannot say: one collection
//! ([`generate`]) or a [`Spec`] of several that together describe one API
//! ([`generate_spec`]).
//!
//! [`generate`] and [`generate_spec`] are pure: text in, text out.
//! [`generate_dir`] adds the file reading that a build script or the
//! command line needs.
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
pub use read::options::{Options, Source, Spec};
pub use read::overlay::DocExamples;
pub use read::spec_dir::SpecFiles;
pub use xml::XmlOutput;

use std::path::Path;

/// Generates the module for `collection`, with `overlay` if given: a
/// [`Spec`] of one collection, as [`generate_spec`] does.
///
/// # Errors
///
/// As [`generate_spec`].
pub fn generate(
    collection: Source<'_>,
    overlay: Option<Source<'_>>,
    options: &Options,
) -> Result<Output, Errors> {
    generate_spec(&Spec::new(collection, overlay), options)
}

/// Generates one module from every collection and overlay of `spec`.
///
/// # Errors
///
/// Returns every problem found, each naming the file, the item and what is
/// wrong: an input is not a readable collection or overlay, two overlays
/// disagree, or items cannot be read or use something unsupported while
/// [`Options::skip_unsupported`] is off. A problem of one item (or file)
/// does not hide those of the others.
pub fn generate_spec(spec: &Spec<'_>, options: &Options) -> Result<Output, Errors> {
    let selection = read::folders::Selection::new(&options.folders);
    let collections: Vec<_> = spec
        .collections
        .iter()
        .map(|c| {
            let feature = options.features.get(c.name).map(String::as_str);
            ((c.name, c.text), feature)
        })
        .collect();
    let overlays: Vec<_> = spec.overlays.iter().map(|o| (o.name, o.text)).collect();
    let (parsed, overlay_data) =
        read::sources::read_spec(&collections, &overlays, &selection, &options.limits)?;
    let first_file = spec.collections.first().map_or("", |c| c.name);
    let path = |what: &str, text: &str| {
        syn::parse_str::<syn::Path>(text).map_err(|e| {
            Error::new(
                Location::file(first_file),
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
        collections: &parsed,
        overlay: &overlay_data,
        skip_unsupported: options.skip_unsupported,
        client_name: &client_name,
        client_methods: &options.client_methods,
    };
    let api = model::lower::lower(&input, &mut warnings)?;
    let files: Vec<&str> = spec.collections.iter().map(|c| c.name).collect();
    let source = format!("`{}` ({})", api.title, files.join(", "));
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
    .map_err(|m| Error::new(Location::file(first_file), ErrorKind::Emit(m)))?;
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

/// Generates the module from the spec files in `dir`: every collection and
/// overlay in it, in file-name order (see [`SpecFiles::find`]).
///
/// Files are named in errors and in the module header as `<dir name>/<file>`,
/// so the output does not depend on where the checkout lives.
///
/// # Errors
///
/// Fails as [`SpecFiles::find`] and [`generate_spec`] do, or when a file cannot be read.
pub fn generate_dir(dir: &Path, options: &Options) -> Result<(Output, SpecFiles), Errors> {
    let files = SpecFiles::find(dir)?;
    let (collections, overlays) = read::spec_dir::read_files(dir, &files, &options.limits)?;
    fn source(t: &read::spec_dir::NamedText) -> Source<'_> {
        Source {
            name: &t.name,
            text: &t.text,
        }
    }
    let spec = Spec {
        collections: collections.iter().map(source).collect(),
        overlays: overlays.iter().map(source).collect(),
    };
    let output = generate_spec(&spec, options)?;
    Ok((output, files))
}

/// Compares two specs: both go through generation up to the model, and
/// every difference is classified for users of the generated API. Each side
/// is named in the report by its first collection.
///
/// # Errors
///
/// Fails when either side does not generate, with every problem of each.
pub fn diff<'a>(old: &Spec<'a>, new: &Spec<'a>, options: &Options) -> Result<Report, DiffError> {
    let lower = |s: &Spec<'a>| {
        let named = |list: &[Source<'a>]| -> Vec<(&'a str, &'a str)> {
            list.iter().map(|t| (t.name, t.text)).collect()
        };
        let side = lower_side(&named(&s.collections), &named(&s.overlays), options);
        let name = s.collections.first().map_or("", |c| c.name);
        (name.to_owned(), side)
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
    fn named(list: &[read::spec_dir::NamedText]) -> Vec<(&str, &str)> {
        list.iter()
            .map(|t| (t.name.as_str(), t.text.as_str()))
            .collect()
    }
    let lower = |arg: &str| {
        let side = diff::source::load(arg, Path::new("."), &options.limits).and_then(|loaded| {
            lower_side(
                &named(&loaded.collections),
                &named(&loaded.overlays),
                options,
            )
        });
        (arg.to_owned(), side)
    };
    diff::both(lower(old), lower(new))
}

/// One side of a diff, lowered with `options`.
fn lower_side(
    collections: &[(&str, &str)],
    overlays: &[(&str, &str)],
    options: &Options,
) -> Result<model::api::Api, Errors> {
    let client = options.client_path.rsplit("::").next().unwrap_or_default();
    let (skip, methods) = (options.skip_unsupported, &options.client_methods);
    diff::side::lower(
        collections,
        overlays,
        skip,
        client.trim(),
        methods,
        &options.limits,
    )
}
