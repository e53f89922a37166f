//! The success response's shape, and the saved examples kept for the docs
//! and the mock.

use crate::draft::json::parse_json;
use crate::draft::secrets;
use crate::draft::shape::Shape;
use crate::error::Warning;
use crate::read::jsonc;
use crate::read::postman::Item;
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
}

/// The success response and every saved example. A success example whose
/// JSON cannot be read is left out, with a warning: it neither types the
/// response nor is served as an example.
pub(super) fn responses(
    file: &str,
    display: &str,
    item: &Item,
    vars: &BTreeMap<String, String>,
    dropped: &mut Vec<Warning>,
) -> (ResponseDraft, Vec<Example>) {
    let mut shape: Option<Shape> = None;
    let (mut empty, mut text) = (false, false);
    let mut examples = Vec::new();
    for example in &item.examples {
        let status = example.status.unwrap_or(200);
        let body = example.body.clone().unwrap_or_default();
        // Served and printed as saved, but without credentials; typed
        // from the body as saved.
        let kept = Example {
            name: example.name.clone(),
            status,
            body: secrets::redact_text(&body),
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
