//! From a collection and its overlay to the model: which operations exist,
//! which resource handles offer them, and every Rust name.
//!
//! Names are decided in document order, so the same spec always gives the
//! same names; the first of two clashing names keeps the plain form.

use crate::draft::body::BodyDraft;
use crate::draft::hints::Hints;
use crate::draft::operation::{Draft, draft};
use crate::draft::path::{Link, Piece};
use crate::draft::response::ResponseDraft;
use crate::draft::shape::Shape;
use crate::error::{Error, ErrorKind, Errors, Location, Warning};
use crate::model::api::{
    self, Api, BodySpec, Handle, Operation, ParamField, ParamLocation, ParamsSpec, PathParam,
    PathPiece, ResponseSpec, TypeDef, TypeRef,
};
use crate::model::discriminate;
use crate::model::naming::{self, Scope};
use crate::model::reserved::{CLIENT_METHODS, RESERVED_TYPES};
use crate::model::types::{Role, Types};
use crate::read::overlay::{FieldOverlay, OperationOverlay, Overlay};
use crate::read::postman::Collection;
use crate::read::url::Base;
use std::collections::BTreeMap;

pub(crate) struct Input<'a> {
    pub collection: &'a Collection,
    pub collection_file: &'a str,
    pub overlay: &'a Overlay,
    pub overlay_file: &'a str,
    pub skip_unsupported: bool,
    /// The client type's name, kept free in the type namespace.
    pub client_name: &'a str,
}

/// Lowers the whole collection. Every problem is collected, never only the
/// first: an item's problem is that item's (a warning when it may be
/// skipped), and the other items go on to be checked.
pub(crate) fn lower(input: &Input<'_>, warnings: &mut Vec<Warning>) -> Result<Api, Errors> {
    let file = input.collection_file;
    let mut errors = Vec::new();
    let overlays = match_overlay(input, &mut errors);
    let mut drafts = Vec::new();
    for (item, overlay) in input.collection.items.iter().zip(&overlays) {
        match draft(file, item, *overlay, &input.collection.variables) {
            Ok(mut d) => {
                warnings.append(&mut d.dropped);
                drafts.push(d);
            }
            Err(e) => skip_or_fail(input, e, warnings, &mut errors),
        }
    }
    let base_url = shared_base(input, &mut drafts, warnings, &mut errors);
    discriminate::infer_constants(&mut drafts);

    let mut reserved = vec![input.client_name];
    reserved.extend_from_slice(RESERVED_TYPES);
    let mut types = Types::new(&reserved);
    let mut scopes: BTreeMap<Option<usize>, Scope> = BTreeMap::new();
    scopes.insert(None, Scope::with_reserved(CLIENT_METHODS));
    claim_explicit_types(input, &drafts, &mut types, &mut errors);
    let (handles, owners) = build_handles(input, &drafts, &mut types, &mut scopes);
    let method_names = name_methods(input, &drafts, &owners, &mut scopes, &mut errors);
    let qualified = qualify(&method_names, &owners, &handles);

    let links: Vec<String> = owners
        .iter()
        .zip(&method_names)
        .map(|(owner, method)| op_link(*owner, &handles, method, input.client_name))
        .collect();
    let mut consts = Scope::with_reserved(&["ALL"]);
    let mut shared: BTreeMap<String, TypeRef> = BTreeMap::new();
    let mut operations = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let owner = owners[i];
        let here = || Location::item(file, &d.display);
        let fail = |m: String| Error::new(here(), ErrorKind::NameConflict(m));
        let base_name = naming::camel(&qualified[i], "Operation");
        let body = match &d.body {
            None => None,
            Some(b) => {
                match body_spec(b, i, &drafts, &links, &base_name, &mut types, &mut shared) {
                    Ok(spec) => Some(spec),
                    Err(m) => {
                        errors.push(fail(m));
                        continue;
                    }
                }
            }
        };
        let response = match response_spec(i, &drafts, &links, &base_name, &mut types, &mut shared)
        {
            Ok(spec) => spec,
            Err(m) => {
                errors.push(fail(m));
                continue;
            }
        };
        let params = params_spec(d, &base_name, &mut types);
        operations.push(Operation {
            item: d.display.clone(),
            method_name: method_names[i].clone(),
            qualified_name: qualified[i].clone(),
            const_name: consts.claim(&naming::shouty(&qualified[i], "OPERATION")),
            http_method: d.method.clone(),
            idempotent: d.idempotent,
            owner,
            path: path_pieces(d, owner, &handles),
            template: d.template.clone(),
            auth: d.auth,
            params,
            body,
            response,
            doc: d.doc.clone(),
            examples: d.examples.clone(),
        });
    }
    if let Some(errors) = Errors::from_list(errors) {
        return Err(errors);
    }
    let type_index = types
        .defs
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let name = match def {
                TypeDef::Struct(s) => s.name.clone(),
                TypeDef::Enum(e) => e.name.clone(),
            };
            (name, i)
        })
        .collect();
    Ok(Api {
        title: input.collection.name.clone(),
        base_url,
        handles,
        operations,
        types: types.defs,
        type_index,
    })
}

