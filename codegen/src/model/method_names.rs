//! Operation names: the method on each handle (overlay names first, then
//! the name the path's shape gives, then the item's title; an OpenAPI
//! operation's title, its `operationId`, before the shape), and a name
//! unique across the API.
//!
//! From the shape: on a collection GET is `list`, POST `create`, PUT
//! `replace_all`, PATCH `update_all`, DELETE `delete_all`; on an item GET is
//! `get`, POST and PATCH `update`, PUT `replace`, DELETE `delete`; on a
//! single resource the same but POST is `create`; an action
//! is named by its literals (`record`), prefixed by the verb for any method
//! but POST (`get_usecases`, `delete_record`). Operations that would share a
//! name and differ by a constant take its value: a body field's names the
//! action (`{"action": "hold"}` is `hold`), a query parameter's qualifies
//! the verb (`?status=live` is `list_live`).

use crate::draft::operation::Draft;
use crate::error::{Error, ErrorKind, Location};
use crate::model::api::Handle;
use crate::model::handles::owner_of;
use crate::model::naming::{self, Scope};
use crate::model::routes::Place;
use serde_json::Value;
use std::collections::BTreeMap;

/// The name the path's shape gives an operation, if it lands on a handle.
fn shape_name(method: &str, place: &Place) -> Option<String> {
    let verb = |m: &str| naming::snake(&m.to_ascii_lowercase(), "call");
    Some(match place {
        Place::Client => return None,
        Place::Collection(_) => match method {
            "GET" => "list".to_owned(),
            "POST" => "create".to_owned(),
            "PUT" => "replace_all".to_owned(),
            "PATCH" => "update_all".to_owned(),
            "DELETE" => "delete_all".to_owned(),
            other => verb(other),
        },
        Place::Single(_) => match method {
            "GET" => "get".to_owned(),
            "POST" => "create".to_owned(),
            "PUT" => "replace".to_owned(),
            "PATCH" => "update".to_owned(),
            "DELETE" => "delete".to_owned(),
            other => verb(other),
        },
        Place::Item(_) => match method {
            "GET" => "get".to_owned(),
            "POST" | "PATCH" => "update".to_owned(),
            "PUT" => "replace".to_owned(),
            "DELETE" => "delete".to_owned(),
            other => verb(other),
        },
        Place::Action(_, words) => {
            let action = naming::snake(&words.join(" "), "action");
            let prefix = match method {
                "POST" => return Some(action),
                "GET" => "get",
                "PUT" => "replace",
                "PATCH" => "update",
                "DELETE" => "delete",
                other => &verb(other),
            };
            naming::snake(&format!("{prefix} {action}"), "action")
        }
    })
}

/// A name the shape gives, and whether it is one of the verbs every
/// resource has (`list`, `get_live`), which says little without its
/// resource; an action's or a body constant's name says what it does.
struct Wanted {
    name: String,
    generic: bool,
}

