//! One resource however its path variable is spelled: `/users/:id` and
//! `/users/:userId/credentials` both step into a user, so both get the one
//! handle `user(id)` rather than `user(id)` and `user_2(user_id)`.
//!
//! Handles are told apart by their parent, literal and parameter name, so
//! the parameter names are made the same first: at each place (the steps
//! before it, already made the same, and the literal that names it) the
//! first spelling in document order is kept, and a later item's is renamed
//! to it, in its route, path pieces, docs and examples. The wire does not
//! change: path values are sent by position. The path as the item writes it
//! stays in the docs.

use crate::draft::operation::Draft;
use crate::draft::path::{Piece, Step};
use std::collections::{BTreeMap, BTreeSet};

/// Renames, in every draft, a path parameter spelled otherwise than where
/// an earlier item first named the same place.
pub(super) fn unify(drafts: &mut [Draft<'_>]) {
    // The steps up to and including a literal, to the parameter after it.
    let mut first: BTreeMap<Vec<Step>, String> = BTreeMap::new();
    for d in drafts.iter_mut() {
        let mut route: Vec<Step> = Vec::with_capacity(d.route.len());
        let mut renames: BTreeMap<String, String> = BTreeMap::new();
        let mut claimed: Vec<(Vec<Step>, String)> = Vec::new();
        for step in &d.route {
            // A parameter that no literal names is its own resource.
            let named = matches!(route.last(), Some(Step::Literal(_)));
            let Step::Param(param) = step else {
                route.push(step.clone());
                continue;
            };
            if !named {
                route.push(step.clone());
                continue;
            }
            let name = first.get(&route).unwrap_or(param).clone();
            if name != *param {
                renames.insert(param.clone(), name.clone());
            }
            claimed.push((route.clone(), name.clone()));
            route.push(Step::Param(name));
        }
        if !distinct_after(d, &renames) {
            // Two parameters of one path would share a name: the item keeps
            // its own spelling (and a handle of its own).
            continue;
        }
        for (place, name) in claimed {
            first.entry(place).or_insert(name);
        }
        if renames.is_empty() {
            continue;
        }
        let renamed = |name: &String| renames.get(name).unwrap_or(name).clone();
        d.route = route;
        for piece in &mut d.pieces {
            if let Piece::Param(name) = piece {
                *name = renamed(name);
            }
        }
        for map in [&mut d.param_docs, &mut d.param_examples] {
            *map = std::mem::take(map)
                .into_iter()
                .map(|(name, value)| (renamed(&name), value))
                .collect();
        }
    }
}

/// Whether the path's parameters keep distinct names once renamed.
fn distinct_after(d: &Draft<'_>, renames: &BTreeMap<String, String>) -> bool {
    let mut seen = BTreeSet::new();
    let mut originals = BTreeSet::new();
    d.pieces.iter().all(|piece| match piece {
        // The same parameter twice in one path is one value, as written.
        Piece::Param(name) if !originals.insert(name) => true,
        Piece::Param(name) => seen.insert(renames.get(name).unwrap_or(name)),
        _ => true,
    })
}
