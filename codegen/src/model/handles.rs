//! Resources: one handle type per distinct chain of path parameters, the
//! accessor that returns it, and where each parameter sits in the path.

use crate::draft::operation::Draft;
use crate::draft::path::{Link, Piece};
use crate::model::api::{self, Handle, PathParam, PathPiece};
use crate::model::input::Input;
use crate::model::naming::{self, Scope};
use crate::model::types::Types;
use crate::read::overlay::FieldOverlay;
use std::collections::BTreeMap;

/// One handle per distinct chain prefix, parents before children, and the
/// handle that owns each draft (`None`: the client).
///
/// A prefix is known by its parent handle and its last link, so finding it
/// costs the same at any depth.
pub(super) fn build_handles(
    input: &Input<'_>,
    drafts: &[Draft<'_>],
    types: &mut Types,
    scopes: &mut BTreeMap<Option<usize>, Scope>,
) -> (Vec<Handle>, Vec<Option<usize>>) {
    let mut handles: Vec<Handle> = Vec::new();
    let mut index: BTreeMap<(Option<usize>, &Link), usize> = BTreeMap::new();
    let mut owners = Vec::with_capacity(drafts.len());
    for d in drafts {
        let mut parent: Option<usize> = None;
        for link in &d.chain {
            if let Some(&known) = index.get(&(parent, link)) {
                parent = Some(known);
                continue;
            }
            let accessor_wanted = match input.overlay.resources.get(&link.resource) {
                Some(name) => naming::snake(name, "resource"),
                None => naming::snake(&link.resource, "resource"),
            };
            let scope = scopes.entry(parent).or_default();
            let accessor = scope.claim(&accessor_wanted);
            let mut type_base =
                naming::camel(&format!("{} handle", naming::bare(&accessor)), "Handle");
            if types.is_taken(&type_base) {
                let parent_name = parent
                    .and_then(|p| handles.get(p))
                    .map(|h| h.type_name.trim_end_matches("Handle").to_owned())
                    .unwrap_or_default();
                type_base = naming::camel(
                    &format!("{parent_name} {} handle", naming::bare(&accessor)),
                    "Handle",
                );
            }
            let type_name = types.claim(&type_base);
            // The parameter is the accessor's argument; the emitted code uses
            // these two names beside it.
            let mut fields = Scope::with_reserved(&["client", "path_params"]);
            let overlay = input.overlay.params.get(&link.param);
            let doc = overlay
                .and_then(|o| o.description.clone())
                .or_else(|| d.param_docs.get(&link.param).cloned())
                .unwrap_or_default();
            let example = overlay
                .and_then(|o| o.example.clone())
                .or_else(|| d.param_examples.get(&link.param).cloned())
                .unwrap_or_else(|| link.param.clone());
            let param = PathParam {
                wire: link.param.clone(),
                field: fields.claim(&naming::snake(&link.param, "id")),
                doc,
                // Ids are strings whatever their format says.
                format: overlay.and_then(FieldOverlay::checked_format),
                example,
            };
            index.insert((parent, link), handles.len());
            handles.push(Handle {
                type_name,
                accessor,
                parent,
                resource: link.resource.clone(),
                param,
            });
            parent = Some(handles.len() - 1);
        }
        owners.push(parent);
    }
    (handles, owners)
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
