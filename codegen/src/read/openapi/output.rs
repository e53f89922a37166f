//! What reading an OpenAPI document gives: its operations as items, and
//! what their schemas say.

use crate::read::openapi::schema::{Schema, Schemas};
use crate::read::postman::Collection;
use crate::read::sources::Parsed;

/// A document read: its operations as items, with their schemas.
#[derive(Debug)]
pub(crate) struct OpenApi {
    pub collection: Collection,
    /// One per item of `collection`, in the same order.
    pub operations: Vec<OperationSchemas>,
    pub schemas: Schemas,
}

impl OpenApi {
    /// The document's operations as the one collection of a spec, named
    /// `file` in errors; never gated by a feature.
    pub(crate) fn parsed(&self, file: &str) -> Parsed {
        Parsed {
            file: file.to_owned(),
            feature: None,
            collection: self.collection.clone(),
        }
    }
}

/// What the schemas of one operation say.
#[derive(Debug, Clone, Default)]
pub(crate) struct OperationSchemas {
    /// The JSON request body's schema.
    pub body: Option<Schema>,
    /// The body may be left out.
    pub body_optional: bool,
    /// The success response's JSON schema.
    pub response: Option<Schema>,
    /// Documented error responses with a JSON body, by status (`404`,
    /// `4XX`, `default`).
    pub errors: Vec<(String, Schema)>,
}
