//! Resources: one handle per collection, item or own resource the paths'
//! shape shows (`routes`), the accessor that returns it, and where each
//! parameter sits in the path.

use crate::draft::operation::Draft;
use crate::draft::path::{Piece, Step};
use crate::model::api::{self, Gate, Handle, HandleKind, PathParam, PathPiece};
use crate::model::input::Input;
use crate::model::naming::{self, Scope};
use crate::model::plural::{pluralize, singularize};
use crate::model::routes::{Place, place};
use crate::model::types::Types;
use crate::read::overlay::{FieldOverlay, Overlay, ResourceNames};
use std::collections::BTreeMap;

/// The handles, parents before children, and where each draft lands.
pub(super) fn build_handles(
    input: &Input<'_>,
    drafts: &[Draft<'_>],
    types: &mut Types,
    scopes: &mut BTreeMap<Option<usize>, Scope>,
) -> (Vec<Handle>, Vec<Place>) {
    let routes: Vec<&[Step]> = drafts.iter().map(|d| d.route.as_slice()).collect();
    let label =
        |context: &[Step]| resource_names(input.overlay, context).map(|(key, _)| key.to_owned());
    let (seeds, places) = place(&routes, &label);
    let mut handles: Vec<Handle> = Vec::with_capacity(seeds.len());
    for seed in seeds {
        let d = &drafts[seed.first_user];
        let context = seed.context(&routes);
        let names = resource_names(input.overlay, context).map(|(_, n)| n);
        // An item is one of a collection: `orders/{id}` is `order(id)`.
        let item = names.and_then(|n| n.item.as_deref()).map_or_else(
            || {
                naming::snake(
                    &singularize(naming::bare(&naming::snake(&seed.resource, "resource"))),
                    "resource",
                )
            },
            |n| naming::snake(n, "resource"),
        );
        let wanted = match seed.kind {
            HandleKind::Item | HandleKind::Own => item.clone(),
            // Not known to hold items: named as written.
            HandleKind::Single => names.and_then(|n| n.item.as_deref()).map_or_else(
                || naming::snake(&seed.resource, "resource"),
                |n| naming::snake(n, "resource"),
            ),
            HandleKind::Collection => names.and_then(|n| n.collection.as_deref()).map_or_else(
                // Pluralizing may make a keyword (`a` gives `as`).
                || naming::snake(&pluralize(naming::bare(&item)), "resource"),
                |n| naming::snake(n, "resource"),
            ),
        };
        let scope = scopes.entry(seed.parent).or_default();
        let accessor = scope.claim(&wanted);
        let noun = naming::bare(&accessor).to_owned();
        let mut type_base = naming::camel(&format!("{noun} handle"), "Handle");
        if types.is_taken(&type_base) {
            let parent_name = seed
                .parent
                .and_then(|p| handles.get(p))
                .map(|h| h.type_name.trim_end_matches("Handle").to_owned())
                .unwrap_or_default();
            type_base = naming::camel(&format!("{parent_name} {noun} handle"), "Handle");
        }
        let type_name = types.claim(&type_base);
        let param = seed.param.as_ref().map(|wire| {
            // The parameter is the accessor's argument; the emitted code
            // uses these two names beside it.
            let mut fields = Scope::with_reserved(&["client", "path_params"]);
            let overlay = param_overlay(input.overlay, context, wire);
            let doc = overlay
                .and_then(|o| o.description.clone())
                .or_else(|| d.param_docs.get(wire).cloned())
                .unwrap_or_default();
            let fixed = overlay.and_then(|o| o.example.clone());
            PathParam {
                wire: wire.clone(),
                field: fields.claim(&naming::snake(wire, "id")),
                doc,
                // Ids are strings whatever their format says.
                format: overlay.and_then(FieldOverlay::checked_format),
                example_fixed: fixed.is_some(),
                example: fixed
                    .or_else(|| d.param_examples.get(wire).cloned())
                    .unwrap_or_else(|| wire.clone()),
            }
        });
        // The methods every handle has, which no child or operation takes.
        scopes
            .entry(Some(handles.len()))
            .or_insert_with(|| Scope::with_reserved(&[api::INTO_OWNED]));
        handles.push(Handle {
            type_name,
            accessor,
            parent: seed.parent,
            resource: seed.resource,
            kind: seed.kind,
            // Set once every operation is lowered (`gates`).
            gate: Gate::Always,
            param,
        });
    }
    (handles, places)
}

/// How a path key (`Masking/Session`, `Session/{id}`) reads as steps'
/// text; the credentials match no key.
fn step_text(step: &Step) -> Option<String> {
    match step {
        Step::Literal(l) => Some(l.clone()),
        Step::Param(p) => Some(format!("{{{p}}}")),
        Step::Credential => None,
    }
}

/// The longest key of `map` that the steps of `context` end with, the keys
/// being paths of `/`-separated steps; `last` is how the final step is
/// written as a plain key (a literal, or a parameter's bare name).
fn by_path<'a, V>(
    map: &'a BTreeMap<String, V>,
    context: &[Step],
    last: &str,
) -> Option<(&'a str, &'a V)> {
    let mut best: Option<(usize, &str, &V)> = None;
    for (key, value) in map {
        let parts: Vec<&str> = key.split('/').filter(|p| !p.is_empty()).collect();
        // Only the context's last steps are read, as many as the key has: a
        // path's every step for every handle is quadratic in its length.
        let matches = if parts.len() == 1 {
            parts[0] == last
        } else {
            parts.len() <= context.len()
                && parts
                    .iter()
                    .rev()
                    .zip(context.iter().rev())
                    .all(|(p, step)| step_text(step).as_deref() == Some(*p))
        };
        if matches && best.is_none_or(|(n, _, _)| parts.len() > n) {
            best = Some((parts.len(), key, value));
        }
    }
    best.map(|(_, k, v)| (k, v))
}

