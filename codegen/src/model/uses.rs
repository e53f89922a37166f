//! Which structs the operations send, and how: the emitter gives each the
//! writer impls it needs, and sharing (`share`) only merges structs that
//! need the same ones.

use crate::model::api::{Api, BodyKind, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// The struct types some operation takes as its whole body: the ones that
/// write themselves as a JSON object.
pub(crate) fn json_bodies(api: &Api) -> BTreeSet<&str> {
    // A variant's parameters that go in the body write themselves too.
    let variants = api.operations.iter().filter_map(|op| match &op.variant {
        Some(v) if !v.in_query => match &v.params {
            TypeRef::Named(name) => api.struct_def(name).map(|s| s.name.as_str()),
            _ => None,
        },
        _ => None,
    });
    api.operations
        .iter()
        .filter(|op| {
            op.body
                .as_ref()
                .is_some_and(|b| matches!(b.kind, BodyKind::Json))
        })
        .filter_map(|op| match op.body.as_ref()?.ty.as_ref()? {
            TypeRef::Named(name) => api.struct_def(name).map(|s| s.name.as_str()),
            _ => None,
        })
        .chain(variants)
        .collect()
}

/// The struct types some operation sends as a form, with the keys each
/// writes once per value, and the struct types nested in them.
pub(crate) fn form_structs(api: &Api) -> (BTreeMap<&str, &[String]>, BTreeSet<&str>) {
    let mut tops = BTreeMap::new();
    let mut nested = BTreeSet::new();
    let mut pending = Vec::new();
    for op in &api.operations {
        let Some(body) = &op.body else { continue };
        if let (BodyKind::Form { repeated }, Some(TypeRef::Named(name))) = (&body.kind, &body.ty)
            && let Some(def) = api.struct_def(name)
        {
            tops.insert(def.name.as_str(), repeated.as_slice());
            pending.push(def);
        }
    }
    while let Some(def) = pending.pop() {
        for f in &def.fields {
            if let Some(name) = named_in(&f.ty)
                && let Some(inner) = api.struct_def(name)
                && nested.insert(inner.name.as_str())
            {
                pending.push(inner);
            }
        }
    }
    (tops, nested)
}

/// The named type a field holds, directly or as list items.
pub(crate) fn named_in(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(name) => Some(name),
        TypeRef::List(item) => named_in(item),
        _ => None,
    }
}
