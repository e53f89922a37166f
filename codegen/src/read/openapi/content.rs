//! Request bodies and responses by media type. A request body is sent as
//! JSON when the operation takes JSON, else as a form, multipart (a part
//! per property, files for `binary` properties, each part's `encoding`
//! content type), text, or one file for any other type. The success
//! response is the lowest documented 2xx; its JSON schema types it, and an
//! example (the document's, else one made from the schema) is kept for the
//! docs and the mock, as are the error responses'.

use crate::error::{Error, ErrorKind};
use crate::read::openapi::context::Context;
use crate::read::openapi::convert::Converter;
use crate::read::openapi::sample::sample;
use crate::read::openapi::schema::{Kind, Schema};
use crate::read::postman::{Body, Example, FormPart, KeyValue};
use serde_json::Value;

/// A request body as read.
pub(super) struct RequestBody {
    pub body: Body,
    pub content_type: Option<String>,
    /// The JSON body's schema.
    pub schema: Option<Schema>,
    pub optional: bool,
}

/// The responses as read.
pub(super) struct Responses {
    pub examples: Vec<Example>,
    /// The media type to ask for when the success response is not JSON.
    pub accept: Option<String>,
    pub schema: Option<Schema>,
    pub errors: Vec<(String, Schema)>,
}

fn is_json(media: &str) -> bool {
    let m = media.to_ascii_lowercase();
    m.contains("json") && !m.contains("json-seq") && !m.contains("jsonl")
}

pub(super) fn request_body(c: &mut Converter<'_>, ctx: &Context<'_>) -> Result<RequestBody, Error> {
    let none = RequestBody {
        body: Body::None,
        content_type: None,
        schema: None,
        optional: true,
    };
    let Some(body) = ctx.op.get("requestBody") else {
        return Ok(none);
    };
    let (target, _) = ctx
        .docs
        .deref(ctx.file, body)
        .map_err(|m| Error::new(ctx.here.clone(), ErrorKind::UnexpectedFormat(m)))?;
    let file = target.file;
    let optional = target.value.get("required").and_then(Value::as_bool) != Some(true);
    let Some(content) = target.value.get("content").and_then(Value::as_object) else {
        return Ok(none);
    };
    let rank = |m: &str| {
        let m = m.to_ascii_lowercase();
        if is_json(&m) {
            0
        } else if m.starts_with("application/x-www-form-urlencoded") {
            1
        } else if m.starts_with("multipart/") {
            2
        } else if m.starts_with("text/") || m.contains("xml") {
            3
        } else {
            4
        }
    };
    let Some((media, spec)) = content.iter().min_by_key(|(m, _)| rank(m)) else {
        return Ok(none);
    };
    let schema = match spec.get("schema") {
        Some(s) => c.schema(file, s),
        None => Schema::default(),
    };
    let example = media_example(spec).unwrap_or_else(|| sample(&schema, &c.schemas));
    let props = match c.schemas.resolved(&schema).map(|s| &s.kind) {
        Some(Kind::Object(props)) => props.clone(),
        _ => Vec::new(),
    };
    let field = |key: &str, required: bool, doc: &str| KeyValue {
        key: key.to_owned(),
        value: example.get(key).and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        }),
        description: doc.to_owned(),
        disabled: !required,
    };
    let (body, schema) = match rank(media) {
        0 => (
            Body::Raw {
                text: serde_json::to_string_pretty(&example).unwrap_or_default(),
                language: Some("json".into()),
            },
            Some(schema),
        ),
        1 => (
            Body::Urlencoded(
                props
                    .iter()
                    .map(|p| field(&p.key, p.required, &p.schema.doc))
                    .collect(),
            ),
            None,
        ),
        2 => {
            let encoding = spec.get("encoding");
            let parts = props
                .iter()
                .map(|p| FormPart {
                    field: field(&p.key, p.required, &p.schema.doc),
                    is_file: is_file(c, &p.schema),
                    src: None,
                    content_type: encoding
                        .and_then(|e| e.get(&p.key))
                        .and_then(|e| e.get("contentType"))
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                })
                .collect();
            (Body::FormData(parts), None)
        }
        3 => {
            let text = match example {
                Value::String(s) if !s.trim().is_empty() => s,
                _ => "text".to_owned(),
            };
            (
                Body::Raw {
                    text,
                    language: Some("text".into()),
                },
                None,
            )
        }
        _ => (Body::File { src: None }, None),
    };
    Ok(RequestBody {
        body,
        content_type: Some(media.clone()),
        schema,
        optional,
    })
}

/// A property sent as a file: binary text, or a list of it.
fn is_file(c: &Converter<'_>, schema: &Schema) -> bool {
    let Some(s) = c.schemas.resolved(schema) else {
        return false;
    };
    match &s.kind {
        Kind::String => matches!(s.format.as_deref(), Some("binary" | "byte")),
        Kind::Array(item) => is_file(c, item),
        Kind::Any => s.format.as_deref() == Some("binary"),
        _ => false,
    }
}

/// The media type's own example, if it has one.
fn media_example(spec: &Value) -> Option<Value> {
    spec.get("example").cloned().or_else(|| {
        spec.get("examples")
            .and_then(Value::as_object)
            .and_then(|e| e.values().next())
            .and_then(|e| e.get("value").cloned())
    })
}

pub(super) fn responses(c: &mut Converter<'_>, ctx: &Context<'_>) -> Responses {
    let mut out = Responses {
        examples: Vec::new(),
        accept: None,
        schema: None,
        errors: Vec::new(),
    };
    let Some(map) = ctx.op.get("responses").and_then(Value::as_object) else {
        return out;
    };
    let success = map
        .keys()
        .filter(|k| k.starts_with('2'))
        .min_by_key(|k| k.replace(['X', 'x'], "0"))
        .cloned();
    for (code, response) in map {
        let Ok((target, _)) = ctx.docs.deref(ctx.file, response) else {
            continue;
        };
        let status = code
            .replace(['X', 'x'], "0")
            .parse::<u16>()
            .unwrap_or(if code == "default" { 500 } else { 200 });
        let is_success = success.as_deref() == Some(code.as_str());
        let content = target.value.get("content").and_then(Value::as_object);
        let media = content.and_then(|c| {
            c.iter()
                .find(|(m, _)| is_json(m))
                .or_else(|| c.iter().next())
        });
        let Some((media, spec)) = media else {
            if is_success {
                out.examples
                    .push(example(code, status, String::new(), None));
            }
            continue;
        };
        if !is_json(media) {
            if is_success {
                out.accept = Some(media.clone());
            }
            continue;
        }
        let schema = match spec.get("schema") {
            Some(s) => c.schema(target.file, s),
            None => Schema::default(),
        };
        let value = media_example(spec).unwrap_or_else(|| sample(&schema, &c.schemas));
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        out.examples
            .push(example(code, status, text, Some(media.clone())));
        if is_success {
            out.schema = Some(schema);
        } else if !code.starts_with('2') {
            out.errors.push((code.clone(), schema));
        }
    }
    out
}

fn example(code: &str, status: u16, body: String, content_type: Option<String>) -> Example {
    Example {
        name: format!("{code} response"),
        status: Some(status),
        body: Some(body),
        content_type,
        request_body: Body::None,
    }
}
