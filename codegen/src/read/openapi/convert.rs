//! JSON Schema text read into [`Schema`]s: types (a 3.1 list of types
//! included), `nullable`, enums and `const`, objects and maps, arrays,
//! `$ref`s into the table of named schemas. `allOf`, `oneOf` and `anyOf`
//! are read by `members` and decided by `combine`.

use crate::read::openapi::combine;
use crate::read::openapi::refs::{Documents, reference_of};
use crate::read::openapi::schema::{Kind, Prop, Schema, Schemas};
use serde_json::Value;

/// Nesting of inline schemas beyond this reads as any JSON.
const MAX_DEPTH: usize = 48;

/// Reads schemas of one document, sharing its named ones.
pub(crate) struct Converter<'d> {
    pub docs: &'d Documents,
    pub schemas: Schemas,
    /// Problems met, each a message about one schema; they never stop the
    /// reading (the schema becomes a fallback).
    pub warnings: Vec<String>,
}

impl<'d> Converter<'d> {
    pub(crate) fn new(docs: &'d Documents) -> Self {
        Converter {
            docs,
            schemas: Schemas::default(),
            warnings: Vec::new(),
        }
    }

    /// The schema `value` (written in `file`) describes.
    pub(crate) fn schema(&mut self, file: &str, value: &Value) -> Schema {
        self.convert(file, value, 0)
    }

    /// The named schema `reference` (written in `file`) points at, read
    /// once however often it is referred to.
    pub(crate) fn named(&mut self, file: &str, reference: &str) -> Result<usize, String> {
        let (target, key) = self.docs.resolve(file, reference)?;
        if let Some(index) = self.schemas.find(&key) {
            return Ok(index);
        }
        let index = self.schemas.start(key.clone(), name_of(&key));
        let (target_file, value) = (target.file.to_owned(), target.value);
        let schema = self.convert(&target_file, value, 0);
        if let Some(named) = self.schemas.named.get_mut(index) {
            named.schema = schema;
            named.reading = false;
        }
        Ok(index)
    }

    pub(super) fn convert(&mut self, file: &str, value: &Value, depth: usize) -> Schema {
        let Value::Object(map) = value else {
            // `true`, `false` and anything else: no type to be had.
            return Schema::default();
        };
        let mut schema = meta(value);
        if depth > MAX_DEPTH {
            schema.kind = self.fallback("nested deeper than the generator types".into());
            return schema;
        }
        if let Some(reference) = reference_of(value) {
            schema.kind = match self.named(file, reference) {
                Ok(index) => Kind::Ref(index),
                Err(m) => self.fallback(m),
            };
            return schema;
        }
        let mut types: Vec<&str> = match map.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if types.contains(&"null") {
            schema.nullable = true;
            types.retain(|t| *t != "null");
        }
        if map.contains_key("allOf") {
            return self.all_of(file, value, schema, depth);
        }
        if map.contains_key("oneOf") || map.contains_key("anyOf") {
            return self.one_of(file, value, schema, depth);
        }
        if let Some(values) = map.get("enum").and_then(Value::as_array) {
            return enumeration(schema, values, &types);
        }
        if let Some(value) = map.get("const") {
            return enumeration(schema, std::slice::from_ref(value), &types);
        }
        let objectish = ["properties", "additionalProperties"]
            .iter()
            .any(|k| map.contains_key(*k));
        schema.kind = match types.as_slice() {
            [] if objectish => self.object(file, value, depth),
            [] if map.contains_key("items") => self.array(file, value, depth),
            [] => Kind::Any,
            [one] => self.typed(one, file, value, depth),
            several => {
                let variants = several
                    .iter()
                    .map(|t| Schema::of(self.typed(t, file, value, depth)))
                    .collect();
                combine::choice(variants, None)
            }
        };
        schema
    }

