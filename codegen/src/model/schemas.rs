//! OpenAPI schemas lowered to Rust types, each hard case decided once:
//!
//! - a named schema is one type, however many operations use it; an inline
//!   object or choice is named after where it sits (`Pet owner`);
//! - optional or nullable is `Option` (absent and `null` read alike; a
//!   `None` is not sent); read-only and write-only properties are optional,
//!   since only one side sends them;
//! - a schema that holds itself is boxed where the loop closes (not inside
//!   a list or map, which are on the heap already);
//! - `oneOf`/`anyOf` is a union with a catch-all; a string enum is an enum
//!   with one; a map is a `BTreeMap`; `date-time` a timestamp;
//! - anything else is any JSON (a fallback the reader has warned of).
//!
//! Structs are read from responses and built by callers alike: each keeps
//! unknown keys and has a constructor and setters.

use crate::model::api::{
    EnumDef, FieldDef, StructDef, TypeDef, TypeRef, UnionDef, UnionVariant, Variant,
};
use crate::model::docs;
use crate::model::naming::{self, Scope};
use crate::model::types::Types;
use crate::read::openapi::schema::{Kind, OneOf, Prop, Schema, Schemas};
use std::collections::BTreeMap;

/// Lowers the schemas of one document, each named one once.
pub(crate) struct SchemaTypes<'s> {
    schemas: &'s Schemas,
    done: Vec<Option<TypeRef>>,
    /// The Rust name of a named schema being lowered (a reference back to
    /// it is a loop), or an empty name for one that has no type of its own.
    lowering: Vec<Option<String>>,
    /// Inline enums by their values: the same values are one type.
    enums: BTreeMap<Vec<String>, String>,
}

