//! Several operations on one URL, told apart by a constant body field.
//!
//! APIs often put many actions behind one endpoint and select the action
//! with a field such as `{"action": "hold"}`. When two or more items share a
//! method and path, and exactly one top-level body field has one fixed value
//! in each item's examples and a different value in every item, that field is
//! the discriminator: each operation sends its own value, and callers never
//! pass it. Anything less certain is left to the overlay.

use crate::draft::operation::Draft;
use crate::draft::secrets::looks_like_credential;
use crate::draft::shape::{Field, Kind};
use serde_json::Value;
use std::collections::BTreeMap;

pub(crate) fn infer_constants(drafts: &mut [Draft<'_>]) {
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, d) in drafts.iter().enumerate() {
        groups
            .entry((d.method.clone(), d.template.clone()))
            .or_default()
            .push(i);
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let Some(key) = discriminator(drafts, members) else {
            continue;
        };
        for &i in members {
            let Some(body) = drafts.get_mut(i).and_then(|d| d.body.as_mut()) else {
                continue;
            };
            if body.constants.iter().any(|(k, _)| *k == key) {
                continue;
            }
            let value = body
                .shape
                .as_ref()
                .and_then(|s| fields(&s.kind))
                .and_then(|fs| fs.iter().find(|f| f.key == key))
                .map(|f| f.example.clone());
            if let Some(value) = value {
                body.make_constant(&key, value);
            }
        }
    }
}

/// The one key whose fixed value differs in every member, if there is one.
fn discriminator(drafts: &[Draft<'_>], members: &[usize]) -> Option<String> {
    let bodies: Vec<&[Field]> = members
        .iter()
        .map(|&i| {
            let body = drafts.get(i)?.body.as_ref().filter(|b| !b.free_form)?;
            fields(&body.shape.as_ref()?.kind)
        })
        .collect::<Option<_>>()?;
    let first = bodies.first()?;
    let mut found = None;
    // A credential's value is never compiled into the code as a constant.
    let candidates = first.iter().map(|f| f.key.as_str());
    for candidate in candidates.filter(|key| !looks_like_credential(key)) {
        let values: Option<Vec<&Value>> = bodies
            .iter()
            .map(|fs| {
                let f = fs.iter().find(|f| f.key == candidate)?;
                let scalar =
                    f.example.is_string() || f.example.is_number() || f.example.is_boolean();
                (f.same_everywhere && scalar).then_some(&f.example)
            })
            .collect();
        let Some(values) = values else { continue };
        let distinct = values
            .iter()
            .enumerate()
            .all(|(i, v)| values[..i].iter().all(|w| w != v));
        if distinct {
            if found.is_some() {
                return None;
            }
            found = Some(candidate.to_owned());
        }
    }
    found
}

fn fields(kind: &Kind) -> Option<&[Field]> {
    match kind {
        Kind::Object(obj) => Some(&obj.fields),
        _ => None,
    }
}
