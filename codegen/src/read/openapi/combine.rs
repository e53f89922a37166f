//! `allOf`, `oneOf` and `anyOf`. Each hard case is decided here once:
//!
//! - `allOf` of objects is one object with every member's properties (a
//!   property required by any member is required); of objects and one
//!   choice of objects, that choice with the objects' properties in each
//!   variant; of scalars of one kind, the first (an enum if one is); a lone
//!   member (the common `allOf: [$ref]` to add a description) is that
//!   member; anything else is a documented fallback.
//! - `oneOf` and `anyOf` are one choice (a value that matches several
//!   variants of `anyOf` reads as the first): `null` among the variants
//!   makes the choice nullable, a lone variant is itself, variants that are
//!   all enums are one enum; the discriminator, if any, maps each of its
//!   values to a named variant.

use crate::read::openapi::schema::{Discriminator, Kind, OneOf, Prop, Schema, Schemas};

/// `allOf`'s `members` (with any properties written beside it as one
/// more), merged; a fallback, with its reason, where they cannot be.
pub(super) fn all_of(schemas: &Schemas, mut outer: Schema, members: Vec<Schema>) -> Schema {
    // Members that only describe (no type) lend their docs and flags.
    let mut kept = Vec::new();
    for m in members {
        if m.is_blank() {
            absorb(&mut outer, &m);
        } else {
            kept.push(m);
        }
    }
    if kept.len() == 1 {
        let only = kept.remove(0);
        return lone(outer, only);
    }
    let mut resolved = Vec::new();
    for m in &kept {
        let Some(r) = schemas.resolved(m) else {
            outer.kind = Kind::Fallback("an `allOf` that contains itself".into());
            return outer;
        };
        resolved.push(r);
    }
    // Scalars of one kind: the first (an enum, if one is).
    if let Some(first) = resolved.first()
        && scalar(&first.kind)
        && resolved.iter().all(|r| same_scalar(&r.kind, &first.kind))
    {
        let pick = resolved
            .iter()
            .position(|r| matches!(r.kind, Kind::Enum(_)))
            .unwrap_or(0);
        let chosen = kept.swap_remove(pick);
        return lone(outer, chosen);
    }
    // Objects and one choice: the choice, each variant with every
    // object's properties.
    let choices: Vec<usize> = (0..resolved.len())
        .filter(|&i| matches!(resolved[i].kind, Kind::OneOf(_)))
        .collect();
    let mut props: Vec<Prop> = Vec::new();
    let mut nullable_all = !kept.is_empty();
    for (i, r) in resolved.iter().enumerate() {
        nullable_all &= r.nullable || kept[i].nullable;
        match &r.kind {
            Kind::Object(more) => merge_props(&mut props, more),
            // Extra keys are kept by every object anyway.
            Kind::Map(_) | Kind::Any => {}
            Kind::OneOf(_) if choices.len() == 1 => {}
            other => {
                let what = kind_name(other);
                outer.kind = Kind::Fallback(format!("an `allOf` with a member that is {what}"));
                return outer;
            }
        }
    }
    outer.nullable |= nullable_all;
    let Some(&at) = choices.first() else {
        outer.kind = Kind::Object(props);
        return outer;
    };
    let Kind::OneOf(one) = &resolved[at].kind else {
        outer.kind = Kind::Object(props);
        return outer;
    };
    let mut variants = Vec::new();
    for v in &one.variants {
        match schemas.resolved(v).map(|r| &r.kind) {
            Some(Kind::Object(own)) => {
                let mut merged = props.clone();
                merge_props(&mut merged, own);
                let mut variant = v.clone();
                if let Some(r) = schemas.resolved(v) {
                    variant.doc.clone_from(&r.doc);
                }
                variant.kind = Kind::Object(merged);
                variants.push(variant);
            }
            _ => {
                outer.kind =
                    Kind::Fallback("an `allOf` of objects and a choice of other types".into());
                return outer;
            }
        }
    }
    // The tag now selects the merged variant in the same place.
    outer.kind = Kind::OneOf(OneOf {
        variants,
        discriminator: None,
    });
    outer
}

fn merge_props(props: &mut Vec<Prop>, more: &[Prop]) {
    for p in more {
        match props.iter_mut().find(|q| q.key == p.key) {
            Some(q) => q.required |= p.required,
            None => props.push(p.clone()),
        }
    }
}

fn scalar(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Bool | Kind::Integer | Kind::Number | Kind::String | Kind::Enum(_)
    )
}

fn same_scalar(a: &Kind, b: &Kind) -> bool {
    let text = |k: &Kind| matches!(k, Kind::String | Kind::Enum(_));
    (text(a) && text(b)) || std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// `oneOf` or `anyOf` of `variants` (`null` ones already taken out).
pub(super) fn one_of(
    mut outer: Schema,
    mut variants: Vec<Schema>,
    discriminator: Option<Discriminator>,
) -> Schema {
    if variants.len() == 1 && discriminator.is_none() {
        let only = variants.remove(0);
        return lone(outer, only);
    }
    outer.kind = choice(variants, discriminator);
    outer
}

/// A choice between `variants`: none is any JSON, enums only are one enum.
pub(super) fn choice(variants: Vec<Schema>, discriminator: Option<Discriminator>) -> Kind {
    if variants.is_empty() {
        return Kind::Any;
    }
    let enums: Option<Vec<String>> = variants.iter().try_fold(Vec::new(), |mut all, v| {
        let Kind::Enum(values) = &v.kind else {
            return None;
        };
        for value in values {
            if !all.contains(value) {
                all.push(value.clone());
            }
        }
        Some(all)
    });
    match enums {
        Some(values) if discriminator.is_none() => Kind::Enum(values),
        _ => Kind::OneOf(OneOf {
            variants,
            discriminator,
        }),
    }
}

/// `inner` in the place of a combination that holds only it: the outer
/// schema's docs and flags win where it has any.
fn lone(outer: Schema, mut inner: Schema) -> Schema {
    absorb(&mut inner, &outer);
    inner
}

/// `to` takes what `from` says that `to` does not.
pub(super) fn absorb(to: &mut Schema, from: &Schema) {
    if !from.doc.is_empty() {
        to.doc.clone_from(&from.doc);
    }
    to.nullable |= from.nullable;
    to.deprecated |= from.deprecated;
    to.read_only |= from.read_only;
    to.write_only |= from.write_only;
    if to.default.is_none() {
        to.default.clone_from(&from.default);
    }
    if to.format.is_none() {
        to.format.clone_from(&from.format);
    }
    if to.example.is_none() {
        to.example.clone_from(&from.example);
    }
}

/// What a schema is, in a warning.
fn kind_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::Any | Kind::Map(_) | Kind::Object(_) => "an object",
        Kind::Bool => "a boolean",
        Kind::Integer | Kind::Number => "a number",
        Kind::String => "a string",
        Kind::Enum(_) => "an enum",
        Kind::Array(_) => "an array",
        Kind::OneOf(_) => "a `oneOf` or `anyOf`",
        Kind::Ref(_) => "a reference",
        Kind::Fallback(_) => "itself untyped",
    }
}
