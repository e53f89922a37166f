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
/// `operations`; `username` fills the path segments bound to it.
pub(super) fn route(
    operations: &[&'static Operation],
    method: &str,
    path: &str,
    username: &str,
) -> Route {
    let mut path_matched = false;
    let mut found = Vec::new();
    let mut args = Vec::new();
    for op in operations {
        let Some(values) = match_path(op.path, path, username) else {
            continue;
        };
        path_matched = true;
        if op.method.as_str().eq_ignore_ascii_case(method) {
            if found.is_empty() {
                args = values;
            }
            found.push(*op);
        }
    }
    match (found.is_empty(), path_matched) {
        (false, _) => Route::Found(found, args),
        (true, true) => Route::WrongMethod,
        (true, false) => Route::NotFound,
    }
}

/// The decoded path arguments when `path` fits `parts`.
fn match_path(parts: &[PathPart], path: &str, username: &str) -> Option<Vec<String>> {
    let mut rest = path;
    let mut args = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        match *part {
            PathPart::Literal(text) => rest = rest.strip_prefix(text)?,
            PathPart::Param(_) | PathPart::Username | PathPart::Password => {
                // A parameter runs to the next literal, and never across `/`.
                let end = match parts.get(i + 1) {
                    Some(PathPart::Literal(next)) => rest.find(next)?,
                    _ => rest.len(),
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
