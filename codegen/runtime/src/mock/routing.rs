//! Which operation a request is for, read from the operation descriptors:
//! the path template and the method, then the query values that tell apart
//! operations sharing one URL (the constant body fields that may also do so
//! are read once the body is: `checks::select`).

use super::query::RecordedQuery;
use crate::operation::{Operation, PathPart};

/// Where a request lands.
pub(super) enum Route {
    /// The path and method match these operations (several when they share
    /// a URL and differ by a constant body field), with the decoded path
    /// arguments of the first.
    Found(Vec<&'static Operation>, Vec<String>),
    /// The path exists, but not for this method.
    WrongMethod,
    /// No operation has this path.
    NotFound,
}

/// Routes `method` and `path` (percent-encoded, without query) among
/// `operations`; `username`, when the mock fixes one, must fill the path
/// segments bound to it. When
/// several paths match, the one with the most literal text wins, as a
/// server's router lets `/numbers/search` win over `/numbers/{id}`.
///
/// Paths are compared as a web server in front of an API usually takes
/// them (docs/mock.md, "Tolerances"): repeated slashes count as one, and a
/// trailing slash is optional on either side. Official SDKs of one API
/// disagree on both (one always appends `/`, another never does, one sends
/// `{id}//` for an empty segment it adds), and the API answers all of them.
pub(super) fn route(
    operations: &[&'static Operation],
    method: &str,
    path: &str,
    username: Option<&str>,
) -> Route {
    let path = &normalize(path);
    let mut path_matched = false;
    let mut found = Vec::new();
    let mut args = Vec::new();
    let mut best = 0;
    for op in operations {
        let Some(values) = match_path(op.path, path, username) else {
            continue;
        };
        path_matched = true;
        if !op.method.as_str().eq_ignore_ascii_case(method) {
            continue;
        }
        let literal = literal_len(op.path);
        if found.is_empty() || literal > best {
            found.clear();
            args = values;
            best = literal;
        }
        if literal == best {
            found.push(*op);
        }
    }
    match (found.is_empty(), path_matched) {
        (false, _) => Route::Found(found, args),
        (true, true) => Route::WrongMethod,
        (true, false) => Route::NotFound,
    }
}

/// The operations among `candidates` (one method and path) that `query`
/// selects: those whose every query value it carries, the most specific
/// first; else those that ask for none; else all of them, for the body's
/// constants to choose from.
pub(super) fn by_query(
    candidates: Vec<&'static Operation>,
    query: &RecordedQuery,
) -> Vec<&'static Operation> {
    if candidates.iter().all(|op| op.query.is_empty()) {
        return candidates;
    }
    let fits = |op: &Operation| {
        op.query
            .iter()
            .all(|(name, value)| query.iter().any(|(n, v)| n == *name && v == *value))
    };
    let mut selected: Vec<_> = candidates
        .iter()
        .copied()
        .filter(|op| !op.query.is_empty() && fits(op))
        .collect();
    // Stable: among equally specific ones, the order of the spec.
    selected.sort_by_key(|op| std::cmp::Reverse(op.query.len()));
    if selected.is_empty() {
        selected = candidates
            .iter()
            .copied()
            .filter(|op| op.query.is_empty())
            .collect();
    }
    if selected.is_empty() {
        candidates
    } else {
        selected
    }
}

/// How much of a path is literal text.
fn literal_len(parts: &[PathPart]) -> usize {
    parts
        .iter()
        .map(|p| match p {
            PathPart::Literal(text) => text.len(),
            _ => 0,
        })
        .sum()
}

/// `path` with each run of slashes made one and no trailing slash (`/`
/// stays `/`).
fn normalize(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    if out.len() > 1 && out.ends_with('/') {
        out.pop();
    }
    out
}

/// The literal text of a template part, as [`normalize`] leaves a path:
/// the last part loses its trailing slashes (a template that is only `/`
/// keeps it).
fn literal(parts: &[PathPart], i: usize) -> Option<&'static str> {
    match *parts.get(i)? {
        PathPart::Literal(text) if i + 1 == parts.len() => match text.trim_end_matches('/') {
            "" if i == 0 => Some("/"),
            trimmed => Some(trimmed),
        },
        PathPart::Literal(text) => Some(text),
        _ => None,
    }
}

/// The decoded path arguments when `path` (normalized) fits `parts`.
fn match_path(parts: &[PathPart], path: &str, username: Option<&str>) -> Option<Vec<String>> {
    let mut rest = path;
    let mut args = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        match *part {
            PathPart::Literal(_) => rest = rest.strip_prefix(literal(parts, i)?)?,
            PathPart::Param(_) | PathPart::Username | PathPart::Password => {
                // A parameter runs to the next literal, and never across `/`.
                let end = match literal(parts, i + 1) {
                    Some("") | None => rest.len(),
                    Some(next) => rest.find(next)?,
                };
                let raw = &rest[..end];
                if raw.is_empty() || raw.contains('/') {
                    return None;
                }
                let value = percent_decode(raw)?;
                match part {
                    PathPart::Username if username.is_some_and(|u| value != u) => return None,
                    PathPart::Param(_) => args.push(value),
                    _ => {}
                }
                rest = &rest[end..];
            }
        }
    }
    rest.is_empty().then_some(args)
}

