//! Named Rust types from example shapes, argument tables and the overlay.

use crate::draft::hints::Hints;
use crate::draft::secrets::holds_secret as is_secret;
use crate::draft::shape::{Kind, Object, Shape};
use crate::model::api::{EnumDef, FieldDef, StructDef, TypeDef, TypeRef, Variant};
use crate::model::docs;
use crate::model::naming::{self, Scope};
use crate::model::paths;
use crate::read::markdown::{Argument, Requirement};
use crate::read::overlay::{FieldOverlay, TIMESTAMP};
use std::collections::BTreeMap;

/// Which side of the wire a type is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Built by callers: a constructor and setters, required-ness from the docs.
    Request,
    /// Decoded from the API: a catch-all for unknown keys.
    Response,
}

/// Collects type definitions and keeps their names unique.
#[derive(Debug)]
pub(crate) struct Types {
    pub defs: Vec<TypeDef>,
    scope: Scope,
    /// Enum name to its index in `defs`, for sharing identical enums.
    enums: BTreeMap<String, usize>,
}

impl Types {
    pub(crate) fn new(reserved: &[&str]) -> Self {
        Types {
            defs: Vec::new(),
            scope: Scope::with_reserved(reserved),
            enums: BTreeMap::new(),
        }
    }

    /// Takes a derived name, made unique if needed.
    pub(crate) fn claim(&mut self, name: &str) -> String {
        self.scope.claim(name)
    }

    /// Whether `name` is already used by a type.
    pub(crate) fn is_taken(&self, name: &str) -> bool {
        self.scope.contains(name)
    }

    /// Takes a name the overlay chose; it must be free.
    pub(crate) fn claim_exact(&mut self, name: &str) -> Result<String, String> {
        if self.scope.contains(name) {
            return Err(format!("the type name `{name}` is already used"));
        }
        Ok(self.scope.claim(name))
    }

    /// The type for a whole body or response. `name` is already claimed and is
    /// used when the shape is an object; nested objects are named after it.
    pub(crate) fn top(
        &mut self,
        name: &str,
        doc: String,
        shape: &Shape,
        role: Role,
        hints: &Hints,
    ) -> Result<TypeRef, String> {
        match &shape.kind {
            Kind::Object(obj) if !obj.fields.is_empty() || !hints.overlay.is_empty() => {
                self.object(name.to_owned(), doc, obj, role, hints)?;
                Ok(TypeRef::Named(name.to_owned()))
            }
            Kind::Array(item) => {
                let element_doc =
                    format!("{}: one element of the list.", doc.trim_end_matches('.'));
                let element =
                    self.nested(&format!("{name} item"), element_doc, item, role, hints)?;
                Ok(TypeRef::List(Box::new(element)))
            }
            _ => self.nested(name, doc, shape, role, hints),
        }
    }

