//! Which operation a request is for, read from the operation descriptors:
//! the path template, the method, and the constant fields that tell apart
//! operations sharing one URL.

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
/// `operations`; `username` fills the path segments bound to it. When
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
    username: &str,
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
fn match_path(parts: &[PathPart], path: &str, username: &str) -> Option<Vec<String>> {
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
                    PathPart::Username if value != username => return None,
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
            match route(&ops, "GET", "/numbers/search/", "u") {
                Route::Found(found, args) => {
                    assert_eq!(found.len(), 1);
                    assert_eq!(found[0].name, "search");
                    assert!(args.is_empty());
                }
                _ => panic!("not found"),
            }
            match route(&ops, "GET", "/numbers/123/", "u") {
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
        let id = "user-1";
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
        let id = "user-1";
        let args = match_path(PARTS, "/v1/account/user-1/items/a%2Fb", id);
        assert_eq!(args, Some(vec!["a/b".to_owned()]));
        assert_eq!(match_path(PARTS, "/v1/account/OTHER/items/x", id), None);
        assert_eq!(match_path(PARTS, "/v1/account/user-1/items/", id), None);
        assert_eq!(match_path(PARTS, "/v1/account/user-1/items/x/y", id), None);
        assert_eq!(match_path(PARTS, "/v1/account/user-1/items/%zz", id), None);
    }
}
