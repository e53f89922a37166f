//! Parameters in the path, the query, headers and cookies, the path item's
//! and the operation's (the operation's win), each with an example value.
//!
//! A query parameter that is a list written `form` and exploded (the
//! default) is sent once per value; any other list or object is sent as
//! one value the caller writes (its style named in the docs). A cookie
//! parameter is left to the caller's client, with a warning.

use crate::error::{Error, ErrorKind, Warning};
use crate::read::openapi::context::Context;
use crate::read::openapi::convert::Converter;
use crate::read::openapi::sample::sample;
use crate::read::openapi::schema::{Kind, Schema};
use crate::read::postman::KeyValue;
use serde_json::Value;

/// An operation's parameters by where they go.
pub(super) struct Params {
    pub path: Vec<KeyValue>,
    pub query: Vec<KeyValue>,
    pub headers: Vec<KeyValue>,
}

pub(super) fn read(
    c: &mut Converter<'_>,
    ctx: &Context<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<Params, Error> {
    let mut all: Vec<(String, String, &Value, &str)> = Vec::new();
    let lists = [ctx.path_item.get("parameters"), ctx.op.get("parameters")];
    for list in lists.into_iter().flatten().filter_map(Value::as_array) {
        for p in list {
            let (target, _) = ctx
                .docs
                .deref(ctx.file, p)
                .map_err(|m| Error::new(ctx.here.clone(), ErrorKind::UnexpectedFormat(m)))?;
            let text = |k: &str| {
                target
                    .value
                    .get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
            };
            let (name, place) = (text("name").to_owned(), text("in").to_owned());
            all.retain(|(n, i, _, _)| !(*n == name && *i == place));
            all.push((name, place, target.value, target.file));
        }
    }
    let mut out = Params {
        path: Vec::new(),
        query: Vec::new(),
        headers: Vec::new(),
    };
    for (name, place, p, file) in all {
        let schema = match p.get("schema") {
            Some(s) => c.schema(file, s),
            None => Schema::default(),
        };
        let required = p
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(place == "path");
        let description = describe(p, &schema);
        let example = p
            .get("example")
            .cloned()
            .or_else(|| {
                p.get("examples")
                    .and_then(Value::as_object)
                    .and_then(|e| e.values().next())
                    .and_then(|e| e.get("value").cloned())
            })
            .unwrap_or_else(|| sample(&schema, &c.schemas));
        let value = as_text(&example);
        let kv = |value: Option<String>| KeyValue {
            key: name.clone(),
            value,
            description: description.clone(),
            disabled: !required,
        };
        match place.as_str() {
            "path" => out.path.push(kv(value)),
            "query" => {
                let style = p.get("style").and_then(Value::as_str).unwrap_or("form");
                let explode = p
                    .get("explode")
                    .and_then(Value::as_bool)
                    .unwrap_or(style == "form");
                let list = matches!(resolved_kind(c, &schema), Some(Kind::Array(_)));
                if list && style == "form" && explode {
                    // Twice: a key that repeats is a list of values.
                    out.query.push(kv(value.clone()));
                }
                out.query.push(kv(value));
            }
            // A disabled header is never sent: every header parameter is
            // enabled, an optional one sent only when the caller sets it.
            "header" => out.headers.push(KeyValue {
                disabled: false,
                ..kv(value)
            }),
            "cookie" => warnings.push(Warning::skipped_part(
                ctx.here.clone(),
                format!("cookie parameter `{name}`: not sent (set it on the client)"),
            )),
            other => {
                return Err(Error::new(
                    ctx.here.clone(),
                    ErrorKind::UnexpectedFormat(format!("parameter `{name}` in `{other}`")),
                ));
            }
        }
    }
    Ok(out)
}

fn resolved_kind<'a>(c: &'a Converter<'_>, schema: &'a Schema) -> Option<&'a Kind> {
    c.schemas.resolved(schema).map(|s| &s.kind)
}

/// The parameter's description, with what its schema adds.
fn describe(p: &Value, schema: &Schema) -> String {
    let mut text = p
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or(&schema.doc)
        .trim()
        .to_owned();
    let mut add = |line: String| {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&line);
    };
    if let Kind::Enum(values) = &schema.kind {
        let shown: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
        add(format!("One of {}.", shown.join(", ")));
    }
    if let Some(default) = &schema.default {
        add(format!(
            "Default: `{}`.",
            as_text(default).unwrap_or_default()
        ));
    }
    if p.get("deprecated").and_then(Value::as_bool) == Some(true) || schema.deprecated {
        add("**Deprecated.**".to_owned());
    }
    text
}

/// A value as a parameter sends it: text as is, a list joined by commas,
/// anything else as JSON; nothing for `null`.
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(as_text)
                .collect::<Vec<_>>()
                .join(","),
        ),
        other => Some(other.to_string()),
    }
}