    fn object(
        &mut self,
        name: String,
        doc: String,
        obj: &Object,
        role: Role,
        hints: &Hints,
    ) -> Result<(), String> {
        // The struct goes before the types its fields need, so a reader meets
        // the outer type first.
        let index = self.defs.len();
        self.defs.push(TypeDef::Struct(StructDef {
            name: name.clone(),
            doc: String::new(),
            fields: Vec::new(),
            extra: None,
            required: None,
            shares: None,
            built: false,
        }));
        paths::check(hints, obj, &name)?;
        let mut scope = Scope::default();
        let mut fields = Vec::new();
        for field in &obj.fields {
            let overlay = hints.overlay.get(&field.key);
            if hints.skip.contains(&field.key) {
                continue;
            }
            let row = hints.table.iter().find(|r| r.name == field.key);
            let ty = match overlay {
                Some(o) if o.declares_type() => self.declared(&name, &field.key, o, row, role)?,
                _ => {
                    let base = format!("{} {}", naming::bare(&name), field.key);
                    let (key, parent) = (&field.key, naming::bare(&name));
                    let doc = match &field.shape.kind {
                        Kind::Array(_) => {
                            format!("An element of the `{key}` list of [`{parent}`].")
                        }
                        _ => format!("The `{key}` object of [`{parent}`]."),
                    };
                    let inner = paths::under(hints, &field.key);
                    self.nested(&base, doc, &field.shape, role, &inner)?
                }
            };
            // A credential the API hands back (a token, a password) is read
            // as the runtime's `Secret`, which no `Debug` shows.
            let ty = if role == Role::Response && ty == TypeRef::String && is_secret(&field.key) {
                TypeRef::Secret
            } else {
                ty
            };
            let present = field.always_present(obj.samples) && !field.shape.nullable;
            let required = overlay
                .and_then(|o| o.required)
                .or_else(|| required_by_table(row, role))
                .unwrap_or(present);
            let optional = !required || field.shape.nullable;
            fields.push(FieldDef {
                wire: field.key.clone(),
                name: scope.claim(&naming::snake(&field.key, "field")),
                ty,
                optional,
                doc: request_doc(field_doc(overlay, row), role, optional),
                format: overlay.and_then(FieldOverlay::checked_format),
            });
        }
        // Documented or declared fields that no example shows.
        let extra_rows = hints
            .table
            .iter()
            .filter(|r| role == Role::Request && !obj.fields.iter().any(|f| f.key == r.name));
        let mut missing: Vec<&str> = extra_rows.map(|r| r.name.as_str()).collect();
        for key in hints.overlay.keys().filter(|k| paths::is_direct(k)) {
            if !obj.fields.iter().any(|f| &f.key == key) && !missing.contains(&key.as_str()) {
                missing.push(key);
            }
        }
        for key in missing {
            let overlay = hints.overlay.get(key);
            if hints.skip.iter().any(|k| k == key) {
                continue;
            }
            let row = hints.table.iter().find(|r| r.name == key);
            let ty = match overlay {
                Some(o) if o.declares_type() => self.declared(&name, key, o, row, role)?,
                Some(_) if row.is_none() => {
                    return Err(format!(
                        "field `{key}` is not in any example of `{name}`; give it a `type`"
                    ));
                }
                _ => TypeRef::Json,
            };
            let required = overlay
                .and_then(|o| o.required)
                .or_else(|| required_by_table(row, role))
                .unwrap_or(false);
            fields.push(FieldDef {
                wire: key.to_owned(),
                name: scope.claim(&naming::snake(key, "field")),
                ty,
                optional: !required,
                doc: request_doc(field_doc(overlay, row), role, !required),
                format: overlay.and_then(FieldOverlay::checked_format),
            });
        }
        let extra = (role == Role::Response).then(|| scope.claim("extra"));
        let required = (role == Role::Request && fields.iter().any(|f| !f.optional))
            .then(|| self.claim(&format!("{}Required", naming::stem(&name))));
        if let Some(slot) = self.defs.get_mut(index) {
            *slot = TypeDef::Struct(StructDef {
                name,
                doc,
                fields,
                extra,
                required,
                shares: None,
                built: false,
            });
        }
        Ok(())
    }

    /// A type from an example shape. An object becomes a struct named from
    /// `base` (such as `Parent field`) and documented with `doc`; `hints`
    /// are the overlay's entries for what is inside.
    fn nested(
        &mut self,
        base: &str,
        doc: String,
        shape: &Shape,
        role: Role,
        hints: &Hints,
    ) -> Result<TypeRef, String> {
        Ok(match &shape.kind {
            Kind::Unknown | Kind::Any => TypeRef::Json,
            Kind::Bool => TypeRef::Bool,
            Kind::Int => TypeRef::Integer,
            Kind::Float => TypeRef::Float,
            Kind::String => TypeRef::String,
            Kind::Array(item) if item.nullable && item.kind != Kind::Unknown => {
                TypeRef::List(Box::new(TypeRef::Json))
            }
            Kind::Array(item) => TypeRef::List(Box::new(self.nested(
                &format!("{base} item"),
                doc,
                item,
                role,
                hints,
            )?)),
            Kind::Object(obj) if obj.fields.is_empty() => TypeRef::JsonObject,
            Kind::Object(obj) => {
                let name = self.claim(&naming::camel(base, "Value"));
                self.object(name.clone(), doc, obj, role, hints)?;
                TypeRef::Named(name)
            }
        })
    }

