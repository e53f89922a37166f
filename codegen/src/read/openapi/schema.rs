//! Schemas as the generator reads them: JSON Schema (OpenAPI 3.0's dialect
//! and 3.1's) reduced to what decides a Rust type. `$ref`s become indices
//! into one table of named schemas, so a recursive schema is a loop of
//! indices, never an endless tree. The model decides the Rust types.

use serde_json::Value;
use std::collections::HashMap;

/// One schema with what its docs need.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Schema {
    pub kind: Kind,
    /// `null` is a valid value (`nullable: true`, `type: [.., "null"]`, a
    /// `null` among `oneOf`'s variants or an `enum`'s values).
    pub nullable: bool,
    /// `title` and `description`, as written.
    pub doc: String,
    pub deprecated: bool,
    /// Sent by the server only.
    pub read_only: bool,
    /// Sent by clients only.
    pub write_only: bool,
    pub default: Option<Value>,
    /// `format`, as written (`date-time`, `uuid`, `int64`, `binary`, ...).
    pub format: Option<String>,
    /// The schema's own example, if it gives one.
    pub example: Option<Value>,
}

/// What values a schema allows, as far as a type goes.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Kind {
    /// Any JSON value: the schema says nothing a type could hold.
    #[default]
    Any,
    Bool,
    Integer,
    Number,
    String,
    /// Text from a closed list (more may come: the model keeps a catch-all).
    Enum(Vec<String>),
    Array(Box<Schema>),
    Object(Vec<Prop>),
    /// An object whose keys are data, each value of one schema.
    Map(Box<Schema>),
    /// One of several schemas (`oneOf`, `anyOf`, a list of types).
    OneOf(OneOf),
    /// The named schema at this index of [`Schemas::named`].
    Ref(usize),
    /// No exact type: any JSON value, and the reason, for the warning and
    /// the docs.
    Fallback(String),
}

/// An object's property.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Prop {
    pub key: String,
    pub schema: Schema,
    pub required: bool,
}

/// A choice between schemas.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OneOf {
    pub variants: Vec<Schema>,
    pub discriminator: Option<Discriminator>,
}

/// The property whose value says which variant an object is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Discriminator {
    pub property: String,
    /// Each value with the named schema it selects.
    pub mapping: Vec<(String, usize)>,
}

/// A schema reached by `$ref`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Named {
    /// `file#pointer`: the same schema however it is referred to.
    pub key: String,
    /// The name it was given (its key under `components/schemas`, else its
    /// file's), for the model to make a Rust name of.
    pub name: String,
    pub schema: Schema,
    /// Still being read: a reference to it now is a loop.
    pub reading: bool,
}

/// Every named schema of a document that an operation reaches.
#[derive(Debug, Clone, Default)]
pub(crate) struct Schemas {
    pub named: Vec<Named>,
    by_key: HashMap<String, usize>,
}

impl Schemas {
    /// The index of the schema with `key`, if it is already known.
    pub(crate) fn find(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// Adds a schema still to be read, and returns its index.
    pub(crate) fn start(&mut self, key: String, name: String) -> usize {
        let index = self.named.len();
        self.by_key.insert(key.clone(), index);
        self.named.push(Named {
            key,
            name,
            schema: Schema::default(),
            reading: true,
        });
        index
    }

    /// The schema `schema` stands for, past references (itself when it is
    /// no reference); `None` for a reference to a schema still being read.
    pub(crate) fn resolved<'a>(&'a self, schema: &'a Schema) -> Option<&'a Schema> {
        let mut at = schema;
        for _ in 0..=self.named.len() {
            let Kind::Ref(i) = at.kind else {
                return Some(at);
            };
            let named = self.named.get(i)?;
            if named.reading {
                return None;
            }
            at = &named.schema;
        }
        None
    }
}

impl Schema {
    /// A schema of this kind and nothing else.
    pub(crate) fn of(kind: Kind) -> Schema {
        Schema {
            kind,
            ..Schema::default()
        }
    }

    /// Says nothing at all: no type, no properties, no choice.
    pub(crate) fn is_blank(&self) -> bool {
        self.kind == Kind::Any && !self.nullable
    }
}
