//! Which items become operations: each overlay entry matched to its one
//! item, and the hosts they go to.

use crate::draft::operation::Draft;
use crate::error::{Error, ErrorKind, Location};
use crate::model::api::HostSpec;
use crate::model::input::Input;
use crate::read::overlay::OperationOverlay;
use crate::read::url::Base;

/// The overlay entry for each item, checking that every entry matches one item.
pub(super) fn match_overlay<'a>(
    input: &Input<'a>,
    errors: &mut Vec<Error>,
) -> Vec<Option<&'a OperationOverlay>> {
    let items: Vec<_> = input.items().map(|(_, item)| item).collect();
    let mut found: Vec<Option<&OperationOverlay>> = vec![None; items.len()];
    for entry in &input.overlay.operations {
        let fail = |m: String| Error::new(Location::file(&entry.file), ErrorKind::Overlay(m));
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

/// The hosts the operations go to, the main one (the first item's) first,
/// and each draft's host by index. Items on one URL share a host, named by
/// the collection variable it is written as (so that a caller overrides it
/// by that name), else by its URL; an item whose host is neither known nor
/// a variable (a relative URL) goes to the main host.
pub(super) fn hosts(drafts: &[Draft<'_>]) -> (Vec<HostSpec>, Vec<usize>) {
    let mut hosts: Vec<HostSpec> = Vec::new();
    let mut keys: Vec<(Option<String>, Option<String>)> = Vec::new();
    let mut of_draft = Vec::with_capacity(drafts.len());
    for d in drafts {
        let default = match &d.base {
            Base::Known(url) => Some(url.clone()),
            Base::Unknown => None,
        };
        // The same URL is the same host, whichever way it is written.
        let key = match &default {
            Some(url) => (None, Some(url.clone())),
            None => (d.host_variable.clone(), None),
        };
        if key == (None, None) {
            // Relative: the main host, once there is one.
            of_draft.push(None);
            continue;
        }
        let index = match keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                let name = host_name(&hosts, d.host_variable.as_deref(), default.as_deref());
                hosts.push(HostSpec { name, default });
                keys.push(key);
                hosts.len() - 1
            }
        };
        of_draft.push(Some(index));
    }
    if hosts.is_empty() {
        hosts.push(HostSpec {
            name: "baseUrl".to_owned(),
            default: None,
        });
    }
    (
        hosts,
        of_draft.into_iter().map(|i| i.unwrap_or(0)).collect(),
    )
}

/// A name no other host has: the variable, else the URL, else a number.
fn host_name(hosts: &[HostSpec], variable: Option<&str>, url: Option<&str>) -> String {
    let free = |n: &str| !hosts.iter().any(|h| h.name == n);
    [variable, url]
        .into_iter()
        .flatten()
        .find(|n| free(n))
        .map_or_else(|| format!("host{}", hosts.len()), str::to_owned)
}
