//! Bodies other than JSON as types: form fields typed from their example
//! values into nested structs (bracket keys) and lists (indexed keys), one
//! struct of parts per multipart body, a file, text, and GraphQL variables
//! typed from their example.

use crate::draft::hints::Hints;
use crate::draft::payload::{FormField, KeyPart, Part, Payload};
use crate::draft::secrets::{self, looks_like_credential};
use crate::draft::shape::{Kind, Shape};
use crate::model::api::{BodyKind, BodySpec, MultipartDef, PartDef, TypeRef};
use crate::model::doc_links::type_doc;
use crate::model::naming::{self, Scope};
use crate::model::types::{Role, Types};
use serde_json::{Map, Value};

/// The body of draft `i`, which sends `payload`.
pub(super) fn payload_spec(
    payload: &Payload,
    i: usize,
    links: &[String],
    base_name: &str,
    types: &mut Types,
) -> Result<BodySpec, String> {
    let spec = |ty, example, kind| BodySpec {
        ty,
        optional: false,
        constants: Vec::new(),
        example,
        kind,
    };
    let doc = type_doc("Request body", &[i], links);
    Ok(match payload {
        Payload::Form(fields) => {
            let (full, required, repeated) = form_examples(fields);
            let shape = Shape::of(&Value::Object(full.clone()))
                .merge(Shape::of(&Value::Object(required.clone())));
            let ty = if full.is_empty() {
                None
            } else {
                let name = types.claim(&format!("{base_name}Request"));
                Some(types.top(&name, doc, &shape, Role::Request, &Hints::default())?)
            };
            // The example is the item's own request: a disabled field is an
            // optional one it leaves unset. Typed as written, shown without
            // credentials.
            let mut example = Value::Object(required);
            secrets::redact(&mut example);
            spec(ty, Some(example), BodyKind::Form { repeated })
        }
        Payload::Multipart(parts) => {
            let name = types.claim(&format!("{base_name}Request"));
            let def = multipart(name.clone(), doc, parts);
            spec(Some(TypeRef::Named(name)), None, BodyKind::Multipart(def))
        }
        Payload::File { content_type, .. } => spec(
            Some(TypeRef::Upload),
            None,
            BodyKind::File {
                content_type: content_type.clone(),
            },
        ),
        Payload::Text {
            content_type,
            example,
            ..
        } => spec(
            Some(TypeRef::String),
            Some(Value::String(example.clone())),
            BodyKind::Text {
                content_type: content_type.clone(),
            },
        ),
        Payload::GraphQl {
            query,
            variables,
            example,
        } => {
            let typed = variables
                .as_ref()
                .filter(|s| matches!(&s.kind, Kind::Object(o) if !o.fields.is_empty()));
            let ty = match typed {
                Some(shape) => {
                    let name = types.claim(&format!("{base_name}Variables"));
                    let doc = type_doc("GraphQL variables", &[i], links);
                    Some(types.top(&name, doc, shape, Role::Request, &Hints::default())?)
                }
                None => None,
            };
            spec(
                ty,
                example.clone(),
                BodyKind::GraphQl {
                    query: query.clone(),
                    variables: example.is_some(),
                },
            )
        }
    })
}

/// A form value typed from its text: a boolean, an integer or a decimal
/// when it reads back the same, else text (so `007` and `+1` stay text).
fn typed(text: &str) -> Value {
    match text {
        "true" => return Value::Bool(true),
        "false" => return Value::Bool(false),
        _ => {}
    }
    if let Ok(i) = text.parse::<i64>()
        && i.to_string() == text
    {
        return Value::from(i);
    }
    if let Ok(f) = text.parse::<f64>()
        && f.is_finite()
        && f.to_string() == text
        && let Some(n) = serde_json::Number::from_f64(f)
    {
        return Value::Number(n);
    }
    Value::String(text.to_owned())
}

