//! Which cargo features each item of the module needs: an operation its
//! collection's, a handle those of every operation under it, a type those
//! of every operation that uses it, directly or through another type (a
//! field, or the type an alias stands for).
//!
//! Names are decided over the whole spec before this runs, so enabling a
//! feature never renames anything; gates only leave items out.

use crate::model::api::{Api, BodyKind, Gate, Operation, ResponseSpec, TypeDef, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Gates every handle (by the operations under it) and every named type,
/// parameter and multipart struct (by the operations that use it).
pub(crate) fn gate(api: &mut Api) {
    let mut handles: Vec<Option<Gate>> = vec![None; api.handles.len()];
    for op in &api.operations {
        let mut at = op.owner;
        while let Some(h) = at {
            let Some(slot) = handles.get_mut(h) else {
                break;
            };
            match slot {
                Some(g) => g.join(&op.gate),
                None => *slot = Some(op.gate.clone()),
            }
            // A parent comes before its child, so the walk ends.
            at = api.handles[h].parent.filter(|&p| p < h);
        }
    }
    for (h, g) in api.handles.iter_mut().zip(handles) {
        h.gate = g.unwrap_or_default();
    }
    let mut types: BTreeMap<String, Gate> = BTreeMap::new();
    for op in &api.operations {
        let mut pending = roots(op);
        let mut seen = BTreeSet::new();
        while let Some(name) = pending.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            match types.get_mut(&name) {
                Some(g) => g.join(&op.gate),
                None => {
                    types.insert(name.clone(), op.gate.clone());
                }
            }
            if let Some(TypeDef::Struct(s)) = api.type_def(&name) {
                pending.extend(s.shares.iter().cloned());
                pending.extend(s.fields.iter().filter_map(|f| named(&f.ty)));
            }
        }
    }
    api.type_gates = types;
}

/// The named types an operation uses at its top: its body, its response,
/// its parameter struct and the one that struct stands for.
fn roots(op: &Operation) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(body) = &op.body {
        out.extend(body.ty.as_ref().and_then(named));
        if let BodyKind::Multipart(def) = &body.kind {
            out.push(def.name.clone());
        }
    }
    if let ResponseSpec::Json(ty) = &op.response {
        out.extend(named(ty));
    }
    if let Some(p) = &op.params {
        out.push(p.type_name.clone());
        out.extend(p.shares.iter().cloned());
    }
    if let Some(v) = &op.variant {
        out.extend(named(&v.params));
        if let ResponseSpec::Json(ty) = &v.response {
            out.extend(named(ty));
        }
    }
    out
}

fn named(ty: &TypeRef) -> Option<String> {
    match ty {
        TypeRef::Named(name) => Some(name.clone()),
        TypeRef::List(item) => named(item),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::model::api::Gate;

    #[test]
    fn always_wins_and_features_add_up() {
        let mut g = Gate::of(Some("a"));
        g.join(&Gate::of(Some("b")));
        assert_eq!(g, Gate::Any(["a".into(), "b".into()].into()));
        g.join(&Gate::Always);
        assert_eq!(g, Gate::Always);
        g.join(&Gate::of(Some("c")));
        assert_eq!(g, Gate::Always);
    }
}
