//! One side of a diff taken through the normal pipeline to the model: read,
//! drafted and lowered exactly as generation does, without printing.

use crate::error::Errors;
use crate::model::api::Api;
use crate::model::input::Input;
use crate::read::folders::Selection;
use crate::read::limits::Limits;
use crate::read::openapi::refs::Documents;
use crate::read::overlay::{Overlay, read as read_overlay};
use crate::read::postman_items::read_folders;

/// A named text: the name appears in every error about it.
pub(crate) type Named<'a> = (&'a str, &'a str);

/// The model of `collection` with `overlay`, as generation would build it
/// for a client type called `client_name` whose own methods are
/// `client_methods`, within `limits`.
pub(crate) fn lower(
    collection: Named<'_>,
    overlay: Option<Named<'_>>,
    skip_unsupported: bool,
    client_name: &str,
    client_methods: &[String],
    limits: &Limits,
) -> Result<Api, Errors> {
    let every = Selection::new(&[]);
    let parsed = read_folders(collection.0, collection.1, &every, limits)?;
    let (overlay_data, overlay_file) = match overlay {
        Some((name, text)) => (read_overlay(name, text, limits)?, name),
        None => (Overlay::default(), ""),
    };
    let input = Input {
        collection: &parsed,
        collection_file: collection.0,
        overlay: &overlay_data,
        overlay_file,
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
    let input = Input {
        collection: &read.collection,
        collection_file: &docs.entry,
        overlay: &overlay,
        overlay_file: "",
        skip_unsupported,
        client_name,
        client_methods,
        openapi: Some(&read),
    };
    crate::model::lower::lower(&input, &mut Vec::new())
}
