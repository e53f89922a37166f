//! The shape of JSON seen in examples, merged across examples.

use serde_json::Value;

/// What kind of value was seen.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// Nothing but `null`, or an empty array's items: no information.
    Unknown,
    Bool,
    Int,
    Float,
    String,
    Array(Box<Shape>),
    Object(Object),
    /// Values of different kinds: any JSON.
    Any,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    pub kind: Kind,
    /// `null` was seen.
    pub nullable: bool,
}

/// An object's fields in the order first seen.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Object {
    pub fields: Vec<Field>,
    /// How many objects were merged into this one.
    pub samples: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Field {
    pub key: String,
    pub shape: Shape,
    /// In how many of the merged objects the key appeared.
    pub seen: usize,
    /// The first value seen, for docs and examples.
    pub example: Value,
    /// Every sample had the same value.
    pub same_everywhere: bool,
}

impl Field {
    /// Present in every sample.
    pub(crate) fn always_present(&self, samples: usize) -> bool {
        self.seen >= samples
    }
}

impl Shape {
    pub(crate) fn unknown() -> Self {
        Shape {
            kind: Kind::Unknown,
            nullable: false,
        }
    }

    /// The shape of one value.
    pub(crate) fn of(value: &Value) -> Self {
        let kind = match value {
            Value::Null => {
                return Shape {
                    kind: Kind::Unknown,
                    nullable: true,
                };
            }
            Value::Bool(_) => Kind::Bool,
            Value::Number(n) if n.is_i64() || n.is_u64() => Kind::Int,
            Value::Number(_) => Kind::Float,
            Value::String(_) => Kind::String,
            Value::Array(items) => {
                let item = items
                    .iter()
                    .map(Shape::of)
                    .reduce(Shape::merge)
                    .unwrap_or_else(Shape::unknown);
                Kind::Array(Box::new(item))
            }
            Value::Object(map) => Kind::Object(Object {
                fields: map
                    .iter()
                    .map(|(k, v)| Field {
                        key: k.clone(),
                        shape: Shape::of(v),
                        seen: 1,
                        example: v.clone(),
                        same_everywhere: true,
                    })
                    .collect(),
                samples: 1,
            }),
        };
        Shape {
            kind,
            nullable: false,
        }
    }

    /// One shape that accepts everything either shape accepts.
    pub(crate) fn merge(self, other: Shape) -> Shape {
        let nullable = self.nullable || other.nullable;
        let kind = match (self.kind, other.kind) {
            (Kind::Unknown, k) | (k, Kind::Unknown) => k,
            (Kind::Int, Kind::Float) | (Kind::Float, Kind::Int) => Kind::Float,
            (Kind::Array(a), Kind::Array(b)) => Kind::Array(Box::new(a.merge(*b))),
            (Kind::Object(a), Kind::Object(b)) => Kind::Object(a.merge(b)),
            (a, b) if a == b => a,
            _ => Kind::Any,
        };
        Shape { kind, nullable }
    }
}

impl Object {
    fn merge(mut self, other: Object) -> Object {
        for field in other.fields {
            match self.fields.iter_mut().find(|f| f.key == field.key) {
                Some(existing) => {
                    let shape = std::mem::replace(&mut existing.shape, Shape::unknown());
                    existing.shape = shape.merge(field.shape);
                    existing.seen += field.seen;
                    existing.same_everywhere &=
                        field.same_everywhere && existing.example == field.example;
                    if existing.example.is_null() {
                        existing.example = field.example;
                    }
                }
                None => self.fields.push(field),
            }
        }
        self.samples += other.samples;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(shape: &Shape) -> &Object {
        match &shape.kind {
            Kind::Object(o) => o,
            other => panic!("not an object: {other:?}"),
        }
    }

    #[test]
    fn merges_fields_presence_and_nullability() {
        let a = Shape::of(&json!({"id": 1, "name": "x", "tag": null}));
        let b = Shape::of(&json!({"id": 2.5, "tag": "t"}));
        let merged = a.merge(b);
        let obj = object(&merged);
        assert_eq!(obj.samples, 2);
        let id = &obj.fields[0];
        assert_eq!(id.shape.kind, Kind::Float);
        assert!(id.always_present(obj.samples));
        assert!(!obj.fields[1].always_present(obj.samples));
        assert_eq!(obj.fields[2].shape.kind, Kind::String);
        assert!(obj.fields[2].shape.nullable);
    }

    #[test]
    fn mixed_arrays_become_any_and_empty_arrays_unknown() {
        let s = Shape::of(&json!([1, "a"]));
        assert_eq!(
            s.kind,
            Kind::Array(Box::new(Shape {
                kind: Kind::Any,
                nullable: false
            }))
        );
        let s = Shape::of(&json!([]));
        assert_eq!(s.kind, Kind::Array(Box::new(Shape::unknown())));
    }
}
