//! Which items become operations: each overlay entry matched to its one
//! item, and the one base URL they all share.

use crate::draft::operation::Draft;
use crate::error::{Error, ErrorKind, Location, SkipReason, Warning};
use crate::model::input::{Input, skip_or_fail};
use crate::read::overlay::OperationOverlay;
use crate::read::url::Base;

/// The overlay entry for each item, checking that every entry matches one item.
pub(super) fn match_overlay<'a>(
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
pub(super) fn shared_base(
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
                let e = Error::unsupported(
                    Location::item(input.collection_file, &d.display),
                    SkipReason::SecondHost,
                    format!(
                        "base URL `{b}` differs from `{first}` used by earlier items; \
                         a client has one base URL"
                    ),
                );
                skip_or_fail(input, e, warnings, errors);
            }
            _ => kept.push(d),
        }
    }
    *drafts = kept;
    base
}
