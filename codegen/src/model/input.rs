//! What lowering reads, and the one rule for an item's problem: skipped
//! with a warning, or an error.

use crate::error::{Error, ErrorKind, Warning};
use crate::read::openapi::OpenApi;
use crate::read::overlay::Overlay;
use crate::read::postman::Item;
use crate::read::sources::Parsed;

/// What lowering reads: the collections, their merged overlay and the options.
pub(crate) struct Input<'a> {
    /// In the order their items are generated in.
    pub collections: &'a [Parsed],
    pub overlay: &'a Overlay,
    pub skip_unsupported: bool,
    /// The client type's name, kept free in the type namespace.
    pub client_name: &'a str,
    /// The client type's own methods, kept free among its generated ones.
    pub client_methods: &'a [String],
    /// The OpenAPI document the collection was read from, whose schemas
    /// type the bodies and responses.
    pub openapi: Option<&'a OpenApi>,
}

impl<'a> Input<'a> {
    /// Every item of every collection, in order, with its collection.
    pub(super) fn items(&self) -> impl Iterator<Item = (&'a Parsed, &'a Item)> + use<'a> {
        self.collections
            .iter()
            .flat_map(|p| p.collection.items.iter().map(move |item| (p, item)))
    }
}

/// An item's problem: with `skip_unsupported`, the item is left out with a
/// warning; without, it is an error. An overlay's contradiction is always an
/// error: the overlay is the caller's own file, to fix rather than skip.
pub(super) fn skip_or_fail(
    input: &Input<'_>,
    e: Error,
    warnings: &mut Vec<Warning>,
    errors: &mut Vec<Error>,
) {
    let skippable = e.location.item.is_some() && !matches!(e.kind, ErrorKind::Overlay(_));
    if input.skip_unsupported && skippable {
        warnings.push(Warning::skipped_item(e));
    } else {
        errors.push(e);
    }
}
