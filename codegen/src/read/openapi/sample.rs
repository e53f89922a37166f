//! A value a schema accepts, for the docs and the mock where the document
//! gives no example: the schema's own example or default first, else one
//! made from its type.

use crate::read::openapi::schema::{Kind, Schema, Schemas};
use serde_json::{Map, Value, json};

/// Objects and lists below this depth are left empty.
const MAX_DEPTH: usize = 6;

/// A value `schema` accepts.
pub(crate) fn sample(schema: &Schema, schemas: &Schemas) -> Value {
    value(schema, schemas, 0)
}

fn value(schema: &Schema, schemas: &Schemas, depth: usize) -> Value {
    if let Some(example) = schema.example.as_ref().or(schema.default.as_ref()) {
        return example.clone();
    }
    match &schema.kind {
        Kind::Any | Kind::Fallback(_) => Value::Null,
        Kind::Bool => Value::Bool(true),
        Kind::Integer => json!(1),
        Kind::Number => json!(1.5),
        Kind::String => Value::String(text(schema.format.as_deref())),
        Kind::Enum(values) => values.first().cloned().map_or(Value::Null, Value::String),
        Kind::Array(item) if depth < MAX_DEPTH => {
            Value::Array(vec![value(item, schemas, depth + 1)])
        }
        Kind::Array(_) => Value::Array(Vec::new()),
        Kind::Object(props) => {
            let mut map = Map::new();
            if depth < MAX_DEPTH {
                for p in props.iter().filter(|p| p.required || depth < 2) {
                    if p.schema.write_only {
                        continue;
                    }
                    map.insert(p.key.clone(), value(&p.schema, schemas, depth + 1));
                }
            }
            Value::Object(map)
        }
        Kind::Map(_) => Value::Object(Map::new()),
        Kind::OneOf(one) => match (one.variants.first(), &one.discriminator) {
            (_, Some(d)) if !d.mapping.is_empty() => {
                let (tag, index) = &d.mapping[0];
                let mut v = schemas
                    .named
                    .get(*index)
                    .map_or(Value::Null, |n| value(&n.schema, schemas, depth + 1));
                if let Value::Object(map) = &mut v {
                    map.insert(d.property.clone(), Value::String(tag.clone()));
                }
                v
            }
            (Some(first), _) => value(first, schemas, depth + 1),
            (None, _) => Value::Null,
        },
        Kind::Ref(i) if depth < MAX_DEPTH => schemas
            .named
            .get(*i)
            .map_or(Value::Null, |n| value(&n.schema, schemas, depth + 1)),
        Kind::Ref(_) => Value::Null,
    }
}

/// Text in `format`, where it has one the generator knows.
fn text(format: Option<&str>) -> String {
    match format {
        Some("date-time") => "2024-01-02T03:04:05Z",
        Some("date") => "2024-01-02",
        Some("uuid") => "00000000-0000-4000-8000-000000000000",
        Some("email") => "user@example.com",
        Some("uri" | "url") => "https://example.com/",
        Some("byte") => "aGVsbG8=",
        _ => "string",
    }
    .to_owned()
}
