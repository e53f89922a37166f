//! Resources read from the shape of the paths: which steps are collections
//! (a literal alone that some path follows with a parameter), items (a
//! literal followed by a parameter), the caller's own resource (a literal
//! followed by the credentials), single resources (a literal at the root
//! with operations but no items), actions on one of them (literals after it
//! that lead to no item), or a namespace that names nothing (a literal
//! before another, at the root).
//!
//! A literal is a collection when some path of the spec follows it with a
//! parameter at the same place, so every path is read first into a tree of
//! steps; each path is then walked down that tree.

use crate::draft::path::Step;
use crate::model::api::HandleKind;
use std::collections::BTreeMap;

/// A handle the paths need, before any Rust name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Seed {
    pub parent: Option<usize>,
    pub kind: HandleKind,
    /// The literal that names it (for an item without one, its parameter).
    pub resource: String,
    pub param: Option<String>,
    /// The first route (by index) that needs it.
    pub first_user: usize,
    /// How many of that route's steps lead up to and include this handle's
    /// own (for overlay keys by path). A count, not a copy of the steps: a
    /// copy in each handle is quadratic in the path's length.
    pub context_len: usize,
}

impl Seed {
    /// The steps up to and including this handle's own, as the first route
    /// that needs it writes them; `routes` are those given to [`place`].
    pub(crate) fn context<'r>(&self, routes: &[&'r [Step]]) -> &'r [Step] {
        routes
            .get(self.first_user)
            .and_then(|route| route.get(..self.context_len))
            .unwrap_or_default()
    }
}

/// Where an operation lands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Place {
    /// On the client itself: the path names no resource.
    Client,
    /// On a collection handle.
    Collection(usize),
    /// On a single resource's handle.
    Single(usize),
    /// On an item (or the caller's own resource).
    Item(usize),
    /// An action on a handle, named by the literals after it.
    Action(usize, Vec<String>),
}

/// What the tree knows of the step that ends a path prefix.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// Its index in the tree.
    id: usize,
    /// Some path follows it with a parameter.
    param_child: bool,
    /// Some path ends here.
    ends_here: bool,
}