/// The form as example objects, typed: every field, then only the enabled
/// ones (two samples, so disabled fields come out optional; the second is
/// also the item's own example), and the keys
/// written once per value.
fn form_examples(fields: &[FormField]) -> (Map<String, Value>, Map<String, Value>, Vec<String>) {
    let mut full = Map::new();
    let mut required = Map::new();
    let mut repeated = Vec::new();
    for f in fields {
        let value = typed(f.example.as_deref().unwrap_or_default());
        let listed = f.repeated || f.path.contains(&KeyPart::Append);
        for (tree, wanted) in [(&mut full, true), (&mut required, !f.optional)] {
            if !wanted {
                continue;
            }
            if listed {
                let list = tree
                    .entry(f.wire.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list {
                    items.push(value.clone());
                }
            } else if !insert(tree, &f.path, value.clone()) {
                // Keys that do not nest (`a` and `a[b]` both): sent as written.
                tree.entry(f.wire.clone()).or_insert_with(|| value.clone());
            }
        }
        if listed && !repeated.contains(&f.wire) {
            repeated.push(f.wire.clone());
        }
    }
    (full, required, repeated)
}

/// Puts `value` at `path` (names and indexes), or says it cannot.
fn insert(tree: &mut Map<String, Value>, path: &[KeyPart], value: Value) -> bool {
    let Some((KeyPart::Name(first), rest)) = path.split_first() else {
        return false;
    };
    if rest.is_empty() {
        if tree.contains_key(first) {
            return false;
        }
        tree.insert(first.clone(), value);
        return true;
    }
    let empty = match rest[0] {
        KeyPart::Name(_) => Value::Object(Map::new()),
        KeyPart::Index(_) => Value::Array(Vec::new()),
        KeyPart::Append => return false,
    };
    let fresh = !tree.contains_key(first);
    let slot = tree.entry(first.clone()).or_insert(empty);
    let done = insert_in(slot, rest, value);
    if fresh && !done {
        // Nothing half-built stays behind for the key sent as written.
        tree.remove(first);
    }
    done
}

fn insert_in(slot: &mut Value, path: &[KeyPart], value: Value) -> bool {
    match (slot, path.first()) {
        (Value::Object(map), Some(KeyPart::Name(_))) => insert(map, path, value),
        (Value::Array(items), Some(KeyPart::Index(i))) => {
            let rest = &path[1..];
            if *i == items.len() {
                let fresh = match rest.first() {
                    None => {
                        items.push(value);
                        return true;
                    }
                    Some(KeyPart::Name(_)) => Value::Object(Map::new()),
                    Some(KeyPart::Index(_)) => Value::Array(Vec::new()),
                    Some(KeyPart::Append) => return false,
                };
                items.push(fresh);
                let done = items
                    .last_mut()
                    .is_some_and(|item| insert_in(item, rest, value));
                if !done {
                    items.pop();
                }
                return done;
            } else if rest.is_empty() {
                return false;
            }
            items
                .get_mut(*i)
                .is_some_and(|item| insert_in(item, rest, value))
        }
        _ => false,
    }
}

/// The struct of a multipart body: text parts typed from their examples,
/// file parts as uploads.
fn multipart(name: String, doc: String, parts: &[Part]) -> MultipartDef {
    let mut scope = Scope::default();
    let parts = parts
        .iter()
        .map(|p| {
            let ty = if p.file {
                TypeRef::Upload
            } else {
                match typed(p.example.as_deref().unwrap_or_default()) {
                    Value::Bool(_) => TypeRef::Bool,
                    Value::Number(n) if n.is_i64() => TypeRef::Integer,
                    Value::Number(_) => TypeRef::Float,
                    _ => TypeRef::String,
                }
            };
            let example = if p.file {
                p.src.as_deref().and_then(file_name)
            } else if looks_like_credential(&p.name)
                && p.example.as_ref().is_some_and(|e| !e.is_empty())
            {
                // Shown as a placeholder of its type.
                Some(match ty {
                    TypeRef::String => secrets::placeholder(&p.name),
                    _ => "0".to_owned(),
                })
            } else {
                p.example.clone()
            };
            PartDef {
                wire: p.name.clone(),
                field: scope.claim(&naming::snake(&p.name, "part")),
                ty,
                content_type: p.content_type.clone(),
                optional: p.optional,
                doc: p.description.clone(),
                example,
            }
        })
        .collect();
    MultipartDef { name, doc, parts }
}

/// The last piece of a saved file's path, which is the name Postman sends
/// it under (either separator: collections are saved on any system).
fn file_name(src: &str) -> Option<String> {
    src.rsplit(['/', '\\'])
        .next()
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::payload::key_path;
    use serde_json::json;

    fn field(wire: &str, value: &str, optional: bool, repeated: bool) -> FormField {
        FormField {
            wire: wire.into(),
            path: key_path(wire),
            example: Some(value.into()),
            optional,
            repeated,
            description: String::new(),
        }
    }

    #[test]
    fn values_are_typed_only_when_they_read_back_the_same() {
        assert_eq!(typed("3"), json!(3));
        assert_eq!(typed("2.5"), json!(2.5));
        assert_eq!(typed("true"), json!(true));
        for text in ["007", "+1", "1e3", "2.50", "", "{{amount}}", "x"] {
            assert_eq!(typed(text), json!(text), "{text}");
        }
    }

    #[test]
    fn bracket_keys_nest_and_repeated_keys_list() {
        let (full, required, repeated) = form_examples(&[
            field("amount", "2000", false, false),
            field("metadata[order]", "o1", false, false),
            field("items[0][price]", "p1", false, false),
            field("items[0][quantity]", "2", false, false),
            field("items[1][price]", "p2", true, false),
            field("expand[]", "a", false, true),
            field("expand[]", "b", false, true),
            field("a", "1", false, false),
            field("a[b]", "2", false, false),
        ]);
        assert_eq!(
            Value::Object(full),
            json!({
                "amount": 2000,
                "metadata": {"order": "o1"},
                "items": [{"price": "p1", "quantity": 2}, {"price": "p2"}],
                "expand[]": ["a", "b"],
                "a": 1,
                "a[b]": 2
            })
        );
        assert_eq!(
            required.get("items"),
            Some(&json!([{"price": "p1", "quantity": 2}]))
        );
        assert_eq!(repeated, ["expand[]"]);
        // A gap in the indexes cannot nest: sent as written.
        let (full, _, _) = form_examples(&[field("x[1]", "v", false, false)]);
        assert_eq!(Value::Object(full), json!({"x[1]": "v"}));
        // Nor can a list under an element: no empty element stays behind.
        let (full, _, _) = form_examples(&[
            field("y[0][a]", "1", false, false),
            field("y[1][b][3]", "2", false, false),
        ]);
        assert_eq!(
            Value::Object(full),
            json!({"y": [{"a": 1}], "y[1][b][3]": 2})
        );
    }
}