/// The overlay's names for the resource whose steps are `context`, with the
/// key that gives them.
fn resource_names<'a>(
    overlay: &'a Overlay,
    context: &[Step],
) -> Option<(&'a str, &'a ResourceNames)> {
    // An item's context ends with its parameter: the literal is before it.
    let end = match context.last() {
        Some(Step::Param(_) | Step::Credential) => context.len() - 1,
        _ => context.len(),
    };
    let context = &context[..end];
    let last = match context.last() {
        Some(Step::Literal(l)) => l.as_str(),
        _ => return None,
    };
    by_path(&overlay.resources, context, last)
}

/// The overlay's description of the parameter `wire` ending `context`.
fn param_overlay<'a>(
    overlay: &'a Overlay,
    context: &[Step],
    wire: &str,
) -> Option<&'a FieldOverlay> {
    by_path(&overlay.params, context, wire).map(|(_, v)| v)
}

/// The handle that owns an operation landing at `place`.
pub(super) fn owner_of(place: &Place) -> Option<usize> {
    match place {
        Place::Client => None,
        Place::Collection(h) | Place::Single(h) | Place::Item(h) | Place::Action(h, _) => Some(*h),
    }
}

/// The draft's path, its parameters pointing at the owner handle's fields.
pub(super) fn path_pieces(
    d: &Draft<'_>,
    owner: Option<usize>,
    handles: &[Handle],
) -> Vec<PathPiece> {
    // By name, first occurrence: a scan per piece would be quadratic in the
    // number of parameters.
    let mut position: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, p) in api::path_params(handles, owner).into_iter().enumerate() {
        position.entry(p.wire.as_str()).or_insert(i);
    }
    d.pieces
        .iter()
        .map(|p| match p {
            Piece::Literal(text) => PathPiece::Literal(text.clone()),
            Piece::Param(name) => match position.get(name.as_str()) {
                Some(&i) => PathPiece::Param(i),
                None => PathPiece::Literal(String::new()),
            },
            Piece::Username => PathPiece::Username,
            Piece::Password => PathPiece::Password,
        })
        .collect()
}
