//! Operation names: the method on each handle (overlay names first, then
//! derived ones, told apart by folder or HTTP method), and a name unique
//! across the API.

use crate::draft::operation::Draft;
use crate::error::{Error, ErrorKind, Location};
use crate::model::api::Handle;
use crate::model::naming::{self, Scope};
use std::collections::BTreeMap;

/// The method name of each draft on its owner, unique there.
pub(super) fn name_methods(
    drafts: &[Draft<'_>],
    owners: &[Option<usize>],
    scopes: &mut BTreeMap<Option<usize>, Scope>,
    errors: &mut Vec<Error>,
) -> Vec<String> {
    let mut names = vec![String::new(); drafts.len()];
    // Names the overlay gives are promises to users: they are taken first and
    // never moved by a derived name.
    for (i, d) in drafts.iter().enumerate() {
        let Some(explicit) = d.overlay.and_then(|o| o.name.as_deref()) else {
            continue;
        };
        let scope = scopes.entry(owners[i]).or_default();
        let wanted = naming::snake(explicit, "operation");
        if scope.contains(&wanted) {
            errors.push(Error::new(
                Location::item(d.file, &d.display),
                ErrorKind::NameConflict(format!(
                    "method name `{wanted}` is already used on the same resource"
                )),
            ));
            continue;
        }
        names[i] = scope.claim(&wanted);
    }
    // Who took each derived name, to tell a repeated name apart by the
    // folder that differs, or else by the HTTP method.
    let mut holders: BTreeMap<(Option<usize>, String), &[String]> = BTreeMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if !names[i].is_empty() {
            continue;
        }
        let scope = scopes.entry(owners[i]).or_default();
        // A name without words (such as `/`) falls back to method and path.
        let method_and_path = format!("{} {}", d.method, d.template);
        let plain = naming::snake(&d.item.name, &naming::snake(&method_and_path, "operation"));
        if !scope.contains(&plain) {
            holders.insert((owners[i], plain.clone()), &d.item.folders);
            names[i] = scope.claim(&plain);
            continue;
        }
        let theirs = holders
            .get(&(owners[i], plain))
            .copied()
            .unwrap_or_default();
        let shared = theirs
            .iter()
            .zip(&d.item.folders)
            .take_while(|(a, b)| a == b)
            .count();
        let by_folder = d.item.folders[shared..]
            .last()
            .map(|folder| naming::snake(&format!("{folder} {}", d.item.name), "operation"));
        let by_method = naming::snake(&format!("{} {}", d.method, d.item.name), "operation");
        let pick = by_folder
            .into_iter()
            .find(|n| !scope.contains(n))
            .unwrap_or(by_method);
        names[i] = scope.claim(&pick);
    }
    names
}

/// Names unique across the whole API: the method name, or accessor path and method.
pub(super) fn qualify(
    names: &[String],
    owners: &[Option<usize>],
    handles: &[Handle],
) -> Vec<String> {
    let mut scope = Scope::default();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names {
        *counts.entry(name.as_str()).or_default() += 1;
    }
    names
        .iter()
        .zip(owners)
        .map(|(name, owner)| {
            let clashes = counts.get(name.as_str()).is_some_and(|&n| n > 1);
            match owner {
                Some(h) if clashes => {
                    let mut parts = vec![naming::bare(name).to_owned()];
                    let mut at = Some(*h);
                    while let Some(i) = at {
                        let Some(handle) = handles.get(i) else { break };
                        parts.push(naming::bare(&handle.accessor).to_owned());
                        at = handle.parent;
                    }
                    parts.reverse();
                    parts.join("_")
                }
                _ => naming::bare(name).to_owned(),
            }
        })
        .map(|q: String| scope.claim(&q))
        .collect()
}