    fn typed(&mut self, ty: &str, file: &str, value: &Value, depth: usize) -> Kind {
        match ty {
            "string" => Kind::String,
            "integer" => Kind::Integer,
            "number" => Kind::Number,
            "boolean" => Kind::Bool,
            "array" => self.array(file, value, depth),
            "object" => self.object(file, value, depth),
            other => self.fallback(format!("unknown type `{other}`")),
        }
    }

    fn array(&mut self, file: &str, value: &Value, depth: usize) -> Kind {
        let items = match value.get("items") {
            Some(items) => self.convert(file, items, depth + 1),
            None => Schema::default(),
        };
        Kind::Array(Box::new(items))
    }

    pub(super) fn object(&mut self, file: &str, value: &Value, depth: usize) -> Kind {
        let required: Vec<&str> = value
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut props = Vec::new();
        if let Some(Value::Object(properties)) = value.get("properties") {
            for (key, prop) in properties {
                props.push(Prop {
                    key: key.clone(),
                    schema: self.convert(file, prop, depth + 1),
                    required: required.contains(&key.as_str()),
                });
            }
        }
        if !props.is_empty() {
            return Kind::Object(props);
        }
        match value.get("additionalProperties") {
            Some(Value::Bool(false)) => Kind::Object(props),
            Some(extra @ Value::Object(_)) => {
                Kind::Map(Box::new(self.convert(file, extra, depth + 1)))
            }
            _ => Kind::Map(Box::default()),
        }
    }

    /// Any JSON, with a warning saying why.
    pub(super) fn fallback(&mut self, why: String) -> Kind {
        self.warnings.push(why.clone());
        Kind::Fallback(why)
    }
}

/// What every schema may say besides its type.
fn meta(value: &Value) -> Schema {
    let text = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or_default();
    let flag = |key: &str| value.get(key).and_then(Value::as_bool).unwrap_or(false);
    let doc = match (text("title").trim(), text("description").trim()) {
        ("", d) => d.to_owned(),
        (t, "") => t.to_owned(),
        (t, d) => format!("{t}\n\n{d}"),
    };
    let example = value.get("example").cloned().or_else(|| {
        value
            .get("examples")
            .and_then(Value::as_array)
            .and_then(|e| e.first().cloned())
    });
    Schema {
        kind: Kind::Any,
        nullable: flag("nullable"),
        doc,
        deprecated: flag("deprecated"),
        read_only: flag("readOnly"),
        write_only: flag("writeOnly"),
        default: value.get("default").cloned(),
        format: value
            .get("format")
            .and_then(Value::as_str)
            .map(str::to_owned),
        example,
    }
}

/// An `enum` (or `const`): text values become an enum; numbers and the
/// rest keep their type, the values named in the docs.
fn enumeration(mut schema: Schema, values: &[Value], types: &[&str]) -> Schema {
    if values.iter().any(Value::is_null) {
        schema.nullable = true;
    }
    let texts: Vec<String> = values
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    let others = values
        .iter()
        .filter(|v| !v.is_null() && !v.is_string())
        .count();
    schema.kind = if !texts.is_empty() && others == 0 {
        Kind::Enum(texts)
    } else if values
        .iter()
        .all(|v| v.is_i64() || v.is_u64() || v.is_null())
        && others > 0
    {
        Kind::Integer
    } else if values.iter().all(|v| v.is_number() || v.is_null()) && others > 0 {
        Kind::Number
    } else if values.iter().all(|v| v.is_boolean() || v.is_null()) && others > 0 {
        Kind::Bool
    } else {
        match types {
            ["string"] => Kind::String,
            _ => Kind::Any,
        }
    };
    schema
}

/// The name a named schema is known by: its last pointer segment, else its
/// file's name without folder or extension.
fn name_of(key: &str) -> String {
    let (file, pointer) = key.split_once('#').unwrap_or((key, ""));
    match pointer.rsplit('/').next().filter(|s| !s.is_empty()) {
        Some(last) => last.replace("~1", "/").replace("~0", "~"),
        None => {
            let base = file.rsplit('/').next().unwrap_or(file);
            base.split('.').next().unwrap_or(base).to_owned()
        }
    }
}
