//! What an operation's descriptor states for the runtime's mock: its
//! arguments (path parameters, then the top-level fields of a JSON object,
//! a form or multipart parts), how its body travels, and the query values
//! that tell it apart from operations on the same method and path. Decided
//! once, here, so that the descriptors the emitter prints and those the
//! generator's own mock builds at run time say the same.

use crate::model::api::{Api, BodyKind, Operation, ParamLocation, TypeRef};
use std::collections::BTreeMap;

/// One argument of an operation, as its descriptor lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DescribedField {
    pub wire: String,
    /// A path parameter (else a top-level body field).
    pub path: bool,
    pub required: bool,
    pub format: Option<String>,
    /// The values an enum field may take; empty for any.
    pub values: Vec<String>,
}

/// How the body travels, as the descriptor's `BodyKind` says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DescribedBody {
    /// JSON, or no body: the descriptor's default.
    Json,
    Form,
    Multipart,
    /// Text of this content type.
    Text(String),
    File,
    GraphQl,
}

/// The body kind of `op`.
pub(crate) fn body(op: &Operation) -> DescribedBody {
    match op.body.as_ref().map(|b| &b.kind) {
        None | Some(BodyKind::Json) => DescribedBody::Json,
        Some(BodyKind::Form { .. }) => DescribedBody::Form,
        Some(BodyKind::Multipart(_)) => DescribedBody::Multipart,
        Some(BodyKind::Text { content_type }) => DescribedBody::Text(content_type.clone()),
        Some(BodyKind::File { .. }) => DescribedBody::File,
        Some(BodyKind::GraphQl { .. }) => DescribedBody::GraphQl,
    }
}

/// The arguments of `op`: path parameters, then the top-level fields of a
/// JSON or form body's struct, or the parts of a multipart body, with
/// their formats and enum values.
pub(crate) fn fields(api: &Api, op: &Operation) -> Vec<DescribedField> {
    let mut out: Vec<DescribedField> = api
        .path_params(op.owner)
        .into_iter()
        .map(|p| DescribedField {
            wire: p.wire.clone(),
            path: true,
            required: true,
            format: p.format.clone(),
            values: Vec::new(),
        })
        .collect();
    let enum_values = |ty: &TypeRef| match ty {
        TypeRef::Named(name) => api
            .enum_def(name)
            .map(|e| e.variants.iter().map(|v| v.wire.clone()).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let Some(body) = &op.body else {
        return out;
    };
    match &body.kind {
        BodyKind::Json | BodyKind::Form { .. } => {
            let def = match &body.ty {
                Some(TypeRef::Named(name)) => api.struct_def(name),
                _ => None,
            };
            for f in def.map(|s| s.fields.as_slice()).unwrap_or_default() {
                out.push(DescribedField {
                    wire: f.wire.clone(),
                    path: false,
                    required: !f.optional,
                    format: f.format.clone(),
                    values: enum_values(&f.ty),
                });
            }
        }
        BodyKind::Multipart(def) => {
            for part in &def.parts {
                out.push(DescribedField {
                    wire: part.wire.clone(),
                    path: false,
                    required: !part.optional,
                    format: None,
                    values: enum_values(&part.ty),
                });
            }
        }
        BodyKind::File { .. } | BodyKind::Text { .. } | BodyKind::GraphQl { .. } => {}
    }
    out
}

/// For each operation of `api`, in order, the query parameters and values
/// that tell it apart from the others of its method and path: each literal
/// value its request gives that another of them does not give. Empty for
/// an operation alone on its URL.
pub(crate) fn query_selectors(api: &Api) -> Vec<Vec<(String, String)>> {
    let literal = |op: &Operation| -> Vec<(String, String)> {
        let params = op.params.iter().flat_map(|p| &p.fields);
        params
            .filter(|f| f.location == ParamLocation::Query && !f.repeated)
            .filter_map(|f| Some((f.wire.clone(), f.examples.first()?.clone())))
            .filter(|(_, value)| !value.contains("{{"))
            .collect()
    };
    let given: Vec<Vec<(String, String)>> = api.operations.iter().map(literal).collect();
    // Operations by method and path, so that the work stays linear.
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, op) in api.operations.iter().enumerate() {
        let key = (op.http_method.clone(), format!("{:?}", op.path));
        groups.entry(key).or_default().push(i);
    }
    let mut out = vec![Vec::new(); api.operations.len()];
    for members in groups.values().filter(|m| m.len() > 1) {
        for &i in members {
            out[i] = given[i]
                .iter()
                .filter(|pair| members.iter().any(|&j| j != i && !given[j].contains(pair)))
                .cloned()
                .collect();
        }
    }
    out
}
