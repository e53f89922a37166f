//! One Postman item read as an HTTP operation, before any Rust name is chosen.
//!
//! This is where support is decided: a construct the generator cannot turn
//! into a typed call is reported as `ErrorKind::Unsupported`, which the caller
//! may turn into a warning and skip.

use crate::draft::shape::{Kind, Shape};
use crate::error::{Error, ErrorKind, Location, Warning};
use crate::model::api::{AuthScheme, Example};
use crate::model::types::Hints;
use crate::read::jsonc;
use crate::read::markdown::{self, Argument};
use crate::read::overlay::OperationOverlay;
use crate::read::postman::{Auth, Body, Item, KeyValue};
use crate::read::url::{self, Base, Part};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const METHODS: &[&str] = &[
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
];
const IDEMPOTENT: &[&str] = &["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"];
/// Headers the runtime sets itself, or that only describe an example exchange.
const RESERVED_HEADERS: &[&str] = &[
    "accept",
    "accept-encoding",
    "authorization",
    "connection",
    "content-length",
    "content-type",
    "host",
    "user-agent",
];

/// A step towards a resource: the literal that names it and its id parameter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Link {
    pub resource: String,
    pub param: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Literal(String),
    Param(String),
    Username,
    Password,
}

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

#[derive(Debug, Clone)]
pub(crate) enum ResponseDraft {
    Json(Shape),
    Empty,
    Text,
    Any,
}

#[derive(Debug, Clone)]
pub(crate) struct Draft<'a> {
    pub item: &'a Item,
    pub overlay: Option<&'a OperationOverlay>,
    pub display: String,
    pub method: String,
    pub idempotent: bool,
    pub auth: AuthScheme,
    pub base: Base,
    pub chain: Vec<Link>,
    pub pieces: Vec<Piece>,
    pub template: String,
    pub param_docs: BTreeMap<String, String>,
    /// Example values of path parameters, from URL and collection variables.
    pub param_examples: BTreeMap<String, String>,
    pub query: Vec<KeyValue>,
    pub headers: Vec<KeyValue>,
    pub body: Option<BodyDraft>,
    pub response: ResponseDraft,
    pub response_hints: Hints,
    pub doc: String,
    pub examples: Vec<Example>,
    /// Saved examples left out; reported if the operation is kept.
    pub dropped: Vec<Warning>,
}

