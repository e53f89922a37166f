//! Generates a typed Rust client module from Postman Collections (v2.0 or
//! v2.1), with overlays for what a collection cannot say: one collection
//! ([`generate`]) or a [`Spec`] of several that together describe one API
//! ([`generate_spec`]); or from an OpenAPI 3.0/3.1 document
//! ([`generate_openapi`]).
//!
//! [`generate`] and [`generate_spec`] are pure: text in, text out.
//! [`generate_dir`] adds the file reading that a build script or the
//! command line needs; [`build_api`] is a whole build script.
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
//! The module's docs link to runtime items, which `cargo doc --no-deps`
//! prints as raw paths, without a warning, unless the host re-exports the
//! runtime inline: `#[doc(inline)] pub use postman_runtime as runtime;`.
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
//! classified for users of the generated API. [`mock`] (feature `mock`)
//! serves the model with the runtime's mock, no Rust compiled.
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
mod host;
#[cfg(feature = "mock")]
pub mod mock;
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
    generate_from(&parsed, &overlay_data, None, options)
}

/// The module for the collections read (from Postman or OpenAPI).
fn generate_from(
    parsed: &[read::sources::Parsed],
    overlay_data: &read::overlay::Overlay,
    openapi: Option<&read::openapi::OpenApi>,
    options: &Options,
) -> Result<Output, Errors> {
    let first_file = parsed.first().map_or("", |p| p.file.as_str());
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
        collections: parsed,
        overlay: overlay_data,
        skip_unsupported: options.skip_unsupported,
        client_name: &client_name,
        client_methods: &options.client_methods,
        openapi,
    };
    let api = model::lower::lower(&input, &mut warnings)?;
    let files: Vec<&str> = parsed.iter().map(|p| p.file.as_str()).collect();
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

/// Whether the file `name` holding `text` is an OpenAPI document (YAML, or
/// JSON with an `openapi` member) rather than a Postman collection.
pub fn is_openapi(name: &str, text: &str) -> bool {
    read::openapi::is_openapi(name, text)
}

/// Generates the module for an OpenAPI 3.0 or 3.1 document, JSON or YAML:
/// `files` holds its entry file first, then every file its `$ref`s reach,
/// each named as the references write it relative to the entry's name
/// (`api/main.yml` refers to `models/pet.yml` as `api/models/pet.yml`).
/// Operations, types and the runtime are those of [`generate`].
///
/// # Errors
///
/// As [`generate`]: a file that is not OpenAPI 3.x or does not parse, a
/// reference to a file not given, an operation that cannot be generated
/// (unless [`Options::skip_unsupported`]).
pub fn generate_openapi(files: &[Source<'_>], options: &Options) -> Result<Output, Errors> {
    let texts: Vec<(&str, &str)> = files.iter().map(|f| (f.name, f.text)).collect();
    let docs = read::openapi::files::from_texts(&texts)?;
    generate_openapi_docs(&docs, options)
}

/// Generates the module for the OpenAPI document whose entry file is at
/// `path`, reading the files its `$ref`s reach (in its folder or below).
///
/// # Errors
///
/// As [`generate_openapi`], or when a file cannot be read.
pub fn generate_openapi_file(path: &Path, options: &Options) -> Result<Output, Errors> {
    let docs = read::openapi::files::read(path, &options.limits)?;
    generate_openapi_docs(&docs, options)
}

fn generate_openapi_docs(
    docs: &read::openapi::refs::Documents,
    options: &Options,
) -> Result<Output, Errors> {
    let api = read::openapi::read(docs)?;
    let parsed = [api.parsed(&docs.entry)];
    generate_from(
        &parsed,
        &read::overlay::Overlay::default(),
        Some(&api),
        options,
    )
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

/// A build script in one line: `spec` (a folder, as [`generate_dir`] reads
/// it, or a collection file) generated into `OUT_DIR/api.rs`, which the
/// crate includes: a `Client` (`Client::builder()`, `Client::new`), a vendor
/// of the runtime's defaults (`VENDOR`) and every generated item (also
/// under `api`). Items it cannot read are left out, with one Cargo warning
/// naming them; errors are printed and fail the build.
///
/// ```no_run
/// // build.rs
/// fn main() -> std::process::ExitCode {
///     postman_codegen::build_api("spec")
/// }
/// ```
pub fn build_api(spec: impl AsRef<Path>) -> std::process::ExitCode {
    let options = Options::default()
        .with_skip_unsupported(true)
        .with_client_path("super::Client")
        .with_client_methods(["builder", "new"])
        .with_example_calls(true);
    host::run(spec.as_ref(), |spec| {
        if spec.is_dir() {
            return generate_dir(spec, &options).map(|(output, _)| output);
        }
        let name = spec.file_name().unwrap_or_default().to_string_lossy();
        let text = options.limits.read_file(spec, &name)?;
        generate(
            Source {
                name: &name,
                text: &text,
            },
            None,
            &options,
        )
    })
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
    if let ([one], []) = (collections, overlays)
        && read::openapi::is_openapi(one.0, one.1)
    {
        // A file on disk brings the files its `$ref`s reach; a text (a git
        // revision's) is one file.
        let path = Path::new(one.0);
        let docs = if path.is_file() {
            read::openapi::files::read(path, &options.limits)?
        } else {
            read::openapi::files::from_texts(&[*one])?
        };
        return diff::side::lower_openapi(&docs, skip, client.trim(), methods);
    }
    diff::side::lower(
        collections,
        overlays,
        skip,
        client.trim(),
        methods,
        &options.limits,
    )
}
