//! How listings page, as the overlay says it (`pagination`): once for the
//! whole API, and per operation to change a place or to turn it off.
//!
//! ```json
//! "pagination": {
//!   "limit": "limit", "offset": "offset",
//!   "items": "objects", "next": "meta.next",
//!   "previous": "meta.previous", "total": "meta.total_count",
//!   "limit_echo": "meta.limit", "offset_echo": "meta.offset",
//!   "default_limit": 20, "max_limit": 20
//! }
//! ```
//!
//! `limit` and `offset` are query parameters; the other places are paths
//! of object keys in the page (`meta.next` is `body.meta.next`). An
//! operation's own `"pagination"` is either `false` or an object of the
//! same keys, each replacing the API's.

use serde_json::{Map, Value};

/// Offset paging, every key optional: the API's declaration, or an
/// operation's changes to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PagingOverlay {
    /// The query parameter of a page's size.
    pub limit: Option<String>,
    /// The query parameter of the number of items skipped.
    pub offset: Option<String>,
    /// Where a page holds its items.
    pub items: Option<Vec<String>>,
    /// Where a page holds the link to the next one.
    pub next: Option<Vec<String>>,
    pub previous: Option<Vec<String>>,
    pub total: Option<Vec<String>>,
    pub limit_echo: Option<Vec<String>>,
    pub offset_echo: Option<Vec<String>>,
    pub default_limit: Option<u32>,
    pub max_limit: Option<u32>,
}

/// An operation's `pagination`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OperationPaging {
    /// `false`: the operation does not page, whatever its shape.
    Off,
    /// Its changes to the API's declaration (boxed: `Off` is a flag).
    On(Box<PagingOverlay>),
}

const KEYS: &[&str] = &[
    "limit",
    "offset",
    "items",
    "next",
    "previous",
    "total",
    "limit_echo",
    "offset_echo",
    "default_limit",
    "max_limit",
];

/// The API's `pagination`: every place a page needs must be given.
pub(crate) fn read_api(value: &Value) -> Result<PagingOverlay, String> {
    let paging = read(value, "`pagination`")?;
    let missing = [
        ("limit", paging.limit.is_none()),
        ("offset", paging.offset.is_none()),
        ("items", paging.items.is_none()),
        ("next", paging.next.is_none()),
    ];
    match missing.iter().find(|(_, absent)| *absent) {
        Some((key, _)) => Err(format!("`pagination` needs `{key}`")),
        None => Ok(paging),
    }
}

/// An operation's `pagination` (`what` names it in errors).
pub(crate) fn read_operation(value: &Value, what: &str) -> Result<OperationPaging, String> {
    match value {
        Value::Bool(false) => Ok(OperationPaging::Off),
        Value::Object(_) => read(value, what).map(|p| OperationPaging::On(Box::new(p))),
        _ => Err(format!("{what} must be `false` or an object")),
    }
}

fn read(value: &Value, what: &str) -> Result<PagingOverlay, String> {
    let Value::Object(obj) = value else {
        return Err(format!("{what} must be a JSON object"));
    };
    if let Some(key) = obj.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!(
            "{what} has unknown key `{key}` (allowed: {})",
            KEYS.join(", ")
        ));
    }
    let name = |key: &str| text(obj, key, what);
    let path = |key: &str| -> Result<Option<Vec<String>>, String> {
        Ok(name(key)?.map(|p| p.split('.').map(str::to_owned).collect()))
    };
    let number = |key: &str| -> Result<Option<u32>, String> {
        match obj.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|&n| n > 0)
                .map(Some)
                .ok_or_else(|| format!("{what}.{key} must be a positive whole number")),
        }
    };
    Ok(PagingOverlay {
        limit: name("limit")?,
        offset: name("offset")?,
        items: path("items")?,
        next: path("next")?,
        previous: path("previous")?,
        total: path("total")?,
        limit_echo: path("limit_echo")?,
        offset_echo: path("offset_echo")?,
        default_limit: number("default_limit")?,
        max_limit: number("max_limit")?,
    })
}

/// A non-empty string without empty path steps.
fn text(obj: &Map<String, Value>, key: &str, what: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None => Ok(None),
        Some(Value::String(s)) if !s.is_empty() && !s.split('.').any(str::is_empty) => {
            Ok(Some(s.clone()))
        }
        Some(_) => Err(format!(
            "{what}.{key} must be a name or a dotted path (`meta.next`)"
        )),
    }
}

impl PagingOverlay {
    /// This declaration with `changes` over it, key by key.
    pub(crate) fn with(&self, changes: &PagingOverlay) -> PagingOverlay {
        let pick = |mine: &Option<Vec<String>>, theirs: &Option<Vec<String>>| {
            theirs.clone().or_else(|| mine.clone())
        };
        PagingOverlay {
            limit: changes.limit.clone().or_else(|| self.limit.clone()),
            offset: changes.offset.clone().or_else(|| self.offset.clone()),
            items: pick(&self.items, &changes.items),
            next: pick(&self.next, &changes.next),
            previous: pick(&self.previous, &changes.previous),
            total: pick(&self.total, &changes.total),
            limit_echo: pick(&self.limit_echo, &changes.limit_echo),
            offset_echo: pick(&self.offset_echo, &changes.offset_echo),
            default_limit: changes.default_limit.or(self.default_limit),
            max_limit: changes.max_limit.or(self.max_limit),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_api_needs_every_place_and_an_operation_changes_some() {
        let api = read_api(
            &json!({"limit": "limit", "offset": "offset", "items": "objects",
            "next": "meta.next", "total": "meta.total_count"}),
        )
        .unwrap();
        assert_eq!(api.next, Some(vec!["meta".to_owned(), "next".to_owned()]));
        assert!(
            read_api(&json!({"limit": "limit", "offset": "offset", "items": "objects"}))
                .unwrap_err()
                .contains("`next`")
        );
        let OperationPaging::On(changes) =
            read_operation(&json!({"total": "meta.count"}), "op").unwrap()
        else {
            panic!("an object is a change");
        };
        let merged = api.with(&changes);
        assert_eq!(merged.total, Some(vec!["meta".into(), "count".into()]));
        assert_eq!(merged.items, Some(vec!["objects".into()]));
        assert_eq!(
            read_operation(&json!(false), "op").unwrap(),
            OperationPaging::Off
        );
        assert!(read_operation(&json!(true), "op").is_err());
        assert!(
            read_operation(&json!({"next": "meta..next"}), "op")
                .unwrap_err()
                .contains("dotted path")
        );
        assert!(
            read_operation(&json!({"pages": 1}), "op")
                .unwrap_err()
                .contains("`pages`")
        );
    }
}