impl<'s> SchemaTypes<'s> {
    /// The schemas it lowers.
    pub(crate) fn schemas(&self) -> &'s Schemas {
        self.schemas
    }

    pub(crate) fn new(schemas: &'s Schemas) -> Self {
        SchemaTypes {
            schemas,
            done: vec![None; schemas.named.len()],
            lowering: vec![None; schemas.named.len()],
            enums: BTreeMap::new(),
        }
    }

    /// The type of a whole body or response: a named schema's type, else
    /// one named `name` (not yet claimed) with `doc`.
    pub(crate) fn top(
        &mut self,
        types: &mut Types,
        name: &str,
        doc: String,
        schema: &Schema,
    ) -> TypeRef {
        let mut schema = schema.clone();
        if matches!(
            schema.kind,
            Kind::Object(_) | Kind::OneOf(_) | Kind::Enum(_)
        ) {
            schema.doc = if schema.doc.trim().is_empty() {
                doc
            } else {
                format!("{}\n\n{doc}", schema.doc)
            };
        }
        unboxed(self.lower(types, name, &schema))
    }

    fn lower(&mut self, types: &mut Types, base: &str, schema: &Schema) -> TypeRef {
        match &schema.kind {
            Kind::Any | Kind::Fallback(_) => TypeRef::Json,
            Kind::Bool => TypeRef::Bool,
            Kind::Integer => TypeRef::Integer,
            Kind::Number => TypeRef::Float,
            Kind::String if schema.format.as_deref() == Some("date-time") => TypeRef::Timestamp,
            Kind::String => TypeRef::String,
            Kind::Array(item) => TypeRef::List(Box::new(unboxed(self.lower(
                types,
                &format!("{base} item"),
                item,
            )))),
            Kind::Map(value) if value.is_blank() => TypeRef::JsonObject,
            Kind::Map(value) => TypeRef::Map(Box::new(unboxed(self.lower(
                types,
                &format!("{base} value"),
                value,
            )))),
            Kind::Object(props) if props.is_empty() => TypeRef::JsonObject,
            Kind::Ref(i) => self.named(types, *i),
            Kind::Object(_) | Kind::Enum(_) | Kind::OneOf(_) => {
                let name = types.claim(&naming::camel(base, "Value"));
                self.define(types, name, schema)
            }
        }
    }

    /// The type of named schema `i`, lowered the first time.
    fn named(&mut self, types: &mut Types, i: usize) -> TypeRef {
        if let Some(done) = self.done.get(i).cloned().flatten() {
            return done;
        }
        let Some(named) = self.schemas.named.get(i) else {
            return TypeRef::Json;
        };
        match self.lowering.get(i).cloned().flatten() {
            // A loop: closed with a box, or with any JSON when the loop
            // runs through no type of its own (a list of itself).
            Some(name) if name.is_empty() => return TypeRef::Json,
            Some(name) => return TypeRef::Boxed(Box::new(TypeRef::Named(name))),
            None => {}
        }
        let schema = &named.schema;
        let ty = match &schema.kind {
            Kind::Object(props) if !props.is_empty() => self.own(types, i, &named.name, schema),
            Kind::Enum(_) | Kind::OneOf(_) => self.own(types, i, &named.name, schema),
            _ => {
                self.lowering[i] = Some(String::new());
                let ty = self.lower(types, &named.name, schema);
                self.lowering[i] = None;
                ty
            }
        };
        self.done[i] = Some(ty.clone());
        ty
    }

    fn own(&mut self, types: &mut Types, i: usize, name: &str, schema: &Schema) -> TypeRef {
        let name = types.claim(&naming::camel(name, "Value"));
        self.lowering[i] = Some(name.clone());
        let ty = self.define(types, name, schema);
        self.lowering[i] = None;
        ty
    }

    /// The struct, enum or union `name` (claimed) for `schema`.
    fn define(&mut self, types: &mut Types, name: String, schema: &Schema) -> TypeRef {
        let doc = schema_doc(schema);
        match &schema.kind {
            Kind::Object(props) => self.structure(types, &name, doc, props),
            Kind::Enum(values) => {
                let mut scope = Scope::default();
                let variants: Vec<Variant> = values
                    .iter()
                    .map(|v| Variant {
                        wire: v.clone(),
                        name: scope.claim(&naming::camel(v, "Empty")),
                    })
                    .collect();
                types.defs.push(TypeDef::Enum(EnumDef {
                    name: name.clone(),
                    doc,
                    variants,
                    catch_all: Some(scope.claim("Unknown")),
                    sent: true,
                }));
            }
            Kind::OneOf(one) => self.union(types, &name, doc, one),
            _ => return self.lower(types, &name, schema),
        }
        TypeRef::Named(name)
    }

    fn structure(&mut self, types: &mut Types, name: &str, doc: String, props: &[Prop]) {
        // The struct goes before the types its fields need.
        let index = types.defs.len();
        types.defs.push(TypeDef::Struct(StructDef {
            name: name.to_owned(),
            doc: String::new(),
            fields: Vec::new(),
            extra: None,
            required: None,
            shares: None,
            built: true,
        }));
        let mut scope = Scope::default();
        let mut fields = Vec::new();
        for p in props {
            let s = &p.schema;
            let ty = match &s.kind {
                Kind::Enum(values) => self.inline_enum(types, name, &p.key, values, s),
                _ => self.lower(types, &format!("{} {}", naming::bare(name), p.key), s),
            };
            let optional = !p.required || s.nullable || s.read_only || s.write_only;
            let text = field_doc(s);
            fields.push(FieldDef {
                wire: p.key.clone(),
                name: scope.claim(&naming::snake(&p.key, "field")),
                ty,
                optional,
                doc: if optional {
                    text
                } else {
                    docs::required_field(text)
                },
                format: None,
            });
        }
        let extra = Some(scope.claim("extra"));
        let required = fields
            .iter()
            .any(|f| !f.optional)
            .then(|| types.claim(&format!("{}Required", naming::stem(name))));
        if let Some(slot) = types.defs.get_mut(index) {
            *slot = TypeDef::Struct(StructDef {
                name: name.to_owned(),
                doc,
                fields,
                extra,
                required,
                shares: None,
                built: true,
            });
        }
    }

    /// An enum written in a property: named after the property (after its
    /// struct too, when that name is taken), one type for the same values.
    fn inline_enum(
        &mut self,
        types: &mut Types,
        parent: &str,
        key: &str,
        values: &[String],
        schema: &Schema,
    ) -> TypeRef {
        if let Some(name) = self.enums.get(values) {
            return TypeRef::Named(name.clone());
        }
        let plain = naming::camel(key, "Value");
        let name = if types.is_taken(&plain) {
            types.claim(&naming::camel(
                &format!("{} {key}", naming::bare(parent)),
                "Value",
            ))
        } else {
            types.claim(&plain)
        };
        self.enums.insert(values.to_vec(), name.clone());
        self.define(types, name, schema)
    }

    fn union(&mut self, types: &mut Types, name: &str, doc: String, one: &OneOf) {
        let index = types.defs.len();
        types.defs.push(TypeDef::Union(UnionDef {
            name: name.to_owned(),
            doc: String::new(),
            variants: Vec::new(),
            tag: None,
            catch_all: String::new(),
        }));
        let mut scope = Scope::default();
        let mut variants: Vec<UnionVariant> = Vec::new();
        let bare = naming::bare(name).to_owned();
        for (k, v) in one.variants.iter().enumerate() {
            let ty = self.lower(types, &format!("{bare} {}", k + 1), v);
            let tags = match (&one.discriminator, &v.kind) {
                (Some(d), Kind::Ref(i)) => d
                    .mapping
                    .iter()
                    .filter(|(_, j)| j == i)
                    .map(|(t, _)| t.clone())
                    .collect(),
                _ => Vec::new(),
            };
            let label = variant_label(&ty, k);
            variants.push(UnionVariant {
                name: scope.claim(&naming::camel(&label, "Variant")),
                ty,
                tags,
            });
        }
        // Mapped schemas that are not among the variants are variants too.
        if let Some(d) = &one.discriminator {
            for (tag, i) in &d.mapping {
                let listed = one.variants.iter().any(|v| v.kind == Kind::Ref(*i));
                if listed {
                    continue;
                }
                let ty = self.named(types, *i);
                let label = variant_label(&ty, variants.len());
                variants.push(UnionVariant {
                    name: scope.claim(&naming::camel(&label, "Variant")),
                    ty,
                    tags: vec![tag.clone()],
                });
            }
        }
        let catch_all = scope.claim("Other");
        if let Some(slot) = types.defs.get_mut(index) {
            *slot = TypeDef::Union(UnionDef {
                name: name.to_owned(),
                doc,
                variants,
                tag: one.discriminator.as_ref().map(|d| d.property.clone()),
                catch_all,
            });
        }
    }
}

