//! The request body: its shape from the examples, the fields the overlay
//! fixes, and what the docs' argument table says about the rest.

use crate::draft::hints::Hints;
use crate::draft::json::parse_json;
use crate::draft::payload::Payload;
use crate::draft::secrets;
use crate::draft::shape::{Kind, Shape};
use crate::error::{Error, ErrorKind, Location, SkipReason, Warning};
use crate::read::jsonc;
use crate::read::markdown::Argument;
use crate::read::overlay::OperationOverlay;
use crate::read::postman::{Body, Item};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub(crate) struct BodyDraft {
    /// The shape the examples show; `None` for a free-form body.
    pub shape: Option<Shape>,
    pub free_form: bool,
    /// Fields with a fixed value, sent by the runtime.
    pub constants: Vec<(String, Value)>,
    pub hints: Hints,
    /// The request's own example body, for docs.
    pub example: Option<Value>,
}

impl BodyDraft {
    /// The shape of what a caller passes: `None` when the body holds nothing
    /// but constants (the operation then takes no body argument).
    pub(crate) fn caller_shape(&self) -> Option<&Shape> {
        let shape = self.shape.as_ref()?;
        let Kind::Object(obj) = &shape.kind else {
            return Some(shape);
        };
        let is_constant = |key: &str| self.constants.iter().any(|(k, _)| k == key);
        let only_constants = !self.constants.is_empty()
            && obj.fields.iter().all(|f| is_constant(&f.key))
            && self.hints.table.is_empty()
            && self.hints.overlay.is_empty();
        (!only_constants).then_some(shape)
    }

    /// Makes `key` a constant: the runtime sends `value`, callers never pass it.
    pub(crate) fn make_constant(&mut self, key: &str, value: Value) {
        self.constants.push((key.to_owned(), value));
        self.hints.skip.push(key.to_owned());
        self.hints.table.retain(|row| row.name != key);
    }
}

/// What a request sends: nothing, JSON (typed from its examples), or a
/// body of another kind.
pub(super) enum Sent {
    Nothing,
    Json(BodyDraft),
    Other(Payload),
}

/// A JSON body that cannot be read even leniently: the operation still
/// takes one, as a free-form object, and a warning says where it broke.
fn untyped(error: &Error, dropped: &mut Vec<Warning>) -> Sent {
    dropped.push(Warning::kept(
        error.location.clone(),
        format!("kept untyped: {}", error.kind),
    ));
    Sent::Json(BodyDraft {
        shape: None,
        free_form: true,
        constants: Vec::new(),
        hints: Hints::default(),
        example: None,
    })
}