/// Reads `item` as an operation.
pub(crate) fn draft<'a>(
    file: &str,
    item: &'a Item,
    overlay: Option<&'a OperationOverlay>,
    vars: &BTreeMap<String, String>,
) -> Result<Draft<'a>, Error> {
    let display = item.display_path();
    let here = || Location::item(file, &display);
    let unsupported = |msg: String| Error::new(here(), ErrorKind::Unsupported(msg));
    if let Some(e) = &item.broken {
        return Err(e.clone());
    }
    let request = &item.request;
    let mut dropped = item.dropped.clone();

    let method = request.method.clone();
    if !METHODS.contains(&method.as_str()) {
        return Err(unsupported(format!("HTTP method `{method}`")));
    }
    let auth = auth_scheme(item.auth.as_ref()).map_err(unsupported)?;
    let parsed =
        url::parse(&request.url, vars).map_err(|m| Error::new(here(), ErrorKind::InvalidUrl(m)))?;
    let doc = overlay
        .and_then(|o| o.description.clone())
        .unwrap_or_else(|| request.description.clone());
    let table = markdown::argument_table(&request.description);
    let credentials = credential_vars(item.auth.as_ref());
    let (chain, pieces, template) = path(&parsed.segments, &credentials);

    let mut param_docs = BTreeMap::new();
    let mut param_examples = BTreeMap::new();
    for var in &request.url.variables {
        param_docs.insert(var.key.clone(), var.description.clone());
        if let Some(value) = var.value.as_ref().filter(|v| !v.is_empty()) {
            param_examples.insert(var.key.clone(), value.clone());
        }
    }
    for piece in &pieces {
        if let Piece::Param(name) = piece
            && let Some(value) = vars.get(name).filter(|v| !v.is_empty())
        {
            param_examples
                .entry(name.clone())
                .or_insert_with(|| value.clone());
        }
    }
    for row in &table {
        let is_param = pieces
            .iter()
            .any(|p| matches!(p, Piece::Param(n) if *n == row.name));
        if is_param && param_docs.get(&row.name).is_none_or(String::is_empty) {
            param_docs.insert(row.name.clone(), row.description.clone());
        }
    }

    let headers: Vec<KeyValue> = request
        .headers
        .iter()
        .filter(|h| !h.disabled && !RESERVED_HEADERS.contains(&h.key.to_ascii_lowercase().as_str()))
        .cloned()
        .collect();
    let content_type = request
        .headers
        .iter()
        .find(|h| !h.disabled && h.key.eq_ignore_ascii_case("content-type"))
        .and_then(|h| h.value.clone())
        .unwrap_or_default()
        .to_ascii_lowercase();

    let taken: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Param(n) => Some(n.as_str()),
            _ => None,
        })
        .chain(parsed.query.iter().map(|q| q.key.as_str()))
        .collect();
    let body = body(
        file,
        &display,
        item,
        overlay,
        &content_type,
        &table,
        &taken,
        vars,
        &mut dropped,
    )?;

    let (response, examples) = responses(file, &display, item, vars, &mut dropped);
    Ok(Draft {
        item,
        overlay,
        display: display.clone(),
        idempotent: overlay
            .and_then(|o| o.idempotent)
            .unwrap_or(IDEMPOTENT.contains(&method.as_str())),
        method,
        auth,
        base: parsed.base,
        chain,
        pieces,
        template,
        param_docs,
        param_examples,
        query: parsed.query,
        headers,
        body,
        response,
        response_hints: Hints {
            overlay: overlay
                .map(|o| o.response_fields.clone())
                .unwrap_or_default(),
            ..Hints::default()
        },
        doc,
        examples,
        dropped,
    })
}

fn auth_scheme(auth: Option<&Auth>) -> Result<AuthScheme, String> {
    match auth.map(|a| a.kind.as_str()) {
        None | Some("noauth") => Ok(AuthScheme::None),
        Some("basic") => Ok(AuthScheme::Basic),
        Some(other) => Err(format!("`{other}` authentication")),
    }
}

/// Variables that Basic auth takes its username and password from.
fn credential_vars(auth: Option<&Auth>) -> (Option<String>, Option<String>) {
    let var = |key: &str| {
        let auth = auth.filter(|a| a.kind == "basic")?;
        let value = auth.params.get(key)?.trim();
        let name = value.strip_prefix("{{")?.strip_suffix("}}")?;
        Some(name.trim().to_owned())
    };
    (var("username"), var("password"))
}

/// The resource chain, the path pieces and the path as written.
fn path(
    segments: &[Vec<Part>],
    credentials: &(Option<String>, Option<String>),
) -> (Vec<Link>, Vec<Piece>, String) {
    let mut chain: Vec<Link> = Vec::new();
    // The chain's parameters, looked up once per parameter.
    let mut in_chain: BTreeSet<String> = BTreeSet::new();
    let mut pieces = Vec::new();
    let mut template = String::new();
    // The previous segment, when it was plain text that can name a resource.
    let mut pending: Option<String> = None;
    for segment in segments {
        template.push('/');
        push_literal(&mut pieces, "/");
        let single = segment.len() == 1;
        for part in segment {
            match part {
                Part::Literal(text) => {
                    template.push_str(text);
                    push_literal(&mut pieces, text);
                }
                Part::Param { name, variable } => {
                    template.push_str(&if *variable {
                        format!("{{{{{name}}}}}")
                    } else {
                        format!("{{{name}}}")
                    });
                    if credentials.0.as_deref() == Some(name) {
                        pieces.push(Piece::Username);
                        pending = None;
                        continue;
                    }
                    if credentials.1.as_deref() == Some(name) {
                        pieces.push(Piece::Password);
                        pending = None;
                        continue;
                    }
                    pieces.push(Piece::Param(name.clone()));
                    if !in_chain.insert(name.clone()) {
                        continue;
                    }
                    let resource = match (&pending, single) {
                        (Some(literal), true) => literal.clone(),
                        _ => name.clone(),
                    };
                    chain.push(Link {
                        resource,
                        param: name.clone(),
                    });
                    pending = None;
                }
            }
        }
        pending = match segment.as_slice() {
            [Part::Literal(text)] => Some(text.clone()),
            _ => None,
        };
    }
    if template.is_empty() {
        template.push('/');
        push_literal(&mut pieces, "/");
    }
    (chain, pieces, template)
}