/// The constants an operation sends that may tell it apart from others on
/// the same method and path: its body's, then its query's (`true`).
fn constants<'d>(d: &'d Draft<'_>) -> Vec<(&'d str, &'d Value, bool)> {
    let body = d
        .body
        .iter()
        .flat_map(|b| &b.constants)
        .map(|(k, v)| (k.as_str(), v, false));
    let query = d.query_constants.iter().map(|(k, v)| (k.as_str(), v, true));
    body.chain(query).collect()
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Shape names with a constant's value added where several operations of one
/// handle would share a name: the first key all but at most one of them send,
/// with a value of its own each. The one without the key keeps the plain name.
fn told_apart(drafts: &[Draft<'_>], wanted: &mut [Option<Wanted>], owners: &[Option<usize>]) {
    let mut groups: BTreeMap<(Option<usize>, String), Vec<usize>> = BTreeMap::new();
    for (i, w) in wanted.iter().enumerate() {
        if let Some(w) = w {
            groups
                .entry((owners[i], w.name.clone()))
                .or_default()
                .push(i);
        }
    }
    for ((_, base), members) in groups.into_iter().filter(|(_, m)| m.len() > 1) {
        let sets: Vec<Vec<(&str, &Value, bool)>> =
            members.iter().map(|&i| constants(&drafts[i])).collect();
        let key = sets.iter().flatten().map(|(k, _, _)| *k).find(|key| {
            let values: Vec<&Value> = sets
                .iter()
                .filter_map(|s| s.iter().find(|(k, _, _)| k == key).map(|(_, v, _)| *v))
                .collect();
            let distinct = values
                .iter()
                .enumerate()
                .all(|(i, v)| !values[..i].contains(v));
            distinct && values.len() + 1 >= members.len()
        });
        let Some(key) = key else { continue };
        for (&i, set) in members.iter().zip(&sets) {
            if let Some((_, v, in_query)) = set.iter().find(|(k, _, _)| *k == key) {
                let value = value_text(v);
                let alone = naming::snake(&value, "");
                let usable = !*in_query
                    && alone
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphabetic());
                wanted[i] = Some(if usable {
                    Wanted {
                        name: alone,
                        generic: false,
                    }
                } else {
                    Wanted {
                        name: naming::snake(&format!("{base} {value}"), &base),
                        generic: wanted[i].as_ref().is_some_and(|w| w.generic),
                    }
                });
            }
        }
    }
}

/// A method's name, and whether it is a verb every resource has (`list`),
/// which says little without its resource.
pub(super) struct MethodName {
    pub name: String,
    pub from_shape: bool,
}

/// The method name of each draft on its owner, unique there.
pub(super) fn name_methods(
    drafts: &[Draft<'_>],
    places: &[Place],
    scopes: &mut BTreeMap<Option<usize>, Scope>,
    errors: &mut Vec<Error>,
) -> Vec<MethodName> {
    let owners: Vec<Option<usize>> = places.iter().map(owner_of).collect();
    let mut names = vec![String::new(); drafts.len()];
    let mut from_shape = vec![false; drafts.len()];
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
    let mut wanted: Vec<Option<Wanted>> = drafts
        .iter()
        .zip(places)
        .enumerate()
        .map(|(i, (d, p))| {
            // An OpenAPI operation is named by its `operationId` (the item's
            // title), as its document's readers know it.
            let name = (names[i].is_empty() && d.schemas.is_none())
                .then(|| shape_name(&d.method, p))
                .flatten()?;
            let generic = matches!(p, Place::Collection(_) | Place::Single(_) | Place::Item(_));
            Some(Wanted { name, generic })
        })
        .collect();
    told_apart(drafts, &mut wanted, &owners);
    // Who took each title-derived name, to tell a repeated name apart by the
    // folder that differs, or else by the HTTP method.
    let mut holders: BTreeMap<(Option<usize>, String), &[String]> = BTreeMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if !names[i].is_empty() {
            continue;
        }
        let scope = scopes.entry(owners[i]).or_default();
        if let Some(shape) = &wanted[i]
            && !scope.contains(&shape.name)
        {
            names[i] = scope.claim(&shape.name);
            from_shape[i] = shape.generic;
            continue;
        }
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
        .into_iter()
        .zip(from_shape)
        .map(|(name, from_shape)| MethodName { name, from_shape })
        .collect()
}

/// Names unique across the whole API: the method name, or accessor path and
/// method when another operation has the name or it comes from the shape
/// (`orders_list`: a name another resource would take too).
pub(super) fn qualify(
    names: &[MethodName],
    owners: &[Option<usize>],
    handles: &[Handle],
) -> Vec<String> {
    let mut scope = Scope::default();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names {
        *counts.entry(n.name.as_str()).or_default() += 1;
    }
    names
        .iter()
        .zip(owners)
        .map(|(n, owner)| {
            let name = &n.name;
            let clashes = n.from_shape || counts.get(name.as_str()).is_some_and(|&n| n > 1);
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
