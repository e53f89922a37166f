//! Operations of two models paired and compared: added, removed, renamed,
//! moved, and what changed in the arguments, response, auth and docs of
//! each pair.

use crate::diff::change::{Change, ChangeKind as K, Direction};
use crate::diff::types::{doc_change, rust};
use crate::model::api::{Api, BodySpec, Operation, ParamsSpec, ResponseSpec, TypeRef};

/// How a pair was found, which says what a difference of names means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pairing {
    /// Same HTTP method, path template and constant body fields.
    Endpoint,
    /// Same item in the spec, or the same Rust call.
    Item,
}

/// The operation as a caller writes it: handle accessors, then the method
/// (`rooms.devices.mute`).
fn call(api: &Api, op: &Operation) -> String {
    let mut parts = vec![op.method_name.trim_start_matches("r#").to_owned()];
    let mut at = op.owner;
    while let Some(h) = at.and_then(|i| api.handles.get(i)) {
        parts.push(h.accessor.trim_start_matches("r#").to_owned());
        // A parent always comes before its child, so the walk ends.
        at = h.parent.filter(|&p| Some(p) < at);
    }
    parts.reverse();
    parts.join(".")
}

fn endpoint(op: &Operation) -> String {
    format!("{} {}", op.http_method, op.template)
}

/// What tells an operation apart on the wire: discriminated operations share
/// a method and path and differ by a constant body field.
fn wire_key(op: &Operation) -> (String, String) {
    let constants = op
        .body
        .iter()
        .flat_map(|b| &b.constants)
        .map(|(k, v)| format!("{k}={v}"))
        .chain(op.query_constants.iter().map(|(k, v)| format!("?{k}={v}")))
        .collect::<Vec<_>>()
        .join("&");
    (endpoint(op), constants)
}

/// Whether an old and a new operation are the same one, by one rule.
type Same<'a> = dyn Fn(&Operation, &Operation) -> bool + 'a;

