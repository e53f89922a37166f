//! Overlay entries that reach into nested objects: `meta.next`,
//! `objects[].message_time` (`[]` steps into a list's elements). Each
//! object's fields see the entries under their own key, so enums, types,
//! formats, descriptions and required-ness apply at any depth.

use crate::draft::hints::Hints;
use crate::draft::shape::Object;
use crate::read::overlay::FieldOverlay;
use std::collections::BTreeMap;

/// The first step of a nested key and the rest (`objects[].x` gives
/// `objects` and `x`); `None` for a plain key.
fn split(key: &str) -> Option<(&str, &str)> {
    let (head, rest) = key.split_once('.')?;
    Some((head.strip_suffix("[]").unwrap_or(head), rest))
}

/// The hints for the value of field `key`: the overlay entries under it,
/// with their first step taken off.
pub(crate) fn under(hints: &Hints, key: &str) -> Hints {
    let overlay: BTreeMap<String, FieldOverlay> = hints
        .overlay
        .iter()
        .filter_map(|(k, o)| match split(k) {
            Some((head, rest)) if head == key => Some((rest.to_owned(), o.clone())),
            _ => None,
        })
        .collect();
    Hints {
        overlay,
        ..Hints::default()
    }
}

/// Whether an overlay key names a field of this object itself.
pub(crate) fn is_direct(key: &str) -> bool {
    split(key).is_none()
}

/// A nested entry whose first step is no field of `obj`: a typo the
/// overlay would otherwise silently lose.
pub(crate) fn check(hints: &Hints, obj: &Object, name: &str) -> Result<(), String> {
    for key in hints.overlay.keys() {
        if let Some((head, _)) = split(key)
            && !obj.fields.iter().any(|f| f.key == head)
        {
            return Err(format!(
                "`{key}`: `{name}` has no field `{head}` in any example"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_go_to_their_field() {
        let mut hints = Hints::default();
        for key in ["meta.next", "objects[].time", "objects[].inner.x", "plain"] {
            hints.overlay.insert(key.into(), FieldOverlay::default());
        }
        let meta = under(&hints, "meta");
        assert_eq!(meta.overlay.keys().collect::<Vec<_>>(), ["next"]);
        let objects = under(&hints, "objects");
        assert_eq!(
            objects.overlay.keys().collect::<Vec<_>>(),
            ["inner.x", "time"]
        );
        assert!(under(&hints, "plain").overlay.is_empty());
        assert!(is_direct("plain") && !is_direct("meta.next"));
    }
}