/// An item's problem: with `skip_unsupported`, the item is left out with a
/// warning; without, it is an error. An overlay's contradiction is always an
/// error: the overlay is the caller's own file, to fix rather than skip.
fn skip_or_fail(input: &Input<'_>, e: Error, warnings: &mut Vec<Warning>, errors: &mut Vec<Error>) {
    let skippable = e.location.item.is_some() && !matches!(e.kind, ErrorKind::Overlay(_));
    if input.skip_unsupported && skippable {
        warnings.push(Warning::skipped_item(e));
    } else {
        errors.push(e);
    }
}

/// The overlay entry for each item, checking that every entry matches one item.
fn match_overlay<'a>(
    input: &Input<'a>,
    errors: &mut Vec<Error>,
) -> Vec<Option<&'a OperationOverlay>> {
    let items = &input.collection.items;
    let mut found: Vec<Option<&OperationOverlay>> = vec![None; items.len()];
    let fail = |m: String| Error::new(Location::file(input.overlay_file), ErrorKind::Overlay(m));
    for entry in &input.overlay.operations {
        let matches: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, it)| {
                let mut path = it.folders.clone();
                path.push(it.name.clone());
                path == entry.item
                    && entry
                        .method
                        .as_ref()
                        .is_none_or(|m| *m == it.request.method)
            })
            .map(|(i, _)| i)
            .collect();
        let shown = entry.item.join(" / ");
        match matches.as_slice() {
            [] => errors.push(fail(format!("operation \"{shown}\" matches no item"))),
            [one] if found[*one].is_some() => {
                errors.push(fail(format!("operation \"{shown}\" is described twice")));
            }
            [one] => found[*one] = Some(entry),
            many => {
                errors.push(fail(format!(
                    "operation \"{shown}\" matches {} items; add `method` to pick one",
                    many.len()
                )));
            }
        }
    }
    found
}

/// The base URL every operation shares; operations on another host are unsupported.
fn shared_base(
    input: &Input<'_>,
    drafts: &mut Vec<Draft<'_>>,
    warnings: &mut Vec<Warning>,
    errors: &mut Vec<Error>,
) -> Option<String> {
    let mut base: Option<String> = None;
    let mut kept = Vec::new();
    for d in drafts.drain(..) {
        match (&d.base, &base) {
            (Base::Known(b), None) => {
                base = Some(b.clone());
                kept.push(d);
            }
            (Base::Known(b), Some(first)) if b != first => {
                let e = Error::new(
                    Location::item(input.collection_file, &d.display),
                    ErrorKind::Unsupported(format!(
                        "base URL `{b}` differs from `{first}` used by earlier items; \
                         a client has one base URL"
                    )),
                );
                skip_or_fail(input, e, warnings, errors);
            }
            _ => kept.push(d),
        }
    }
    *drafts = kept;
    base
}