#[allow(clippy::too_many_arguments)]
pub(super) fn body(
    file: &str,
    display: &str,
    item: &Item,
    overlay: Option<&OperationOverlay>,
    content_type: &str,
    table: &[Argument],
    taken: &[&str],
    vars: &BTreeMap<String, String>,
    dropped: &mut Vec<Warning>,
) -> Result<Sent, Error> {
    let here = || Location::item(file, display);
    let mut overlay_fields = overlay.map(|o| o.fields.clone()).unwrap_or_default();
    // A constant on a path or query parameter is that parameter's, not the body's.
    overlay_fields.retain(|key, f| f.constant.is_none() || !taken.contains(&key.as_str()));
    let free_form = overlay.is_some_and(|o| o.free_form_body);
    let text = match &item.request.body {
        Body::None => None,
        Body::Other(mode) => {
            return Err(Error::unsupported(
                here(),
                SkipReason::UnknownBodyMode,
                format!("body mode `{mode}`"),
            ));
        }
        Body::Urlencoded(fields) => return Ok(Sent::Other(Payload::form(fields))),
        Body::FormData(parts) => return Ok(Sent::Other(Payload::multipart(parts))),
        Body::File { src } => {
            return Ok(Sent::Other(Payload::File {
                src: src.clone(),
                content_type: Some(content_type.to_owned()).filter(|t| !t.is_empty()),
            }));
        }
        Body::GraphQl { query, variables } => {
            let example = match variables {
                Some(text) => {
                    let what = "the GraphQL variables";
                    match parse_json(file, display, what, text, vars, dropped) {
                        Ok(value) => Some(value),
                        Err(e) => {
                            let message = format!("kept untyped: {}", e.kind);
                            dropped.push(Warning::kept(e.location, message));
                            None
                        }
                    }
                }
                None => None,
            };
            return Ok(Sent::Other(Payload::GraphQl {
                query: query.clone(),
                variables: example.as_ref().map(Shape::of),
                example: example.map(redacted),
            }));
        }
        Body::Raw { text, language } => {
            let language = language.as_deref().unwrap_or_default().to_ascii_lowercase();
            let media = content_type.to_ascii_lowercase();
            let declared_json = language == "json" || media.contains("json");
            let markup = ["xml", "html"]
                .iter()
                .any(|m| language == *m || media.contains(m));
            if text.trim().is_empty() {
                None
            } else if !markup && (declared_json || jsonc::looks_like_json(text)) {
                Some(text.as_str())
            } else {
                return Ok(Sent::Other(Payload::text(&language, content_type, text)));
            }
        }
    };
    if free_form {
        let example = match text {
            Some(text) => {
                match parse_json(file, display, "the request body", text, vars, dropped) {
                    Ok(value) => Some(value),
                    Err(e) => return Ok(untyped(&e, dropped)),
                }
            }
            None => None,
        };
        return Ok(Sent::Json(BodyDraft {
            shape: None,
            free_form: true,
            constants: Vec::new(),
            hints: Hints::default(),
            example: example.map(redacted),
        }));
    }
    let Some(text) = text else {
        if let Some(key) = overlay_fields.keys().next() {
            return Err(Error::new(
                here(),
                ErrorKind::Overlay(format!(
                    "field `{key}` is declared but the request has no body"
                )),
            ));
        }
        return Ok(Sent::Nothing);
    };
    let example = match parse_json(file, display, "the request body", text, vars, dropped) {
        Ok(value) => value,
        Err(e) => return Ok(untyped(&e, dropped)),
    };
    let mut shape = Shape::of(&example);
    for example in &item.examples {
        if let Body::Raw { text, .. } = &example.request_body {
            let what = format!("the request body of saved response `{}`", example.name);
            if jsonc::looks_like_json(text) {
                match parse_json(file, display, &what, text, vars, dropped) {
                    Ok(value) => shape = shape.merge(Shape::of(&value)),
                    Err(e) => dropped.push(Warning::skipped_example(&e)),
                }
            }
        }
    }
    let mut constants = Vec::new();
    for (key, field) in &overlay_fields {
        let Some(value) = &field.constant else {
            continue;
        };
        if let Kind::Object(obj) = &shape.kind {
            let seen = obj
                .fields
                .iter()
                .find(|f| &f.key == key)
                .map(|f| &f.example);
            if let Some(seen) = seen.filter(|s| *s != value) {
                return Err(Error::new(
                    here(),
                    ErrorKind::Overlay(format!(
                        "field `{key}` is declared constant {value} but the example sends {seen}"
                    )),
                ));
            }
        }
        constants.push((key.clone(), value.clone()));
    }
    let hints = Hints {
        table: table
            .iter()
            .filter(|r| !taken.contains(&r.name.as_str()))
            .filter(|r| !constants.iter().any(|(k, _)| *k == r.name))
            .cloned()
            .collect(),
        overlay: overlay_fields
            .into_iter()
            .filter(|(_, f)| f.constant.is_none())
            .collect(),
        skip: constants.iter().map(|(k, _)| k.clone()).collect(),
    };
    if !constants.is_empty() && !matches!(shape.kind, Kind::Object(_)) {
        return Err(Error::new(
            here(),
            ErrorKind::Overlay("constant fields need a JSON object body".into()),
        ));
    }
    Ok(Sent::Json(BodyDraft {
        shape: Some(shape),
        free_form: false,
        constants,
        hints,
        example: Some(redacted(example)),
    }))
}

/// An example body for docs and example calls: typed as the item wrote
/// it, shown without credentials.
fn redacted(mut example: Value) -> Value {
    secrets::redact(&mut example);
    example
}
