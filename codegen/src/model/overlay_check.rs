//! The overlay checked against the collection: an entry's field or type
//! that the collection lacks is an error naming the overlay file, the entry
//! and what is missing.
//!
//! Without this check such an entry is not lost but worse: a field renamed
//! in the collection leaves the overlay's entry for its old name behind,
//! and that entry, typed, becomes an optional field nobody sends. Entries
//! naming no item are `select`'s to report; this module sees the items'
//! drafts, which know their body and response shapes.

use crate::draft::operation::Draft;
use crate::draft::path::Piece;
use crate::draft::response::ResponseDraft;
use crate::draft::shape::{Kind, Shape};
use crate::draft::variant::VariantPlace;
use crate::error::{Error, ErrorKind, Location};
use crate::read::overlay::OperationOverlay;
use crate::read::postman::Body;
use crate::read::{jsonc, lenient, markdown};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Reports every entry that names what the collection lacks, and drops the
/// drafts of those entries: each problem is reported once, here, rather
/// than again as the field or type the entry would have made.
pub(super) fn check(drafts: &mut Vec<Draft<'_>>, errors: &mut Vec<Error>) {
    let known = Known::of(drafts);
    let mut stale = Vec::with_capacity(drafts.len());
    for d in drafts.iter() {
        let Some(entry) = d.overlay else {
            stale.push(false);
            continue;
        };
        let problems = problems(d, entry, &known);
        stale.push(!problems.is_empty());
        let shown = entry.item.join(" / ");
        errors.extend(problems.into_iter().map(|problem| {
            // Overlays are merged, each entry keeping the file it came from.
            Error::new(
                Location::file(&entry.file),
                ErrorKind::Overlay(format!("operation \"{shown}\": {problem}")),
            )
        }));
    }
    let mut flags = stale.into_iter();
    drafts.retain(|_| !flags.next().unwrap_or(false));
}

/// The top-level field names that the drafts sharing a type name show.
#[derive(Default)]
struct Known {
    request: BTreeMap<String, BTreeSet<String>>,
    response: BTreeMap<String, BTreeSet<String>>,
}

impl Known {
    fn of(drafts: &[Draft<'_>]) -> Known {
        let mut known = Known::default();
        for d in drafts {
            let Some(o) = d.overlay else { continue };
            if let Some(name) = &o.request_type {
                let names = known.request.entry(name.clone()).or_default();
                names.extend(body_fields(d));
            }
            if let Some(name) = &o.response_type {
                let names = known.response.entry(name.clone()).or_default();
                names.extend(response_fields(d));
            }
        }
        known
    }
}

fn problems(d: &Draft<'_>, entry: &OperationOverlay, known: &Known) -> Vec<String> {
    let mut out = Vec::new();
    let shared = |map: &BTreeMap<String, BTreeSet<String>>, name: &Option<String>| {
        name.as_ref()
            .and_then(|n| map.get(n))
            .cloned()
            .unwrap_or_default()
    };
    let json_body = d.body.is_some();
    let parameters = parameters(d);
    let mut body = body_fields(d);
    body.extend(shared(&known.request, &entry.request_type));
    // A row for a path or query parameter documents that parameter, not a
    // field of a JSON body.
    body.extend(
        table(d)
            .into_iter()
            .filter(|row| !json_body || !parameters.contains(row)),
    );
    for (key, field) in &entry.fields {
        // A constant may fix a path or query parameter as well as a field.
        let in_parameters = (!json_body || field.constant.is_some()) && names(key, &parameters);
        if field.added || names(key, &body) || in_parameters {
            continue;
        }
        out.push(if json_body {
            format!(
                "`fields.{key}` names no field of the request body (its examples and argument \
                 table have none); {ADDED}"
            )
        } else {
            format!(
                "`fields.{key}` names no field of the request (its form, GraphQL \
                 variables, query, path and argument table have none); {ADDED}"
            )
        });
    }
    let mut response = response_fields(d);
    response.extend(shared(&known.response, &entry.response_type));
    for (key, field) in &entry.response_fields {
        if !field.added && !names(key, &response) {
            out.push(format!(
                "`response_fields.{key}` names no field of any saved response{}; {ADDED}",
                entry
                    .response_type
                    .as_ref()
                    .map(|t| format!(" of `{t}`"))
                    .unwrap_or_default()
            ));
        }
    }
    if let Some(name) = &entry.request_type
        && d.body.is_none()
        && d.payload.is_none()
    {
        // A response variant may take every field of the body, which the
        // plain method then does not send.
        let taken = d
            .variant
            .as_ref()
            .filter(|v| v.place == VariantPlace::Body)
            .map(|v| {
                format!(
                    " (its every field is a parameter of the response variant `{}`)",
                    v.spec.params_type
                )
            })
            .unwrap_or_default();
        out.push(format!(
            "`request_type` `{name}` names a body the request does not have{taken}"
        ));
    }
    if let Some(name) = &entry.response_type
        && !matches!(d.response, ResponseDraft::Json(_))
        && saved_json(d).is_empty()
    {
        out.push(format!(
            "`response_type` `{name}` names a JSON response the item does not have"
        ));
    }
    out
}

/// How a stale field entry is kept when it is meant.
const ADDED: &str = "write `\"added\": true` in it if the overlay adds the field on purpose";

/// Whether an overlay key names one of `seen`: itself, or, for a key
/// reaching into a nested field (`meta.next`, `objects[].time`), its first
/// step.
fn names(key: &str, seen: &BTreeSet<String>) -> bool {
    if seen.contains(key) {
        return true;
    }
    let head = key.split(['.', '[']).next().unwrap_or(key);
    head != key && seen.contains(head)
}

/// The top-level keys of the JSON body's examples (the request's and those
/// saved with its responses, merged in the draft).
fn body_fields(d: &Draft<'_>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if let Some(shape) = d.body.as_ref().and_then(|b| b.shape.as_ref()) {
        top_level(shape, &mut out);
    }
    if let Some(Value::Object(example)) = d.body.as_ref().and_then(|b| b.example.as_ref()) {
        out.extend(example.keys().cloned());
    }
    out
}