/// Appends path text, encoded for the wire (the template keeps it as written).
fn push_literal(pieces: &mut Vec<Piece>, text: &str) {
    let text = url::encode_literal(text);
    if let Some(Piece::Literal(last)) = pieces.last_mut() {
        last.push_str(&text);
    } else {
        pieces.push(Piece::Literal(text));
    }
}

#[allow(clippy::too_many_arguments)]
fn body(
    file: &str,
    display: &str,
    item: &Item,
    overlay: Option<&OperationOverlay>,
    content_type: &str,
    table: &[Argument],
    taken: &[&str],
    vars: &BTreeMap<String, String>,
    dropped: &mut Vec<Warning>,
) -> Result<Option<BodyDraft>, Error> {
    let here = || Location::item(file, display);
    let unsupported = |msg: &str| Error::new(here(), ErrorKind::Unsupported(msg.to_owned()));
    let overlay_fields = overlay.map(|o| o.fields.clone()).unwrap_or_default();
    let free_form = overlay.is_some_and(|o| o.free_form_body);
    let text = match &item.request.body {
        Body::None => None,
        Body::Other(mode) => {
            let what = match mode.as_str() {
                "urlencoded" => "form body (urlencoded)".to_owned(),
                "formdata" => "form body (multipart form-data)".to_owned(),
                "graphql" => "GraphQL body".to_owned(),
                "file" => "file body".to_owned(),
                other => format!("body mode `{other}`"),
            };
            return Err(unsupported(&what));
        }
        Body::Raw { text, language } => {
            let language = language.as_deref().unwrap_or_default().to_ascii_lowercase();
            if language == "xml" || content_type.contains("xml") {
                return Err(unsupported("XML body (SOAP/XML)"));
            }
            let declared_json = language == "json" || content_type.contains("json");
            if text.trim().is_empty() {
                None
            } else if declared_json || jsonc::looks_like_json(text) {
                Some(text.as_str())
            } else {
                return Err(unsupported(
                    "raw text body (only JSON bodies are supported)",
                ));
            }
        }
    };
    if free_form {
        let example = match text {
            Some(text) => Some(parse_json(file, display, "the request body", text, vars)?),
            None => None,
        };
        return Ok(Some(BodyDraft {
            shape: None,
            free_form: true,
            constants: Vec::new(),
            hints: Hints::default(),
            example,
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
        return Ok(None);
    };
    let example = parse_json(file, display, "the request body", text, vars)?;
    let mut shape = Shape::of(&example);
    for example in &item.examples {
        if let Body::Raw { text, .. } = &example.request_body {
            let what = format!("the request body of saved response `{}`", example.name);
            if jsonc::looks_like_json(text) {
                match parse_json(file, display, &what, text, vars) {
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
    Ok(Some(BodyDraft {
        shape: Some(shape),
        free_form: false,
        constants,
        hints,
        example: Some(example),
    }))
}

fn parse_json(
    file: &str,
    display: &str,
    what: &str,
    text: &str,
    vars: &BTreeMap<String, String>,
) -> Result<Value, Error> {
    let cleaned = jsonc::clean(text, &|name| url::resolve(&format!("{{{{{name}}}}}"), vars));
    serde_json::from_str(&cleaned).map_err(|e| Error::json(Location::item(file, display), what, &e))
}

/// The success response and every saved example. A success example whose
/// JSON cannot be read is left out, with a warning: it neither types the
/// response nor is served as an example.
fn responses(
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
        let kept = Example {
            name: example.name.clone(),
            status,
            body: body.clone(),
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
            match parse_json(file, display, &what, &body, vars) {
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