/// A variant's name from its type.
fn variant_label(ty: &TypeRef, k: usize) -> String {
    match ty {
        TypeRef::Named(n) => naming::bare(n).to_owned(),
        TypeRef::Boxed(inner) => variant_label(inner, k),
        TypeRef::String | TypeRef::Secret => "String".into(),
        TypeRef::Integer => "Integer".into(),
        TypeRef::Float => "Number".into(),
        TypeRef::Bool => "Boolean".into(),
        TypeRef::Timestamp => "Timestamp".into(),
        TypeRef::List(item) => format!("{} list", variant_label(item, k)),
        TypeRef::Map(_) | TypeRef::JsonObject => "Object".into(),
        TypeRef::Json | TypeRef::Upload => format!("Variant {}", k + 1),
    }
}

/// A box is for a field: a list, map or variant holds its items on the
/// heap already.
fn unboxed(ty: TypeRef) -> TypeRef {
    match ty {
        TypeRef::Boxed(inner) => *inner,
        other => other,
    }
}

fn schema_doc(schema: &Schema) -> String {
    let mut text = schema.doc.trim().to_owned();
    if schema.deprecated {
        text = format!("**Deprecated.**\n\n{text}").trim_end().to_owned();
    }
    text
}

/// A property's doc with what its schema adds: deprecation, which side
/// sends it, its format, default, and why it is untyped.
fn field_doc(s: &Schema) -> String {
    let mut lines = vec![s.doc.trim().to_owned()];
    if s.deprecated {
        lines.push("**Deprecated.**".into());
    }
    if s.read_only {
        lines.push("Read-only: sent by the server, never by callers.".into());
    }
    if s.write_only {
        lines.push("Write-only: sent by callers, never returned.".into());
    }
    if let Some(format) = s.format.as_deref().filter(|f| *f != "date-time") {
        lines.push(format!("Format: `{format}`."));
    }
    if let Some(default) = &s.default {
        lines.push(format!("Default: `{default}`."));
    }
    if let Kind::Fallback(why) = &s.kind {
        lines.push(format!("Any JSON: not typed exactly ({why})."));
    }
    lines.retain(|l| !l.is_empty());
    lines.join("\n\n")
}
