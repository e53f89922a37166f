//! Which names are one type. Identical shapes share one type (the later
//! names are aliases of the first), so user code may mix two names of one
//! type, or give two types an impl each. Comparing by name sees neither a
//! name leaving its type nor two types becoming one: this module does.
//!
//! A new name joining a type, or a type becoming an alias of a new, earlier
//! type of its shape along with all its names, keeps every old name's
//! identity and is not reported.

use crate::diff::change::{Change, ChangeKind as K};
use crate::diff::types::rust;
use crate::model::api::{Api, TypeDef, TypeRef};
use std::collections::BTreeMap;

/// Every struct and parameter struct, in the model's order, with the type
/// it is (itself, or the struct it is an alias of).
fn canonical(api: &Api) -> Vec<(&str, &str)> {
    let structs = api.types.iter().filter_map(|def| match def {
        TypeDef::Struct(s) => Some((s.name.as_str(), s.shares.as_deref())),
        TypeDef::Enum(_) | TypeDef::Union(_) => None,
    });
    let params = api
        .operations
        .iter()
        .filter_map(|op| op.params.as_ref())
        .map(|p| (p.type_name.as_str(), p.shares.as_deref()));
    structs
        .chain(params)
        .map(|(name, shares)| (name, shares.unwrap_or(name)))
        .collect()
}

fn shown(name: &str) -> String {
    rust(&TypeRef::Named(name.to_owned()))
}

/// Every name that left its type, then every pair of types made one.
pub(super) fn shared(old: &Api, new: &Api, out: &mut Vec<Change>) {
    let was: BTreeMap<&str, &str> = canonical(old).into_iter().collect();
    let now: BTreeMap<&str, &str> = canonical(new).into_iter().collect();
    for (name, then) in canonical(old) {
        if name == then {
            continue;
        }
        // A type removed (or renamed) is reported as such already.
        let (Some(a), Some(b)) = (now.get(name), now.get(then)) else {
            continue;
        };
        if a != b {
            out.push(Change::new(
                K::TypeUnshared,
                format!(
                    "type `{}` is no longer the same type as `{}` (it was an alias of it)",
                    shown(name),
                    shown(then)
                ),
            ));
        }
    }
    // Names in both models, by the type they are now: the first name of each
    // old type met in a group after the first is one merge.
    let mut groups: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for (name, type_now) in canonical(new) {
        if let Some(type_then) = was.get(name) {
            let group = groups.entry(type_now).or_default();
            if !group.iter().any(|(_, t)| t == type_then) {
                group.push((name, type_then));
            }
        }
    }
    for (_, group) in groups {
        let Some(((first, _), rest)) = group.split_first() else {
            continue;
        };
        for (name, _) in rest {
            out.push(Change::new(
                K::TypesMerged,
                format!(
                    "types `{}` and `{}` are now one type (they were distinct)",
                    shown(first),
                    shown(name)
                ),
            ));
        }
    }
}
