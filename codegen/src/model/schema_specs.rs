//! What an operation's schemas make of its JSON body and its documented
//! error bodies, with the types `schemas` lowers.

use crate::model::api::{BodyKind, BodySpec, ErrorBodies, ErrorBody};
use crate::model::doc_links::type_doc;
use crate::model::naming::{self, Scope};
use crate::model::schemas::SchemaTypes;
use crate::model::types::Types;
use crate::read::openapi::OperationSchemas;
use crate::read::openapi::sample::sample;
use crate::read::openapi::schema::Schema;

/// The JSON request body of operation `i`, typed by its schema.
pub(crate) fn schema_body_spec(
    st: &mut SchemaTypes<'_>,
    types: &mut Types,
    schema: &Schema,
    op: &OperationSchemas,
    i: usize,
    links: &[String],
    base_name: &str,
) -> BodySpec {
    let doc = type_doc("Request body", &[i], links);
    let ty = st.top(types, &format!("{base_name}Request"), doc, schema);
    BodySpec {
        ty: Some(ty),
        optional: op.body_optional,
        constants: Vec::new(),
        example: Some(sample(schema, st.schemas())),
        kind: BodyKind::Json,
    }
}

/// The documented error bodies of operation `i`, each typed by its schema.
pub(crate) fn error_bodies(
    st: &mut SchemaTypes<'_>,
    types: &mut Types,
    op: &OperationSchemas,
    base_name: &str,
) -> Option<ErrorBodies> {
    if op.errors.is_empty() {
        return None;
    }
    let type_name = types.claim(&format!("{base_name}Error"));
    let mut scope = Scope::default();
    let bodies = op
        .errors
        .iter()
        .map(|(status, schema)| {
            let label = match status.as_str() {
                "default" => "Default".to_owned(),
                s => format!("Status {}", s.to_ascii_lowercase()),
            };
            let doc = format!("The body of a `{status}` response of [`{type_name}`]'s operation.");
            let ty = st.top(types, &format!("{base_name}Error {label}"), doc, schema);
            ErrorBody {
                status: status.clone(),
                variant: scope.claim(&naming::camel(&label, "Status")),
                ty,
            }
        })
        .collect();
    Some(ErrorBodies { type_name, bodies })
}
