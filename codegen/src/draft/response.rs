//! The success response's shape, and the saved examples kept for the docs
//! and the mock.

use crate::draft::json::parse_json;
use crate::draft::secrets;
use crate::draft::shape::Shape;
use crate::error::Warning;
use crate::read::jsonc;
use crate::read::postman::Item;
use crate::read::variants::ResponseVariant;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub(crate) enum ResponseDraft {
    Json(Shape),
    Empty,
    Text,
    /// Neither JSON nor text: the item asks for another type (`negotiation`).
    Bytes,
    Any,
}

/// A saved example response.
#[derive(Debug, Clone)]
pub(crate) struct Example {
    pub name: String,
    pub status: u16,
    pub body: String,
    /// The saved response's `Content-Type`, as written.
    pub content_type: Option<String>,
    /// The parameter whose presence in a request selects this answer (a
    /// response variant's); `None` for the plain answers.
    pub when: Option<String>,
}

/// The answers: the plain one's draft, every saved example, and the draft
/// of the answer a response variant's examples show, with the variant.
pub(super) struct Answers<'v> {
    pub response: ResponseDraft,
    pub examples: Vec<Example>,
    pub variant: Option<(&'v ResponseVariant, ResponseDraft)>,
}

/// The success response and every saved example. A success example whose
/// JSON cannot be read is left out, with a warning: it neither types the
/// response nor is served as an example. An example named as a response
/// variant's (`variants`) types that variant's answer instead.
pub(super) fn responses<'v>(
    file: &str,
    display: &str,
    item: &Item,
    vars: &BTreeMap<String, String>,
    dropped: &mut Vec<Warning>,
    variants: &'v [ResponseVariant],
) -> Answers<'v> {
    let (plain, others): (Vec<_>, Vec<_>) = item
        .examples
        .iter()
        .partition(|e| !variants.iter().any(|v| v.example == e.name));
    let (response, mut examples) = typed(file, display, &plain, vars, dropped, None);
    let variant = others
        .first()
        .and_then(|e| variants.iter().find(|v| v.example == e.name))
        .map(|v| {
            let when = v.params.first().cloned();
            let (draft, mut kept) = typed(file, display, &others, vars, dropped, when);
            examples.append(&mut kept);
            (v, draft)
        });
    Answers {
        response,
        examples,
        variant,
    }
}

/// The draft `examples` type together, and the examples kept, each marked
/// with `when`.
fn typed(
    file: &str,
    display: &str,
    saved: &[&crate::read::postman::Example],
    vars: &BTreeMap<String, String>,
    dropped: &mut Vec<Warning>,
    when: Option<String>,
) -> (ResponseDraft, Vec<Example>) {
    let mut shape: Option<Shape> = None;
    let (mut empty, mut text) = (false, false);
    let mut examples = Vec::new();
    for example in saved {
        let status = example.status.unwrap_or(200);
        let body = example.body.clone().unwrap_or_default();
        // Served and printed as saved, but without credentials; typed
        // from the body as saved.
        let kept = Example {
            name: example.name.clone(),
            status,
            body: secrets::redact_text(&body),
            content_type: example.content_type.clone(),
            when: when.clone(),
        };
        // These statuses carry no body by definition, whatever the example shows.
        if !(200..300).contains(&status) || status == 204 || status == 205 {
            empty |= status == 204 || status == 205;
            examples.push(kept);
            continue;
        }
        let value = if body.trim().is_empty() {
            empty = true;
            examples.push(kept);
            continue;
        } else if jsonc::looks_like_json(&body) {
            let what = format!("saved response `{}`", example.name);
            match parse_json(file, display, &what, &body, vars, dropped) {
                Ok(value) => value,
                Err(e) => {
                    dropped.push(Warning::skipped_example(&e));
                    continue;
                }
            }
        } else if let Ok(scalar) = serde_json::from_str::<Value>(body.trim()) {
            scalar
        } else {
            text = true;
            examples.push(kept);
            continue;
        };
        examples.push(kept);
        let seen = Shape::of(&value);
        shape = Some(match shape {
            Some(s) => s.merge(seen),
            None => seen,
        });
    }
    let response = match (shape, empty, text) {
        (_, _, true) => ResponseDraft::Text,
        (Some(_), true, false) => ResponseDraft::Any,
        (Some(shape), false, false) => ResponseDraft::Json(shape),
        (None, true, false) => ResponseDraft::Empty,
        (None, false, false) => ResponseDraft::Any,
    };
    (response, examples)
}