/// The handles every route needs, parents first, and where each route lands.
///
/// Handles are one when they have the same parent, kind, literal and
/// parameter, whichever path leads to them, unless `label` (given the steps
/// up to a handle's own) tells them apart: the overlay may name two
/// resources that only their paths' namespaces distinguish.
pub(crate) fn place(
    routes: &[&[Step]],
    label: &dyn Fn(&[Step]) -> Option<String>,
) -> (Vec<Seed>, Vec<Place>) {
    // A trie keyed by (parent node, step): keying each node by its whole
    // prefix made every lookup compare whole prefixes, quadratic in the
    // path's length. The root is node 0.
    let mut tree: BTreeMap<(usize, &Step), Node> = BTreeMap::new();
    for route in routes {
        let mut parent = 0;
        for (i, step) in route.iter().enumerate() {
            let next_id = tree.len() + 1;
            let node = tree.entry((parent, step)).or_insert(Node {
                id: next_id,
                ..Node::default()
            });
            match route.get(i + 1) {
                Some(Step::Param(_)) => node.param_child = true,
                Some(_) => {}
                None => node.ends_here = true,
            }
            parent = node.id;
        }
    }
    let mut seeds: Vec<Seed> = Vec::new();
    type Key = (
        Option<usize>,
        HandleKind,
        String,
        Option<String>,
        Option<String>,
    );
    let mut index: BTreeMap<Key, usize> = BTreeMap::new();
    let mut places = Vec::with_capacity(routes.len());
    for (r, route) in routes.iter().enumerate() {
        // The tree's node of each prefix of this route, read once.
        let mut parent = 0;
        let prefix_nodes: Vec<Node> = route
            .iter()
            .map(|step| {
                let node = tree.get(&(parent, step)).copied().unwrap_or_default();
                parent = node.id;
                node
            })
            .collect();
        let mut current: Option<usize> = None;
        let mut handle = |parent: Option<usize>,
                          kind: HandleKind,
                          resource: &str,
                          param: Option<&String>,
                          end: usize| {
            let key = (
                parent,
                kind,
                resource.to_owned(),
                param.cloned(),
                label(&route[..end]),
            );
            *index.entry(key).or_insert_with(|| {
                seeds.push(Seed {
                    parent,
                    kind,
                    resource: resource.to_owned(),
                    param: param.cloned(),
                    first_user: r,
                    context_len: end,
                });
                seeds.len() - 1
            })
        };
        let mut place = None;
        let mut i = 0;
        while i < route.len() && place.is_none() {
            let last = i + 1 == route.len();
            match (&route[i], route.get(i + 1)) {
                (Step::Literal(l), Some(Step::Param(p))) => {
                    current = Some(handle(current, HandleKind::Item, l, Some(p), i + 2));
                    i += 2;
                }
                (Step::Literal(l), Some(Step::Credential)) => {
                    if i + 2 == route.len() {
                        let own = handle(current, HandleKind::Own, l, None, i + 2);
                        place = Some(Place::Item(own));
                    }
                    i += 2;
                }
                (Step::Literal(l), _) => {
                    let node = prefix_nodes.get(i).copied().unwrap_or_default();
                    if node.param_child {
                        let c = handle(current, HandleKind::Collection, l, None, i + 1);
                        current = Some(c);
                        if last {
                            place = Some(Place::Collection(c));
                        }
                    } else if current.is_none() && node.ends_here {
                        let s = handle(current, HandleKind::Single, l, None, i + 1);
                        current = Some(s);
                        if last {
                            place = Some(Place::Single(s));
                        }
                    } else if let Some(on) = current {
                        let rest = &route[i..];
                        if rest.iter().all(|s| matches!(s, Step::Literal(_))) {
                            let words = rest
                                .iter()
                                .filter_map(|s| match s {
                                    Step::Literal(l) => Some(l.clone()),
                                    _ => None,
                                })
                                .collect();
                            place = Some(Place::Action(on, words));
                        }
                    }
                    i += 1;
                }
                (Step::Param(p), _) => {
                    current = Some(handle(current, HandleKind::Item, p, Some(p), i + 1));
                    i += 1;
                }
                (Step::Credential, _) => i += 1,
            }
        }
        places.push(place.unwrap_or(match current {
            None => Place::Client,
            Some(h) => match seeds[h].kind {
                HandleKind::Collection => Place::Collection(h),
                HandleKind::Single => Place::Single(h),
                HandleKind::Item | HandleKind::Own => Place::Item(h),
            },
        }));
    }
    (seeds, places)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `a/{b}/c` as steps; `{{}}` is the credential.
    fn steps(path: &str) -> Vec<Step> {
        path.split('/')
            .filter(|s| !s.is_empty())
            .map(|s| match s {
                "{{}}" => Step::Credential,
                _ => match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(p) => Step::Param(p.to_owned()),
                    None => Step::Literal(s.to_owned()),
                },
            })
            .collect()
    }

    /// Each route's place as `handle.handle:method-ish` text.
    fn shown(paths: &[&str]) -> Vec<String> {
        let routes: Vec<Vec<Step>> = paths.iter().map(|p| steps(p)).collect();
        let refs: Vec<&[Step]> = routes.iter().map(Vec::as_slice).collect();
        let (seeds, places) = place(&refs, &|_| None);
        let name = |mut at: Option<usize>| {
            let mut parts = Vec::new();
            while let Some(h) = at {
                let s = &seeds[h];
                parts.push(match s.kind {
                    HandleKind::Collection => format!("{}s", s.resource),
                    HandleKind::Item => format!("{}()", s.resource),
                    HandleKind::Own => format!("{}!", s.resource),
                    HandleKind::Single => format!("{}.", s.resource),
                });
                at = s.parent;
            }
            parts.reverse();
            parts.join(".")
        };
        places
            .iter()
            .map(|p| match p {
                Place::Client => "client".to_owned(),
                Place::Collection(h) => format!("{}:collection", name(Some(*h))),
                Place::Single(h) => format!("{}:single", name(Some(*h))),
                Place::Item(h) => format!("{}:item", name(Some(*h))),
                Place::Action(h, words) => format!("{}:{}", name(Some(*h)), words.join("_")),
            })
            .collect()
    }

    #[test]
    fn collections_items_actions_and_namespaces() {
        assert_eq!(
            shown(&[
                "v1/Acc/{{}}/Message",
                "v1/Acc/{{}}/Message/{id}",
                "v1/Acc/{{}}/Message/{id}/Media",
                "v1/Acc/{{}}/Message/{id}/Media/{m}",
                "v1/Acc/{{}}/Call/{id}/Record",
                "v1/Acc/{{}}/Call/{id}/Record/Pause",
                "v1/Acc/{{}}/Acme/Session",
                "v1/Acc/{{}}/Acme/Session/{s}",
                "v1/Acc/{{}}/Pricing",
                "v1/Acc/{{}}",
                "v1/Call/{id}/Feedback",
                "v1/Campaign",
                "v1/Campaign/{c}",
                "v1/Campaign/Import",
                "v1/Thing/Sub",
                "/",
            ]),
            [
                "Messages:collection",
                "Message():item",
                "Message().Medias:collection",
                "Message().Media():item",
                "Call():Record",
                "Call():Record_Pause",
                "Sessions:collection",
                "Session():item",
                "Pricing.:single",
                "Acc!:item",
                "Call():Feedback",
                "Campaigns:collection",
                "Campaign():item",
                "Campaigns:Import",
                "Sub.:single",
                "client",
            ]
        );
    }

    #[test]
    fn a_parameter_without_a_literal_names_its_own_item() {
        assert_eq!(
            shown(&["{org}/{repo}", "{org}"]),
            ["org().repo():item", "org():item"]
        );
    }
}