/// Type names the overlay chose are taken first, so derived names avoid them.
fn claim_explicit_types(
    input: &Input<'_>,
    drafts: &[Draft<'_>],
    types: &mut Types,
    errors: &mut Vec<Error>,
) {
    let mut seen = BTreeMap::new();
    for d in drafts {
        let Some(o) = d.overlay else { continue };
        for (name, role) in [
            (&o.request_type, Role::Request),
            (&o.response_type, Role::Response),
        ] {
            let Some(name) = name else { continue };
            match seen.get(name) {
                Some(r) if *r == role => continue,
                Some(_) => {
                    errors.push(Error::new(
                        Location::file(input.overlay_file),
                        ErrorKind::Overlay(format!(
                            "`{name}` is used both as a request and as a response type"
                        )),
                    ));
                }
                None => {
                    let overlay_error = |kind| Error::new(Location::file(input.overlay_file), kind);
                    seen.insert(name.clone(), role);
                    if naming::camel(name, "") != *name {
                        errors.push(overlay_error(ErrorKind::Overlay(format!(
                            "`{name}` is not an UpperCamelCase Rust type name"
                        ))));
                    } else if let Err(m) = types.claim_exact(name) {
                        errors.push(overlay_error(ErrorKind::NameConflict(m)));
                    }
                }
            }
        }
    }
}

/// One handle per distinct chain prefix, parents before children, and the
/// handle that owns each draft (`None`: the client).
///
/// A prefix is known by its parent handle and its last link, so finding it
/// costs the same at any depth.
fn build_handles(
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

fn name_methods(
    input: &Input<'_>,
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
                Location::item(input.collection_file, &d.display),
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
fn qualify(names: &[String], owners: &[Option<usize>], handles: &[Handle]) -> Vec<String> {
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

fn op_link(owner: Option<usize>, handles: &[Handle], method: &str, client: &str) -> String {
    let owner = owner
        .and_then(|h| handles.get(h))
        .map_or(client, |h| h.type_name.as_str());
    format!("[`{owner}::{}`]", naming::bare(method))
}

fn path_pieces(d: &Draft<'_>, owner: Option<usize>, handles: &[Handle]) -> Vec<PathPiece> {
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

/// The shapes of every draft that shares an overlay-chosen type name, merged,
/// with the indices of those drafts.
fn merged_shape(
    drafts: &[Draft<'_>],
    name: &str,
    role: Role,
) -> (Option<Shape>, Hints, Vec<usize>) {
    let mut shape: Option<Shape> = None;
    let mut hints = Hints::default();
    let mut users = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let Some(o) = d.overlay else { continue };
        let (explicit, seen, h) = match role {
            Role::Request => (
                &o.request_type,
                d.body.as_ref().and_then(|b| b.caller_shape().cloned()),
                d.body.as_ref().map(|b| b.hints.clone()),
            ),
            Role::Response => (
                &o.response_type,
                match &d.response {
                    ResponseDraft::Json(s) => Some(s.clone()),
                    _ => None,
                },
                Some(d.response_hints.clone()),
            ),
        };
        if explicit.as_deref() != Some(name) {
            continue;
        }
        users.push(i);
        if let Some(seen) = seen {
            shape = Some(match shape {
                Some(s) => s.merge(seen),
                None => seen,
            });
        }
        if let Some(h) = h {
            if hints.table.is_empty() {
                hints.table = h.table;
            }
            for (k, v) in h.overlay {
                hints.overlay.entry(k).or_insert(v);
            }
            for k in h.skip {
                if !hints.skip.contains(&k) {
                    hints.skip.push(k);
                }
            }
        }
    }
    (shape, hints, users)
}

/// "Request body of [`X::y`]." or "... shared by [`X::y`], [`X::z`]."
fn type_doc(kind: &str, users: &[usize], links: &[String]) -> String {
    let list: Vec<&str> = users
        .iter()
        .filter_map(|&i| links.get(i).map(String::as_str))
        .collect();
    match list.as_slice() {
        [] => format!("{kind}."),
        [one] => format!("{kind} of {one}."),
        _ => format!("{kind} shared by {}.", list.join(", ")),
    }
}

/// The type of a body or response: shared by name when the overlay names it,
/// else derived from the operation's name.
#[allow(clippy::too_many_arguments)]
fn resolve_type(
    i: usize,
    shape: &Shape,
    role: Role,
    explicit: Option<&String>,
    hints: &Hints,
    drafts: &[Draft<'_>],
    links: &[String],
    derived: &str,
    types: &mut Types,
    shared: &mut BTreeMap<String, TypeRef>,
) -> Result<TypeRef, String> {
    let kind = match role {
        Role::Request => "Request body",
        Role::Response => "Response body",
    };
    match explicit {
        Some(name) => {
            if let Some(ty) = shared.get(name) {
                return Ok(ty.clone());
            }
            let (merged, hints, users) = merged_shape(drafts, name, role);
            let merged = merged.unwrap_or_else(|| shape.clone());
            let doc = type_doc(kind, &users, links);
            let ty = types.top(name, doc, &merged, role, &hints)?;
            shared.insert(name.clone(), ty.clone());
            Ok(ty)
        }
        None => {
            let name = types.claim(derived);
            let doc = type_doc(kind, &[i], links);
            types.top(&name, doc, shape, role, hints)
        }
    }
}

fn body_spec(
    b: &BodyDraft,
    i: usize,
    drafts: &[Draft<'_>],
    links: &[String],
    base_name: &str,
    types: &mut Types,
    shared: &mut BTreeMap<String, TypeRef>,
) -> Result<BodySpec, String> {
    let explicit = drafts
        .get(i)
        .and_then(|d| d.overlay)
        .and_then(|o| o.request_type.as_ref());
    let ty = match (b.caller_shape(), b.free_form) {
        (_, true) => Some(TypeRef::JsonObject),
        (Some(shape), false) => Some(resolve_type(
            i,
            shape,
            Role::Request,
            explicit,
            &b.hints,
            drafts,
            links,
            &format!("{base_name}Request"),
            types,
            shared,
        )?),
        (None, false) => None,
    };
    Ok(BodySpec {
        ty,
        optional: b.free_form,
        constants: b.constants.clone(),
        example: b.example.clone(),
    })
}

fn response_spec(
    i: usize,
    drafts: &[Draft<'_>],
    links: &[String],
    base_name: &str,
    types: &mut Types,
    shared: &mut BTreeMap<String, TypeRef>,
) -> Result<ResponseSpec, String> {
    let Some(d) = drafts.get(i) else {
        return Ok(ResponseSpec::Any);
    };
    let shape = match &d.response {
        ResponseDraft::Json(shape) => shape,
        ResponseDraft::Empty => return Ok(ResponseSpec::Empty),
        ResponseDraft::Text => return Ok(ResponseSpec::Text),
        ResponseDraft::Any => return Ok(ResponseSpec::Any),
    };
    let explicit = d.overlay.and_then(|o| o.response_type.as_ref());
    let ty = resolve_type(
        i,
        shape,
        Role::Response,
        explicit,
        &d.response_hints,
        drafts,
        links,
        &format!("{base_name}Response"),
        types,
        shared,
    )?;
    Ok(ResponseSpec::Json(ty))
}

fn params_spec(d: &Draft<'_>, base_name: &str, types: &mut Types) -> Option<ParamsSpec> {
    let mut fields: Vec<ParamField> = Vec::new();
    let mut scope = Scope::default();
    let entries = d
        .query
        .iter()
        .map(|q| (q, ParamLocation::Query))
        .chain(d.headers.iter().map(|h| (h, ParamLocation::Header)));
    for (kv, location) in entries {
        if let Some(existing) = fields
            .iter_mut()
            .find(|f| f.wire == kv.key && f.location == location)
        {
            existing.repeated = true;
            continue;
        }
        let mut doc = kv.description.clone();
        if let Some(example) = kv.value.as_deref().filter(|v| !v.is_empty()) {
            if !doc.is_empty() {
                doc.push_str("\n\n");
            }
            doc.push_str(&format!("Example: `{}`", example.replace('`', "'")));
        }
        fields.push(ParamField {
            wire: kv.key.clone(),
            field: scope.claim(&naming::snake(&kv.key, "param")),
            location,
            repeated: false,
            doc,
        });
    }
    if fields.is_empty() {
        return None;
    }
    Some(ParamsSpec {
        type_name: types.claim(&format!("{base_name}Params")),
        fields,
    })
}
