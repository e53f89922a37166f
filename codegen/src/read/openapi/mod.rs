//! Stage 1 for OpenAPI 3.0 and 3.1, in JSON or YAML, one file or many
//! joined by `$ref`: each operation read as an item of the same kind a
//! Postman collection gives (method, URL template, parameters, auth, body,
//! example responses), so that drafting, the model and the emitter are the
//! ones collections go through; beside each item, the schemas of its JSON
//! body and responses, which type them (`convert`, `combine`; the model
//! lowers them).

mod combine;
mod content;
mod context;
mod convert;
pub(crate) mod files;
mod members;
mod operations;
mod output;
mod params;
pub(crate) mod refs;
pub(crate) mod sample;
pub(crate) mod schema;
mod security;
mod text;
pub(crate) mod yaml;

use crate::error::{Error, ErrorKind, Location, Warning};
pub(crate) use output::{OpenApi, OperationSchemas};
use refs::Documents;
use serde_json::Value;
pub(crate) use text::is_openapi;

/// Reads the document whose files are in `docs`.
pub(crate) fn read(docs: &Documents) -> Result<OpenApi, Error> {
    let file = docs.entry.clone();
    let here = || Location::file(&file);
    let root = docs
        .root()
        .ok_or_else(|| Error::new(here(), ErrorKind::Io("the entry file is not read".into())))?;
    let version = root
        .get("openapi")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !version.starts_with("3.") {
        let found = if version.is_empty() { "none" } else { version };
        return Err(Error::new(
            here(),
            ErrorKind::UnexpectedFormat(format!(
                "not an OpenAPI 3.0 or 3.1 document (`openapi`: {found})"
            )),
        ));
    }
    let mut warnings: Vec<Warning> = Vec::new();
    let (collection, operations, schemas) = operations::read(docs, root, &mut warnings);
    let mut collection = collection;
    collection.warnings.extend(warnings);
    Ok(OpenApi {
        collection,
        operations,
        schemas,
    })
}
