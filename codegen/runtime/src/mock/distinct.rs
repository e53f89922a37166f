//! More items than the spec's example has: copies of its items, each copy
//! with identifiers of its own, so that a listing of many pages has no two
//! items alike.

use crate::retry::{GOLDEN_GAMMA, mix64};
use serde_json::Value;

/// The copy of `seed` (an item of the example) for `round` (0 for the
/// item itself, 1 for its first copy, ...).
///
/// An identifier is a top-level string field named `id`, or ending in
/// `_id`, `Id`, `ID` or `uuid` (any case). Each gets a value of its own
/// for the round, of the same shape where there is one: a UUID stays a
/// UUID (its last group changes), text ending in six digits or more keeps
/// its length (those digits change), other text gains `-<round>`. Where
/// another top-level string of the item contains the old value (a
/// resource URL naming the item), it is replaced there too.
pub(super) fn copy(seed: &Value, round: usize) -> Value {
    let mut item = seed.clone();
    if round == 0 {
        return item;
    }
    let Value::Object(map) = &mut item else {
        return item;
    };
    let mut renamed = Vec::new();
    for (key, value) in map.iter_mut() {
        if let Value::String(text) = value
            && is_identifier(key)
            && !text.is_empty()
        {
            let new = distinct(text, round);
            renamed.push((std::mem::replace(text, new.clone()), new));
        }
    }
    for value in map.values_mut() {
        if let Value::String(text) = value {
            for (old, new) in &renamed {
                // Short values (`1`, `ab`) would match by chance.
                if old.len() >= 4 && text.contains(old.as_str()) && text != new {
                    *text = text.replace(old.as_str(), new);
                }
            }
        }
    }
    item
}

fn is_identifier(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    lower == "id"
        || lower.ends_with("_id")
        || lower.ends_with("uuid")
        || key.ends_with("Id")
        || key.ends_with("ID")
}

/// `old`'s value for `round`, of its shape.
fn distinct(old: &str, round: usize) -> String {
    let seed = old.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let mixed = mix64(seed ^ (round as u64).wrapping_mul(GOLDEN_GAMMA));
    if is_uuid(old) {
        return format!("{}{:012x}", &old[..24], mixed & 0xffff_ffff_ffff);
    }
    let digits = old.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits >= 6 {
        let cut = old.len() - 6;
        return format!("{}{:06}", &old[..cut], mixed % 1_000_000);
    }
    format!("{old}-{round}")
}

fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn copies_have_identifiers_of_their_own_and_of_the_same_shape() {
        let seed = json!({
            "message_uuid": "0936ec98-7c4c-11e4-9bd8-22000afa12b9",
            "app_id": "20372631212782780",
            "id": "room",
            "resource_uri": "/v1/Message/0936ec98-7c4c-11e4-9bd8-22000afa12b9/",
            "to_number": "14155551234",
            "paid": "yes",
        });
        assert_eq!(copy(&seed, 0), seed);
        let mut seen = std::collections::HashSet::new();
        for round in 1..50 {
            let item = copy(&seed, round);
            let uuid = item["message_uuid"].as_str().unwrap();
            assert!(
                is_uuid(uuid) && uuid.starts_with("0936ec98-7c4c-11e4-9bd8-"),
                "{uuid}"
            );
            assert!(seen.insert(uuid.to_owned()), "round {round} repeats {uuid}");
            let app = item["app_id"].as_str().unwrap();
            assert_eq!(app.len(), 17);
            assert!(app.starts_with("20372631212") && app.bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(item["id"], format!("room-{round}"));
            assert_eq!(item["resource_uri"], format!("/v1/Message/{uuid}/"));
            assert_eq!(item["to_number"], "14155551234");
            assert_eq!(item["paid"], "yes");
        }
    }

    #[test]
    fn what_is_not_an_object_is_copied_as_it_is() {
        assert_eq!(copy(&json!("x"), 3), json!("x"));
        assert_eq!(copy(&json!({"id": 7}), 3), json!({"id": 7}));
    }
}
