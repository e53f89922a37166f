//! One side of a diff taken through the normal pipeline to the model: read,
//! drafted and lowered exactly as generation does, without printing.

use crate::error::Errors;
use crate::model::api::Api;
use crate::model::input::Input;
use crate::read::folders::Selection;
use crate::read::limits::Limits;
use crate::read::openapi::refs::Documents;
use crate::read::overlay::Overlay;
use crate::read::sources::{Named, read_spec};

/// The model of `collections` with `overlays`, as generation would build it
/// for a client type called `client_name` whose own methods are
/// `client_methods`, within `limits`.
pub(crate) fn lower(
    collections: &[Named<'_>],
    overlays: &[Named<'_>],
    skip_unsupported: bool,
    client_name: &str,
    client_methods: &[String],
    limits: &Limits,
) -> Result<Api, Errors> {
    // Features gate code, not names: a diff compares the whole spec.
    let collections: Vec<_> = collections.iter().map(|&c| (c, None)).collect();
    let (parsed, overlay) = read_spec(&collections, overlays, &Selection::new(&[]), limits)?;
    let input = Input {
        collections: &parsed,
        overlay: &overlay,
        skip_unsupported,
        client_name,
        client_methods,
        openapi: None,
    };
    // Skipped items and lenient reading matter to generation, not to the
    // comparison: an item skipped on one side shows as added or removed.
    crate::model::lower::lower(&input, &mut Vec::new())
}

/// The model of the OpenAPI document in `docs`, as [`lower`] gives a
/// collection's.
pub(crate) fn lower_openapi(
    docs: &Documents,
    skip_unsupported: bool,
    client_name: &str,
    client_methods: &[String],
) -> Result<Api, Errors> {
    let read = crate::read::openapi::read(docs)?;
    let overlay = Overlay::default();
    let parsed = [read.parsed(&docs.entry)];
    let input = Input {
        collections: &parsed,
        overlay: &overlay,
        skip_unsupported,
        client_name,
        client_methods,
        openapi: Some(&read),
    };
    crate::model::lower::lower(&input, &mut Vec::new())
}