pub(super) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTS: &[PathPart] = &[
        PathPart::Literal("/v1/account/"),
        PathPart::Username,
        PathPart::Literal("/items/"),
        PathPart::Param(0),
    ];

    static BY_ID: Operation = Operation::new(
        "by_id",
        crate::operation::Method::GET,
        &[
            PathPart::Literal("/numbers/"),
            PathPart::Param(0),
            PathPart::Literal("/"),
        ],
    );
    static SEARCH: Operation = Operation::new(
        "search",
        crate::operation::Method::GET,
        &[PathPart::Literal("/numbers/search/")],
    );

    /// A literal segment wins over a parameter, whichever comes first.
    #[test]
    fn the_most_literal_path_wins() {
        for ops in [[&BY_ID, &SEARCH], [&SEARCH, &BY_ID]] {
            match route(&ops, "GET", "/numbers/search/", Some("u")) {
                Route::Found(found, args) => {
                    assert_eq!(found.len(), 1);
                    assert_eq!(found[0].name, "search");
                    assert!(args.is_empty());
                }
                _ => panic!("not found"),
            }
            match route(&ops, "GET", "/numbers/123/", Some("u")) {
                Route::Found(found, args) => {
                    assert_eq!(found[0].name, "by_id");
                    assert_eq!(args, ["123"]);
                }
                _ => panic!("not found"),
            }
        }
    }

    /// One SDK always appends `/`, another never does, one sends `//`:
    /// each reaches its operation (before, all but the spec's own spelling
    /// were 404).
    #[test]
    fn trailing_and_repeated_slashes_are_tolerated() {
        let id = Some("user-1");
        let ok = Some(vec!["x".to_owned()]);
        assert_eq!(
            match_path(PARTS, &normalize("/v1/account/user-1/items/x/"), id),
            ok
        );
        assert_eq!(
            match_path(PARTS, &normalize("/v1/account//user-1/items/x"), id),
            ok
        );
        let slashed = BY_ID.path;
        assert_eq!(
            match_path(slashed, &normalize("/numbers/7"), id),
            Some(vec!["7".to_owned()])
        );
        assert_eq!(
            match_path(slashed, &normalize("/numbers/7//"), id),
            Some(vec!["7".to_owned()])
        );
        assert_eq!(
            match_path(SEARCH.path, &normalize("/numbers/search"), id),
            Some(vec![])
        );
        // Still one segment per parameter, and nothing after the path.
        assert_eq!(match_path(slashed, &normalize("/numbers/7/8/"), id), None);
        assert_eq!(match_path(slashed, &normalize("/numbers//"), id), None);
        let root = &[PathPart::Literal("/")];
        assert_eq!(match_path(root, &normalize("/"), id), Some(vec![]));
        assert_eq!(match_path(root, &normalize("//"), id), Some(vec![]));
        assert_eq!(match_path(root, &normalize("/x"), id), None);
    }

    #[test]
    fn parameters_are_decoded_and_bound_segments_checked() {
        let id = Some("user-1");
        let args = match_path(PARTS, "/v1/account/user-1/items/a%2Fb", id);
        assert_eq!(args, Some(vec!["a/b".to_owned()]));
        assert_eq!(match_path(PARTS, "/v1/account/OTHER/items/x", id), None);
        assert_eq!(match_path(PARTS, "/v1/account/user-1/items/", id), None);
        assert_eq!(match_path(PARTS, "/v1/account/user-1/items/x/y", id), None);
        assert_eq!(match_path(PARTS, "/v1/account/user-1/items/%zz", id), None);
        // With no user name fixed, any fills its segment.
        assert!(match_path(PARTS, "/v1/account/OTHER/items/x", None).is_some());
    }

    #[test]
    fn query_values_select_among_operations_on_one_url() {
        use crate::Method;
        static LIST: Operation =
            Operation::new("list", Method::GET, &[]).query(&[("action", "list")]);
        static GET: Operation = Operation::new("get", Method::GET, &[]).query(&[("action", "get")]);
        static GET_ONE: Operation =
            Operation::new("get_one", Method::GET, &[]).query(&[("action", "get"), ("one", "1")]);
        static PLAIN: Operation = Operation::new("plain", Method::GET, &[]);
        let names = |query: &str| -> Vec<&str> {
            let all = vec![&LIST, &GET, &GET_ONE, &PLAIN];
            by_query(all, &RecordedQuery::parse(query))
                .iter()
                .map(|op| op.name)
                .collect()
        };
        assert_eq!(names("action=get&x=1"), ["get"]);
        assert_eq!(names("one=1&action=get"), ["get_one", "get"]);
        assert_eq!(names("action=list"), ["list"]);
        assert_eq!(names("action=other"), ["plain"]);
        assert_eq!(names(""), ["plain"]);
    }
}
