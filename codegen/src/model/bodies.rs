//! Request and response types: names the overlay chose claimed first, shapes
//! merged across the operations that share a type, derived names otherwise.

use crate::draft::body::BodyDraft;
use crate::draft::hints::Hints;
use crate::draft::operation::Draft;
use crate::draft::response::ResponseDraft;
use crate::draft::shape::Shape;
use crate::error::{Error, ErrorKind, Location};
use crate::model::api::{BodyKind, BodySpec, ResponseSpec, TypeRef};
use crate::model::doc_links::type_doc;
use crate::model::naming;
use crate::model::types::{Role, Types};
use std::collections::BTreeMap;

/// Type names the overlay chose are taken first, so derived names avoid them.
pub(super) fn claim_explicit_types(
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
                        Location::file(&o.file),
                        ErrorKind::Overlay(format!(
                            "`{name}` is used both as a request and as a response type"
                        )),
                    ));
                }
                None => {
                    let overlay_error = |kind| Error::new(Location::file(&o.file), kind);
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

/// The request body of draft `i`: its type, constants and example.
pub(super) fn body_spec(
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
        kind: BodyKind::Json,
    })
}

/// The response of draft `i`: a typed JSON body, or what else it is.
pub(super) fn response_spec(
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
        ResponseDraft::Bytes => return Ok(ResponseSpec::Bytes),
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

/// The item's `declared` content type, where it is not what the runtime
/// writes anyway for `body`: a JSON, form or GraphQL body has a default the
/// item may name another in place of; a text or file body is given its
/// type where it is set, and a multipart body keeps the runtime's, which
/// carries its boundary.
pub(super) fn declared_type(declared: Option<&str>, body: Option<&BodySpec>) -> Option<String> {
    let default = match &body?.kind {
        BodyKind::Json | BodyKind::GraphQl { .. } => "application/json",
        BodyKind::Form { .. } => "application/x-www-form-urlencoded",
        BodyKind::Multipart(_) | BodyKind::File { .. } | BodyKind::Text { .. } => return None,
    };
    declared.filter(|t| *t != default).map(str::to_owned)
}
