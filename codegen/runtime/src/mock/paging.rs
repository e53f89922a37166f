//! The pages of a listing the descriptors say pages
//! ([`crate::Operation::pagination`]): the spec's example holds a page, and
//! the mock serves as many items as asked for (copies of the example's,
//! each with identifiers of its own), one page at a time, as the request's
//! query asks, with the links between pages and the totals filled in.

use super::distinct::copy;
use super::routing::percent_decode;
use crate::operation::{OffsetPaging, Pagination};
use serde_json::{Map, Value};

/// The body of the page a request asks for, or the query parameter whose
/// value the API would refuse.
pub(super) enum Paged {
    /// The page, as JSON text.
    Page(String),
    /// The example cannot be paged (not JSON, or no item array where the
    /// descriptor says): it is served as it is.
    AsIs,
    /// The value of this query parameter is refused.
    Invalid(&'static str),
}

/// How many items a listing holds unless a test says otherwise
/// ([`super::MockServer::items`]): two pages and a half of the default
/// size, so that an unconfigured listing has a first, a middle and a short
/// last page.
pub(super) fn default_count(pagination: &Pagination) -> usize {
    match pagination {
        Pagination::Offset(offset) => (offset.default_limit as usize).max(1) * 5 / 2,
    }
}

/// The page of `pagination` that the request at `path` with `query` asks
/// for, from `example` (the spec's example body), of a listing of `count`
/// items.
pub(super) fn page(
    pagination: &Pagination,
    example: &str,
    path: &str,
    query: Option<&str>,
    count: usize,
) -> Paged {
    match pagination {
        Pagination::Offset(offset) => offset_page(offset, example, path, query, count),
    }
}

fn offset_page(
    paging: &OffsetPaging,
    example: &str,
    path: &str,
    query: Option<&str>,
    count: usize,
) -> Paged {
    let pairs: Vec<(&str, String)> = query
        .unwrap_or_default()
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| (pair, key_of(pair)))
        .collect();
    let value_of = |name: &str| {
        pairs
            .iter()
            .rev()
            .find(|(_, key)| key == name)
            .map(|(pair, _)| value_of(pair))
    };
    let limit = match value_of(paging.limit) {
        None => paging.default_limit as usize,
        Some(text) => match text.as_deref().and_then(number) {
            Some(n) if n > 0 && paging.max_limit.is_none_or(|max| n <= max as usize) => n,
            _ => return Paged::Invalid(paging.limit),
        },
    };
    let offset = match value_of(paging.offset) {
        None => 0,
        Some(text) => match text.as_deref().and_then(number) {
            Some(n) => n,
            None => return Paged::Invalid(paging.offset),
        },
    };
    let Ok(mut body) = serde_json::from_str::<Value>(example) else {
        return Paged::AsIs;
    };
    let Some(Value::Array(seeds)) = get(&body, paging.items) else {
        return Paged::AsIs;
    };
    let count = if seeds.is_empty() { 0 } else { count };
    let end = offset.saturating_add(limit).min(count);
    let items: Vec<Value> = (offset.min(end)..end)
        .map(|i| copy(&seeds[i % seeds.len()], i / seeds.len()))
        .collect();
    // The links keep the request's other parameters (its filters).
    let others: Vec<&str> = pairs
        .iter()
        .filter(|(_, key)| key != paging.limit && key != paging.offset)
        .map(|(pair, _)| *pair)
        .collect();
    let link = |offset: usize| {
        let mut link = format!("{path}?");
        for pair in &others {
            link.push_str(pair);
            link.push('&');
        }
        link.push_str(&format!(
            "{}={limit}&{}={offset}",
            paging.limit, paging.offset
        ));
        Value::String(link)
    };
    let next = if end < count { link(end) } else { Value::Null };
    set(&mut body, paging.items, Value::Array(items));
    set(&mut body, paging.next, next);
    if let Some(previous) = paging.previous {
        let previous_page = if offset > 0 {
            link(offset.saturating_sub(limit))
        } else {
            Value::Null
        };
        set(&mut body, previous, previous_page);
    }
    if let Some(total) = paging.total {
        set(&mut body, total, count.into());
    }
    if let Some(at) = paging.limit_echo {
        set(&mut body, at, limit.into());
    }
    if let Some(at) = paging.offset_echo {
        set(&mut body, at, offset.into());
    }
    Paged::Page(body.to_string())
}

/// A count as the API writes one: decimal digits, nothing else.
fn number(text: &str) -> Option<usize> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The decoded key of a `key=value` pair of a query.
fn key_of(pair: &str) -> String {
    let key = pair.split('=').next().unwrap_or_default();
    form_decode(key).unwrap_or_default()
}

/// The decoded value of a `key=value` pair; `None` when it does not decode.
fn value_of(pair: &str) -> Option<String> {
    form_decode(pair.split_once('=').map_or("", |(_, value)| value))
}

fn form_decode(text: &str) -> Option<String> {
    percent_decode(&text.replace('+', " "))
}

fn get<'a>(body: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(body, |at, key| at.get(key))
}

/// Sets `path` in `body` to `value`, making the objects on the way (a
/// value in the way that is not an object is replaced by one).
fn set(body: &mut Value, path: &[&str], value: Value) {
    let Some((first, rest)) = path.split_first() else {
        *body = value;
        return;
    };
    if !body.is_object() {
        *body = Value::Object(Map::new());
    }
    if let Value::Object(map) = body {
        let at = map.entry((*first).to_owned()).or_insert(Value::Null);
        set(at, rest, value);
    }
}
