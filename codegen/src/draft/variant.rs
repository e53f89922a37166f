//! A response variant's part of one request (`read::variants`): the
//! parameters that switch the answer, taken out of the body or the query
//! (the plain method no longer takes them), with what the overlay says of
//! them and their example values, and the draft of the other answer.

use crate::draft::body::BodyDraft;
use crate::draft::hints::Hints;
use crate::draft::response::ResponseDraft;
use crate::draft::shape::{Kind, Object, Shape};
use crate::read::postman::KeyValue;
use crate::read::variants::ResponseVariant;
use serde_json::{Map, Value};

/// Where the parameters travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VariantPlace {
    /// Fields of the JSON body.
    Body,
    /// Query parameters.
    Query,
}

/// The variant of one operation.
#[derive(Debug, Clone)]
pub(crate) struct VariantDraft<'a> {
    pub spec: &'a ResponseVariant,
    pub place: VariantPlace,
    /// An object of the parameters, as the examples show them.
    pub shape: Shape,
    /// What the overlay says of them.
    pub hints: Hints,
    /// Their example values, for docs.
    pub example: Value,
    /// The other answer.
    pub response: ResponseDraft,
}

/// The variant's parameters, taken out of `body` (a JSON object holding the
/// first one) or else `query`; `None`, leaving both as they are, when the
/// request carries neither.
pub(super) fn take<'a>(
    spec: &'a ResponseVariant,
    response: ResponseDraft,
    body: &mut Option<BodyDraft>,
    query: &mut Vec<KeyValue>,
) -> Option<VariantDraft<'a>> {
    let switch = spec.params.first()?;
    let taken = |key: &str| spec.params.iter().any(|p| p == key);
    if let Some(b) = body.as_mut()
        && let Some(Shape {
            kind: Kind::Object(obj),
            ..
        }) = b.shape.as_mut()
        && obj.fields.iter().any(|f| f.key == *switch)
    {
        let samples = obj.samples;
        let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut obj.fields)
            .into_iter()
            .partition(|f| taken(&f.key));
        obj.fields = rest;
        let left = obj.fields.is_empty();
        let mut example = Map::new();
        if let Some(Value::Object(values)) = b.example.as_mut() {
            for key in &spec.params {
                if let Some(value) = values.remove(key) {
                    example.insert(key.clone(), value);
                }
            }
        }
        let hints = Hints {
            overlay: b
                .hints
                .overlay
                .iter()
                .filter(|(k, _)| taken(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            table: b
                .hints
                .table
                .iter()
                .filter(|r| taken(&r.name))
                .cloned()
                .collect(),
            skip: Vec::new(),
        };
        b.hints.overlay.retain(|k, _| !taken(k));
        b.hints.table.retain(|r| !taken(&r.name));
        // Nothing left for the caller to send: the plain method takes no body.
        if left && b.constants.is_empty() && b.hints.table.is_empty() && b.hints.overlay.is_empty()
        {
            *body = None;
        }
        return Some(VariantDraft {
            spec,
            place: VariantPlace::Body,
            shape: Shape {
                kind: Kind::Object(Object {
                    fields: mine,
                    samples,
                }),
                nullable: false,
            },
            hints,
            example: Value::Object(example),
            response,
        });
    }
    if !query.iter().any(|q| q.key == *switch) {
        return None;
    }
    let mut example = Map::new();
    for q in query.iter().filter(|q| taken(&q.key)) {
        let value = q.value.clone().filter(|v| !q.disabled && !v.is_empty());
        example.insert(q.key.clone(), Value::String(value.unwrap_or_default()));
    }
    query.retain(|q| !taken(&q.key));
    let example = Value::Object(example);
    Some(VariantDraft {
        spec,
        place: VariantPlace::Query,
        shape: Shape::of(&example),
        hints: Hints::default(),
        example,
        response,
    })
}
