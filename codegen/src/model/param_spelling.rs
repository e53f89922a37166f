//! One resource however its path variable is spelled: `/users/:id` and
//! `/users/:userId/credentials` both step into a user, so both get the one
//! handle `users(id)` rather than `users(id)` and `users_2(user_id)`.
//!
//! Handles are told apart by their parent, literal and parameter name, so
//! the parameter names are made the same first: at each place (the links
//! before it, already made the same, and its literal) the first spelling in
//! document order is kept, and a later item's is renamed to it, in its chain,
//! path pieces, docs and examples. The wire does not change: path values are
//! sent by position. The path as the item writes it stays in the docs.

use crate::draft::operation::Draft;
use crate::draft::path::{Link, Piece};
use std::collections::{BTreeMap, BTreeSet};

/// The links before a place, then the literal that names it.
type Place = (Vec<Link>, String);

/// Renames, in every draft, a path parameter spelled otherwise than where
/// an earlier item first named the same place.
pub(super) fn unify(drafts: &mut [Draft<'_>]) {
    let mut first: BTreeMap<Place, String> = BTreeMap::new();
    for d in drafts.iter_mut() {
        let mut prefix: Vec<Link> = Vec::with_capacity(d.chain.len());
        let mut renames: BTreeMap<String, String> = BTreeMap::new();
        let mut claimed: Vec<(Place, String)> = Vec::new();
        for link in &d.chain {
            let place = (prefix.clone(), link.resource.clone());
            // A parameter that no literal names is its own resource.
            let name = match first.get(&place) {
                Some(name) if link.resource != link.param => name.clone(),
                _ => link.param.clone(),
            };
            if name != link.param {
                renames.insert(link.param.clone(), name.clone());
            }
            claimed.push((place, name.clone()));
            prefix.push(Link {
                resource: link.resource.clone(),
                param: name,
            });
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
        d.chain = prefix;
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
