//! Response variants in the model: the struct of each variant's
//! parameters and the type of its answer, one each for every operation
//! that has the variant (their shapes merged, as types the overlay names
//! are), and each operation's second method.

use crate::draft::hints::Hints;
use crate::draft::operation::Draft;
use crate::draft::response::ResponseDraft;
use crate::draft::shape::Shape;
use crate::draft::variant::VariantPlace;
use crate::model::api::{ResponseSpec, TypeRef};
use crate::model::naming::{self, Scope};
use crate::model::types::{Role, Types};
use std::collections::BTreeMap;

/// The types of one variant, shared by its operations.
#[derive(Debug, Clone)]
pub(super) struct VariantTypes {
    pub params: TypeRef,
    pub response: ResponseSpec,
}

/// Builds the types of every variant some draft has, by the name of its
/// example; `Err` names the variant whose names are taken.
pub(super) fn types(
    drafts: &[Draft<'_>],
    types: &mut Types,
) -> Result<BTreeMap<String, VariantTypes>, String> {
    // Per variant: the merged shapes, hints, and whether its answers were
    // all JSON.
    type Merged<'a> = (
        &'a str,
        &'a str,
        Option<Shape>,
        Hints,
        Option<Shape>,
        Option<ResponseSpec>,
    );
    let mut merged: BTreeMap<&str, Merged<'_>> = BTreeMap::new();
    for v in drafts.iter().filter_map(|d| d.variant.as_ref()) {
        let entry = merged.entry(v.spec.example.as_str()).or_insert((
            v.spec.params_type.as_str(),
            v.spec.type_name.as_str(),
            None,
            Hints::default(),
            None,
            None,
        ));
        entry.2 = Some(match entry.2.take() {
            Some(s) => s.merge(v.shape.clone()),
            None => v.shape.clone(),
        });
        for (k, o) in &v.hints.overlay {
            entry
                .3
                .overlay
                .entry(k.clone())
                .or_insert_with(|| o.clone());
        }
        for row in &v.hints.table {
            if !entry.3.table.iter().any(|r| r.name == row.name) {
                entry.3.table.push(row.clone());
            }
        }
        match &v.response {
            ResponseDraft::Json(shape) => {
                entry.4 = Some(match entry.4.take() {
                    Some(s) => s.merge(shape.clone()),
                    None => shape.clone(),
                });
            }
            other => {
                entry.5.get_or_insert(match other {
                    ResponseDraft::Empty => ResponseSpec::Empty,
                    ResponseDraft::Text => ResponseSpec::Text,
                    ResponseDraft::Bytes => ResponseSpec::Bytes,
                    _ => ResponseSpec::Any,
                });
            }
        }
    }
    let switches: BTreeMap<&str, &str> = drafts
        .iter()
        .filter_map(|d| d.variant.as_ref())
        .filter_map(|v| Some((v.spec.example.as_str(), v.spec.params.first()?.as_str())))
        .collect();
    let mut out = BTreeMap::new();
    for (example, (params_type, type_name, shape, hints, answer, other)) in merged {
        for name in [params_type, type_name] {
            if naming::camel(name, "") != name {
                return Err(format!("`{name}` is not an UpperCamelCase Rust type name"));
            }
            types.claim_exact(name)?;
        }
        let shape = shape.unwrap_or_else(Shape::unknown);
        // The switch is what makes the other answer: never optional here.
        let mut hints = hints;
        if let Some(switch) = switches.get(example) {
            hints
                .overlay
                .entry((*switch).to_owned())
                .or_default()
                .required = Some(true);
        }
        let doc = format!(
            "The parameters that make an operation answer as its *{example}* example shows."
        );
        let params = types.top(params_type, doc, &shape, Role::Request, &hints)?;
        let response = match (answer, other) {
            (Some(shape), None) => {
                let doc =
                    format!("The answer an operation gives as its *{example}* example shows.");
                ResponseSpec::Json(types.top(
                    type_name,
                    doc,
                    &shape,
                    Role::Response,
                    &Hints::default(),
                )?)
            }
            (Some(_), Some(_)) => ResponseSpec::Any,
            (None, Some(spec)) => spec,
            (None, None) => ResponseSpec::Any,
        };
        out.insert(example.to_owned(), VariantTypes { params, response });
    }
    Ok(out)
}

/// The variant method's name on its owner: the plain one's and the suffix.
pub(super) fn method_name(plain: &str, suffix: &str, scope: &mut Scope) -> String {
    scope.claim(&naming::snake(
        &format!("{} {suffix}", naming::bare(plain)),
        "operation",
    ))
}

/// Where the model says the parameters go.
pub(super) fn in_query(place: VariantPlace) -> bool {
    place == VariantPlace::Query
}
