//! Named types of two models compared by name: structs by field (wire
//! name), enums by value (wire text).

use crate::diff::change::{Change, ChangeKind as K, Direction};
use crate::model::api::{Api, EnumDef, FieldDef, StructDef, TypeDef, TypeRef, UnionDef};

/// A type as the generated code spells it.
pub(super) fn rust(t: &TypeRef) -> String {
    match t {
        TypeRef::String => "String".into(),
        TypeRef::Integer => "i64".into(),
        TypeRef::Float => "f64".into(),
        TypeRef::Bool => "bool".into(),
        TypeRef::Json => "Value".into(),
        TypeRef::JsonObject => "Map<String, Value>".into(),
        TypeRef::Timestamp => "Timestamp".into(),
        TypeRef::Secret => "Secret".into(),
        TypeRef::Upload => "Upload".into(),
        TypeRef::List(item) => format!("Vec<{}>", rust(item)),
        TypeRef::Named(name) => name.trim_start_matches("r#").to_owned(),
        TypeRef::Map(value) => format!("BTreeMap<String, {}>", rust(value)),
        TypeRef::Boxed(inner) => format!("Box<{}>", rust(inner)),
    }
}

/// Whether two docs differ, and how: a parameter's doc ends with its
/// example (``Example: `…` ``), which is an example change, not a doc one.
pub(super) fn doc_change(old: &str, new: &str) -> Option<K> {
    if old == new {
        return None;
    }
    let prose = |d: &str| d.split("Example: `").next().unwrap_or_default().to_owned();
    Some(if prose(old) == prose(new) {
        K::ExampleChanged
    } else {
        K::DocChanged
    })
}

fn def_name(def: &TypeDef) -> &str {
    def.name()
}

/// Every type change: the new types in order, then the removed ones.
pub(super) fn types(old: &Api, new: &Api, out: &mut Vec<Change>) {
    for def in &new.types {
        let name = def_name(def);
        match (old.type_def(name), def) {
            (None, _) => out.push(Change::new(
                K::TypeAdded,
                format!("type `{}` added", rust(&TypeRef::Named(name.to_owned()))),
            )),
            (Some(TypeDef::Struct(o)), TypeDef::Struct(n)) => structs(o, n, out),
            (Some(TypeDef::Enum(o)), TypeDef::Enum(n)) => enums(o, n, out),
            (Some(TypeDef::Union(o)), TypeDef::Union(n)) => unions(o, n, out),
            (Some(_), _) => out.push(Change::new(
                K::Retyped,
                format!("type `{name}` changed between a struct, an enum and a union"),
            )),
        }
    }
    for def in &old.types {
        let name = def_name(def);
        if new.type_def(name).is_none() {
            out.push(Change::new(
                K::TypeRemoved,
                format!("type `{}` removed", rust(&TypeRef::Named(name.to_owned()))),
            ));
        }
    }
}

fn structs(o: &StructDef, n: &StructDef, out: &mut Vec<Change>) {
    let ty = rust(&TypeRef::Named(n.name.clone()));
    // Response structs keep unknown keys; request structs have no such field.
    let direction = if n.extra.is_some() {
        Direction::Response
    } else {
        Direction::Request
    };
    if let Some(kind) = doc_change(&o.doc, &n.doc) {
        out.push(Change::new(kind, format!("type `{ty}`: docs changed")));
    }
    for f in &n.fields {
        match o.fields.iter().find(|w| w.wire == f.wire) {
            Some(was) => field(&ty, was, f, out),
            None => {
                let required = !f.optional;
                let how = match (direction, required) {
                    (Direction::Request, true) => format!("required, `{}`", rust(&f.ty)),
                    (Direction::Request, false) => format!("optional, `{}`", rust(&f.ty)),
                    (Direction::Response, true) => format!("`{}`", rust(&f.ty)),
                    (Direction::Response, false) => format!("`Option<{}>`", rust(&f.ty)),
                };
                out.push(Change::new(
                    K::FieldAdded {
                        direction,
                        required,
                    },
                    format!("field `{}` added to `{ty}` ({how})", shown(f)),
                ));
            }
        }
    }
    for was in &o.fields {
        if !n.fields.iter().any(|f| f.wire == was.wire) {
            out.push(Change::new(
                K::FieldRemoved,
                format!("field `{}` removed from `{ty}`", shown(was)),
            ));
        }
    }
}

fn shown(f: &FieldDef) -> &str {
    f.name.trim_start_matches("r#")
}