/// The top-level keys (a list's elements') of every saved response that
/// reads as JSON, whatever its status: a response that is sometimes empty,
/// or typed per variant, still shows its fields.
fn response_fields(d: &Draft<'_>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if let ResponseDraft::Json(shape) = &d.response {
        top_level(shape, &mut out);
    }
    for value in saved_json(d) {
        top_level_keys(&value, &mut out);
    }
    out
}

/// The saved response bodies that read as JSON.
fn saved_json(d: &Draft<'_>) -> Vec<Value> {
    let bodies = d.item.examples.iter().filter_map(|e| e.body.as_deref());
    bodies.filter_map(read_json).collect()
}

/// `text` as JSON, placeholders as `null`, repaired if it only needs that.
fn read_json(text: &str) -> Option<Value> {
    let cleaned = jsonc::clean(text, &|_| None);
    serde_json::from_str(&cleaned).ok().or_else(|| {
        let repaired = lenient::repair(&cleaned, true)?;
        serde_json::from_str(&repaired.text).ok()
    })
}

fn top_level_keys(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => out.extend(object.keys().cloned()),
        Value::Array(elements) => elements.iter().for_each(|e| top_level_keys(e, out)),
        _ => {}
    }
}

fn top_level(shape: &Shape, out: &mut BTreeSet<String>) {
    match &shape.kind {
        Kind::Object(obj) => out.extend(obj.fields.iter().map(|f| f.key.clone())),
        Kind::Array(element) => top_level(element, out),
        _ => {}
    }
}

/// The rows of the item's argument table.
fn table(d: &Draft<'_>) -> BTreeSet<String> {
    let rows = markdown::argument_table(&d.item.request.description);
    rows.into_iter().map(|row| row.name).collect()
}

/// The form and multipart fields (`tags[]` as `tags`), GraphQL variables,
/// query and path parameters, as the collection writes them.
fn parameters(d: &Draft<'_>) -> BTreeSet<String> {
    let request = &d.item.request;
    let bare = |key: &str| key.split('[').next().unwrap_or(key).to_owned();
    let mut out: BTreeSet<String> = match &request.body {
        Body::Urlencoded(fields) => fields.iter().map(|f| bare(&f.key)).collect(),
        Body::FormData(parts) => parts.iter().map(|p| bare(&p.field.key)).collect(),
        Body::GraphQl {
            variables: Some(text),
            ..
        } => {
            let mut keys = BTreeSet::new();
            if let Some(value) = read_json(text) {
                top_level_keys(&value, &mut keys);
            }
            keys
        }
        _ => BTreeSet::new(),
    };
    let query = request.url.query.iter().flatten().chain(&d.query);
    out.extend(query.map(|q| q.key.clone()));
    out.extend(request.url.variables.iter().map(|v| v.key.clone()));
    out.extend(d.pieces.iter().filter_map(|p| match p {
        Piece::Param(name) => Some(name.clone()),
        _ => None,
    }));
    out
}