    /// A type the overlay declares: an enum, or a scalar type by name.
    fn declared(
        &mut self,
        parent: &str,
        key: &str,
        overlay: &FieldOverlay,
        row: Option<&Argument>,
        role: Role,
    ) -> Result<TypeRef, String> {
        if let Some(values) = &overlay.values {
            let doc = field_doc(Some(overlay), row);
            return self.enumeration(parent, key, overlay.type_name.as_deref(), values, doc, role);
        }
        if overlay.format.as_deref() == Some(TIMESTAMP) {
            return Ok(TypeRef::Timestamp);
        }
        Ok(match overlay.r#type.as_deref() {
            Some("string") => TypeRef::String,
            Some("integer") => TypeRef::Integer,
            Some("number") => TypeRef::Float,
            Some("boolean") => TypeRef::Bool,
            Some("object") => TypeRef::JsonObject,
            _ => TypeRef::Json,
        })
    }

    fn enumeration(
        &mut self,
        parent: &str,
        key: &str,
        explicit: Option<&str>,
        values: &[String],
        doc: String,
        role: Role,
    ) -> Result<TypeRef, String> {
        let sent = role == Role::Request;
        let doc = if doc.trim().is_empty() {
            format!("The values of the `{key}` field.")
        } else {
            doc
        };
        let wanted = match explicit {
            Some(name) => naming::camel(name, "Value"),
            None => naming::camel(key, "Value"),
        };
        if let Some(&index) = self.enums.get(&wanted) {
            if let Some(TypeDef::Enum(existing)) = self.defs.get_mut(index) {
                let same = existing.variants.iter().map(|v| &v.wire).eq(values.iter());
                if same {
                    existing.sent |= sent;
                    return Ok(TypeRef::Named(wanted));
                }
            }
            if explicit.is_some() {
                return Err(format!(
                    "enum `{wanted}` is declared twice with different values"
                ));
            }
        }
        let name = if self.scope.contains(&wanted) {
            if explicit.is_some() {
                return Err(format!("the type name `{wanted}` is already used"));
            }
            self.claim(&naming::camel(
                &format!("{} {key}", naming::bare(parent)),
                "Value",
            ))
        } else {
            self.claim(&wanted)
        };
        let mut scope = Scope::default();
        let variants: Vec<Variant> = values
            .iter()
            .map(|v| Variant {
                wire: v.clone(),
                name: scope.claim(&naming::camel(v, "Empty")),
            })
            .collect();
        // Every enum keeps a value it does not list, sealed: the API may add
        // values on either side before this crate lists them.
        let catch_all = Some(catch_all_name(&variants));
        self.enums.insert(name.clone(), self.defs.len());
        self.defs.push(TypeDef::Enum(EnumDef {
            name: name.clone(),
            doc,
            variants,
            catch_all,
            sent,
        }));
        Ok(TypeRef::Named(name))
    }
}

fn catch_all_name(variants: &[Variant]) -> String {
    let mut scope = Scope::default();
    for v in variants {
        scope.claim(&v.name);
    }
    scope.claim("Unknown")
}

fn required_by_table(row: Option<&Argument>, role: Role) -> Option<bool> {
    if role != Role::Request {
        return None;
    }
    match row?.requirement? {
        Requirement::Required => Some(true),
        Requirement::Conditional | Requirement::Optional => Some(false),
    }
}

/// A request field's doc qualified where the Rust type is stricter than the text.
fn request_doc(doc: String, role: Role, optional: bool) -> String {
    if role == Role::Request && !optional {
        docs::required_field(doc)
    } else {
        doc
    }
}

fn field_doc(overlay: Option<&FieldOverlay>, row: Option<&Argument>) -> String {
    overlay
        .and_then(|o| o.description.clone())
        .or_else(|| row.map(|r| r.description.clone()))
        .unwrap_or_default()
}