fn field(ty: &str, o: &FieldDef, n: &FieldDef, out: &mut Vec<Change>) {
    let name = shown(n);
    let mut push = |kind, text: String| out.push(Change::new(kind, text));
    if o.name != n.name {
        push(
            K::FieldRenamed,
            format!("field `{}` of `{ty}` renamed to `{name}`", shown(o)),
        );
    }
    if o.ty != n.ty {
        push(
            K::FieldRetyped,
            format!(
                "field `{name}` of `{ty}`: `{}` -> `{}`",
                rust(&o.ty),
                rust(&n.ty)
            ),
        );
    }
    match (o.optional, n.optional) {
        (true, false) => push(
            K::FieldMadeRequired,
            format!("field `{name}` of `{ty}` is now required"),
        ),
        (false, true) => push(
            K::FieldMadeOptional,
            format!("field `{name}` of `{ty}` is now optional"),
        ),
        _ => {}
    }
    match (&o.format, &n.format) {
        (a, Some(b)) if a.as_ref() != Some(b) => push(
            K::FormatAdded,
            format!("field `{name}` of `{ty}` is now checked as `{b}`"),
        ),
        (Some(a), None) => push(
            K::FormatRemoved,
            format!("field `{name}` of `{ty}` is no longer checked as `{a}`"),
        ),
        _ => {}
    }
    if let Some(kind) = doc_change(&o.doc, &n.doc) {
        push(kind, format!("field `{name}` of `{ty}`: docs changed"));
    }
}

fn enums(o: &EnumDef, n: &EnumDef, out: &mut Vec<Change>) {
    let ty = rust(&TypeRef::Named(n.name.clone()));
    let direction = if n.sent {
        Direction::Request
    } else {
        Direction::Response
    };
    if let Some(kind) = doc_change(&o.doc, &n.doc) {
        out.push(Change::new(kind, format!("enum `{ty}`: docs changed")));
    }
    for v in &n.variants {
        match o.variants.iter().find(|w| w.wire == v.wire) {
            None => out.push(Change::new(
                K::EnumValueAdded { direction },
                format!("enum `{ty}`: value `{}` added (`{}`)", v.wire, v.name),
            )),
            Some(was) if was.name != v.name => out.push(Change::new(
                K::EnumValueRenamed,
                format!(
                    "enum `{ty}`: value `{}` renamed from `{}` to `{}`",
                    v.wire, was.name, v.name
                ),
            )),
            Some(_) => {}
        }
    }
    for was in &o.variants {
        if !n.variants.iter().any(|v| v.wire == was.wire) {
            out.push(Change::new(
                K::EnumValueRemoved,
                format!("enum `{ty}`: value `{}` removed (`{}`)", was.wire, was.name),
            ));
        }
    }
    match (&o.catch_all, &n.catch_all) {
        (None, Some(_)) => out.push(Change::new(
            K::EnumOpened,
            format!("enum `{ty}` now keeps values it does not list"),
        )),
        (Some(_), None) => out.push(Change::new(
            K::EnumClosed,
            format!("enum `{ty}` no longer accepts values it does not list"),
        )),
        _ => {}
    }
}

/// A union's variants by name: one added is read where the catch-all read
/// it before (additive, as an enum value a response gains); one removed or
/// retyped breaks code that builds or matches it.
fn unions(o: &UnionDef, n: &UnionDef, out: &mut Vec<Change>) {
    let ty = rust(&TypeRef::Named(n.name.clone()));
    if let Some(kind) = doc_change(&o.doc, &n.doc) {
        out.push(Change::new(kind, format!("union `{ty}`: docs changed")));
    }
    for v in &n.variants {
        match o.variants.iter().find(|w| w.name == v.name) {
            None => out.push(Change::new(
                K::EnumValueAdded {
                    direction: Direction::Response,
                },
                format!("union `{ty}`: variant `{}` added", v.name),
            )),
            Some(was) if was.ty != v.ty => out.push(Change::new(
                K::Retyped,
                format!(
                    "union `{ty}`: variant `{}` retyped from `{}` to `{}`",
                    v.name,
                    rust(&was.ty),
                    rust(&v.ty)
                ),
            )),
            Some(_) => {}
        }
    }
    for was in &o.variants {
        if !n.variants.iter().any(|v| v.name == was.name) {
            out.push(Change::new(
                K::EnumValueRemoved,
                format!("union `{ty}`: variant `{}` removed", was.name),
            ));
        }
    }
}