/// Every operation change, the new spec's operations first in its order,
/// then the removed ones in the old order.
pub(super) fn operations(old: &Api, new: &Api, out: &mut Vec<Change>) {
    let mut taken = vec![false; old.operations.len()];
    let mut pairs: Vec<Option<(usize, Pairing)>> = vec![None; new.operations.len()];
    let rules: [(Pairing, &Same<'_>); 3] = [
        (Pairing::Endpoint, &|o, n| wire_key(o) == wire_key(n)),
        (Pairing::Item, &|o, n| o.item == n.item),
        (Pairing::Item, &|o, n| call(old, o) == call(new, n)),
    ];
    for (how, same) in rules {
        for (j, n) in new.operations.iter().enumerate() {
            if pairs[j].is_some() {
                continue;
            }
            let found = old
                .operations
                .iter()
                .enumerate()
                .find(|(i, o)| !taken[*i] && same(o, n));
            if let Some((i, _)) = found {
                taken[i] = true;
                pairs[j] = Some((i, how));
            }
        }
    }
    for (n, pair) in new.operations.iter().zip(&pairs) {
        match pair.and_then(|(i, how)| old.operations.get(i).map(|o| (o, how))) {
            Some((o, how)) => pair_changes(old, o, new, n, how, out),
            None => out.push(Change::new(
                K::OperationAdded,
                format!("operation `{}` added ({})", call(new, n), endpoint(n)),
            )),
        }
    }
    for (o, _) in old.operations.iter().zip(&taken).filter(|(_, t)| !**t) {
        out.push(Change::new(
            K::OperationRemoved,
            format!("operation `{}` removed ({})", call(old, o), endpoint(o)),
        ));
    }
}

fn pair_changes(
    old: &Api,
    o: &Operation,
    new: &Api,
    n: &Operation,
    how: Pairing,
    out: &mut Vec<Change>,
) {
    let (before, after) = (call(old, o), call(new, n));
    let path_params = |api: &Api, op: &Operation| -> Vec<String> {
        api.path_params(op.owner)
            .iter()
            .map(|p| p.field.clone())
            .collect()
    };
    if how == Pairing::Endpoint && before != after {
        out.push(Change::new(
            K::OperationRenamed,
            format!(
                "operation `{before}` renamed to `{after}` ({})",
                endpoint(n)
            ),
        ));
    } else if how == Pairing::Item && wire_key(o) != wire_key(n) {
        let same_signature = before == after && path_params(old, o) == path_params(new, n);
        let renamed = if before == after {
            String::new()
        } else {
            format!(", now `{after}`")
        };
        out.push(Change::new(
            K::OperationMoved { same_signature },
            format!(
                "operation `{before}` moved from {} to {}{renamed}",
                endpoint(o),
                endpoint(n)
            ),
        ));
    }
    if o.item != n.item {
        out.push(Change::new(
            K::DocChanged,
            format!(
                "operation `{after}`: spec item `{}` renamed to `{}`",
                o.item, n.item
            ),
        ));
    }
    if o.auth != n.auth {
        out.push(Change::new(
            K::AuthChanged,
            format!(
                "operation `{after}`: auth {} -> {}",
                format!("{:?}", o.auth).to_lowercase(),
                format!("{:?}", n.auth).to_lowercase()
            ),
        ));
    }
    if o.idempotent != n.idempotent {
        let now = if n.idempotent { "is" } else { "is no longer" };
        out.push(Change::new(
            K::RetryChanged,
            format!("operation `{after}` {now} retried after a failure (idempotent)"),
        ));
    }
    params(&after, o.params.as_ref(), n.params.as_ref(), out);
    body(&after, o.body.as_ref(), n.body.as_ref(), out);
    if o.response != n.response {
        let shown = |r: &ResponseSpec| match r {
            ResponseSpec::Json(t) => format!("`{}`", rust(t)),
            other => format!("{other:?}").to_lowercase(),
        };
        out.push(Change::new(
            K::Retyped,
            format!(
                "operation `{after}`: response {} -> {}",
                shown(&o.response),
                shown(&n.response)
            ),
        ));
    }
    if o.doc != n.doc {
        out.push(Change::new(
            K::DocChanged,
            format!("operation `{after}`: description changed"),
        ));
    }
    let examples = |op: &Operation| -> Vec<(String, u16, String)> {
        op.examples
            .iter()
            .map(|e| (e.name.clone(), e.status, e.body.clone()))
            .collect()
    };
    if examples(o) != examples(n) {
        out.push(Change::new(
            K::ExampleChanged,
            format!("operation `{after}`: saved example responses changed"),
        ));
    }
}

fn body(op: &str, o: Option<&BodySpec>, n: Option<&BodySpec>, out: &mut Vec<Change>) {
    match (argument(o), argument(n)) {
        (Some((a, a_opt)), Some((b, b_opt))) if a_opt == b_opt => {
            if a != b {
                out.push(Change::new(
                    K::Retyped,
                    format!(
                        "operation `{op}`: request body `{}` -> `{}`",
                        rust(a),
                        rust(b)
                    ),
                ));
            }
        }
        (None, None) => {}
        (a, b) => {
            let shown = |arg: Option<(&TypeRef, bool)>| match arg {
                None => "none".to_owned(),
                Some((t, false)) => format!("`{}`", rust(t)),
                Some((t, true)) => format!("`Option<{}>`", rust(t)),
            };
            out.push(Change::new(
                K::BodyArgumentChanged,
                format!(
                    "operation `{op}`: body argument {} -> {}",
                    shown(a),
                    shown(b)
                ),
            ));
        }
    }
    let constants = |b: Option<&BodySpec>| b.map(|b| b.constants.clone()).unwrap_or_default();
    let (before, after) = (constants(o), constants(n));
    if before != after {
        let show = |c: &[(String, serde_json::Value)]| {
            let items: Vec<String> = c.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!("{{{}}}", items.join(", "))
        };
        out.push(Change::new(
            K::ConstantChanged,
            format!(
                "operation `{op}`: constant body fields {} -> {}",
                show(&before),
                show(&after)
            ),
        ));
    }
    let example = |b: Option<&BodySpec>| b.and_then(|b| b.example.clone());
    if example(o) != example(n) {
        out.push(Change::new(
            K::ExampleChanged,
            format!("operation `{op}`: request body example changed"),
        ));
    }
}

/// The body a caller passes, and whether it may be left out.
fn argument(b: Option<&BodySpec>) -> Option<(&TypeRef, bool)> {
    b.and_then(|b| b.ty.as_ref().map(|t| (t, b.optional)))
}

fn params(op: &str, o: Option<&ParamsSpec>, n: Option<&ParamsSpec>, out: &mut Vec<Change>) {
    let (o, n) = match (o, n) {
        (None, None) => return,
        (Some(o), Some(n)) => (o, n),
        (o, n) => {
            let shown = |p: Option<&ParamsSpec>| {
                p.map_or("none".to_owned(), |p| format!("`{}`", p.type_name))
            };
            out.push(Change::new(
                K::ParamsArgumentChanged,
                format!(
                    "operation `{op}`: parameters argument {} -> {}",
                    shown(o),
                    shown(n)
                ),
            ));
            return;
        }
    };
    let ty = &n.type_name;
    if o.type_name != n.type_name {
        out.push(Change::new(
            K::Retyped,
            format!("operation `{op}`: parameters `{}` -> `{ty}`", o.type_name),
        ));
    }
    for f in &n.fields {
        let Some(was) = o
            .fields
            .iter()
            .find(|w| w.wire == f.wire && w.location == f.location)
        else {
            out.push(Change::new(
                K::FieldAdded {
                    direction: Direction::Request,
                    required: false,
                },
                format!("parameter `{}` added to `{ty}` (optional)", f.field),
            ));
            continue;
        };
        if was.field != f.field {
            out.push(Change::new(
                K::FieldRenamed,
                format!(
                    "parameter `{}` of `{ty}` renamed to `{}`",
                    was.field, f.field
                ),
            ));
        }
        if was.repeated != f.repeated {
            let shown = |r: bool| {
                if r {
                    "`Vec<String>`"
                } else {
                    "`Option<String>`"
                }
            };
            out.push(Change::new(
                K::FieldRetyped,
                format!(
                    "parameter `{}` of `{ty}`: {} -> {}",
                    f.field,
                    shown(was.repeated),
                    shown(f.repeated)
                ),
            ));
        }
        if let Some(kind) = doc_change(&was.doc, &f.doc) {
            out.push(Change::new(
                kind,
                format!("parameter `{}` of `{ty}`: docs changed", f.field),
            ));
        }
    }
    for was in &o.fields {
        if !n
            .fields
            .iter()
            .any(|f| f.wire == was.wire && f.location == was.location)
        {
            out.push(Change::new(
                K::FieldRemoved,
                format!("parameter `{}` removed from `{ty}`", was.field),
            ));
        }
    }
}
