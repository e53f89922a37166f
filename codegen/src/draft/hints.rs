//! What the docs and the overlay say about a body's fields, gathered while
//! drafting and used when the model names and types them.

use crate::read::markdown::Argument;
use crate::read::overlay::FieldOverlay;
use std::collections::BTreeMap;

/// What the docs and overlay say about a body's top-level fields.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hints {
    pub table: Vec<Argument>,
    pub overlay: BTreeMap<String, FieldOverlay>,
    /// Keys the runtime fills in (constants); they get no field.
    pub skip: Vec<String>,
}
