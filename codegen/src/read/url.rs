//! Postman URLs: the base they are sent to, and a path template with parameters.
//!
//! A path parameter can be written three ways: `{name}` (as API docs write
//! it), `:name` (Postman path variables) and `{{name}}` (Postman variables).

use crate::read::jsonc;
use crate::read::postman::{KeyValue, Url};
use std::collections::BTreeMap;

/// Where the requests go, before the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Base {
    /// A concrete base such as `https://api.example.com` or `https://host/api`.
    Known(String),
    /// The host is a variable without a value, or missing.
    Unknown,
}

/// One piece of a path segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    Literal(String),
    /// A parameter; `variable` is true for the `{{name}}` form.
    Param {
        name: String,
        variable: bool,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct ParsedUrl {
    pub base: Base,
    /// The variable the host is written as (`{{baseUrl}}`, `{{region}}.x.com`).
    pub host_variable: Option<String>,
    /// Path segments after the base, each made of parts; empty ones are
    /// left out but for a last one, which is the trailing slash of
    /// `/calls/` (sent: some APIs answer only the path with it).
    pub segments: Vec<Vec<Part>>,
    pub query: Vec<KeyValue>,
}

/// Splits `url` into base, path template and query, resolving variables in the
/// host from `vars`. Errors are plain messages; the caller adds the location.
pub(crate) fn parse(url: &Url, vars: &BTreeMap<String, String>) -> Result<ParsedUrl, String> {
    let structured = url.host.is_some() || url.path.is_some();
    let (protocol, host, port, path, raw_query) = if structured {
        let raw_query = url
            .raw
            .as_deref()
            .and_then(|r| r.split_once('?'))
            .map(|(_, q)| q.to_owned());
        (
            url.protocol.clone(),
            url.host.clone().map(|h| h.join(".")).unwrap_or_default(),
            url.port.clone(),
            url.path.clone().unwrap_or_default(),
            raw_query,
        )
    } else {
        let raw = url.raw.as_deref().unwrap_or_default().trim();
        if raw.is_empty() {
            return Err("the URL is empty".into());
        }
        split_raw(raw)
    };
    let base = base(protocol.as_deref(), &host, port.as_deref(), vars);
    let host_variable = host
        .trim()
        .strip_prefix("{{")
        .and_then(|rest| rest.split_once("}}"))
        .map(|(name, _)| name.trim().to_owned())
        .filter(|name| !name.is_empty());
    let mut segments = Vec::new();
    for segment in path.iter().filter(|s| !s.is_empty()) {
        segments.push(parse_segment(segment)?);
    }
    if !segments.is_empty() && path.last().is_some_and(String::is_empty) {
        segments.push(Vec::new());
    }
    let query = match &url.query {
        Some(q) => q.clone(),
        None => raw_query.as_deref().map(parse_query).unwrap_or_default(),
    };
    Ok(ParsedUrl {
        base,
        host_variable,
        segments,
        query,
    })
}

type RawParts = (
    Option<String>,
    String,
    Option<String>,
    Vec<String>,
    Option<String>,
);

/// `scheme://host:port/a/b?q#f` into its parts; the host may be a variable.
fn split_raw(raw: &str) -> RawParts {
    let raw = raw.split_once('#').map_or(raw, |(before, _)| before);
    let (rest, query) = match raw.split_once('?') {
        Some((r, q)) => (r, Some(q.to_owned())),
        None => (raw, None),
    };
    let (protocol, rest) = match rest.split_once("://") {
        Some((p, r)) if !p.contains('/') && !p.contains('{') => (Some(p.to_owned()), r),
        _ => (None, rest),
    };
    // The authority ends at the first `/` outside a `{{...}}` variable.
    let cut = authority_end(rest);
    let (authority, path) = rest.split_at(cut);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) => {
            (h.to_owned(), Some(p.to_owned()))
        }
        _ => (authority.to_owned(), None),
    };
    // Empty segments too: `parse` keeps a trailing one.
    let path = match path.strip_prefix('/') {
        Some(path) => path.split('/').map(str::to_owned).collect(),
        None => Vec::new(),
    };
    (protocol, host, port, path, query)
}

fn authority_end(s: &str) -> usize {
    let mut depth = 0usize;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"{{") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"}}") {
            depth = depth.saturating_sub(1);
            i += 2;
        } else if bytes[i] == b'/' && depth == 0 {
            return i;
        } else {
            i += 1;
        }
    }
    s.len()
}

fn base(
    protocol: Option<&str>,
    host: &str,
    port: Option<&str>,
    vars: &BTreeMap<String, String>,
) -> Base {
    if host.is_empty() {
        return Base::Unknown;
    }
    let Some(host) = resolve(host, vars) else {
        return Base::Unknown;
    };
    let host = host.trim().trim_end_matches('/');
    if host.is_empty() {
        return Base::Unknown;
    }
    // A variable may hold a whole base URL with scheme and path prefix.
    let (scheme, rest) = match host.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r.to_owned()),
        // Postman sends scheme-less URLs over plain HTTP.
        None => (
            protocol.unwrap_or("http").to_ascii_lowercase(),
            host.to_owned(),
        ),
    };
    // Credentials in the URL (`user:password@host`) are the caller's to
    // give, never a default of the generated code.
    let authority = rest.find('/').unwrap_or(rest.len());
    let rest = match rest[..authority].rfind('@') {
        Some(at) => rest[at + 1..].to_owned(),
        None => rest,
    };
    let rest = match port {
        Some(port) if !port.is_empty() => match rest.split_once('/') {
            Some((h, p)) => format!("{h}:{port}/{p}"),
            None => format!("{rest}:{port}"),
        },
        _ => rest,
    };
    if scheme != "http" && scheme != "https" {
        return Base::Unknown;
    }
    Base::Known(format!("{scheme}://{rest}"))
}

/// Replaces `{{name}}` with collection variables, innermost first; `None` when
/// a variable has no value.
pub(crate) fn resolve(text: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let mut text = text.to_owned();
    // Values may contain further variables; a bound stops cycles.
    for _ in 0..16 {
        let Some(start) = text.rfind("{{") else {
            return Some(text);
        };
        let end = start + text[start..].find("}}")?;
        let name = text[start + 2..end].trim();
        let value = vars.get(name).filter(|v| !v.is_empty())?;
        text.replace_range(start..end + 2, value);
    }
    None
}

/// Splits one path segment into literal text and parameters.
fn parse_segment(segment: &str) -> Result<Vec<Part>, String> {
    if let Some(name) = segment.strip_prefix(':') {
        if name.is_empty() {
            return Err(format!("path segment `{segment}` names no parameter"));
        }
        return Ok(vec![Part::Param {
            name: name.to_owned(),
            variable: false,
        }]);
    }
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = segment;
    while !rest.is_empty() {
        if rest.starts_with("{{") {
            let (len, closed) = jsonc::placeholder_len(rest);
            if !closed {
                return Err(format!("path segment `{segment}` has an unclosed `{{{{`"));
            }
            push_param(&mut parts, &mut literal, &rest[2..len - 2], true, segment)?;
            rest = &rest[len..];
        } else if let Some(after) = rest.strip_prefix('{') {
            let end = after
                .find('}')
                .ok_or_else(|| format!("path segment `{segment}` has an unclosed `{{`"))?;
            push_param(&mut parts, &mut literal, &after[..end], false, segment)?;
            rest = &after[end + 1..];
        } else {
            let ch = rest.chars().next().unwrap_or(' ');
            literal.push(ch);
            rest = &rest[ch.len_utf8()..];
        }
    }
    if !literal.is_empty() {
        parts.push(Part::Literal(literal));
    }
    Ok(parts)
}

/// Path text as it goes on the wire: characters a path segment cannot hold
/// (`?`, `#`, spaces, non-ASCII) percent-encoded, so that text from the spec
/// never starts a query or a fragment. Existing `%XX` escapes are kept.
pub(crate) fn encode_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
                    | b'/'
                    | b'%'
            );
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn push_param(
    parts: &mut Vec<Part>,
    literal: &mut String,
    name: &str,
    variable: bool,
    segment: &str,
) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(format!(
            "path segment `{segment}` has an empty parameter name"
        ));
    }
    if !literal.is_empty() {
        parts.push(Part::Literal(std::mem::take(literal)));
    }
    parts.push(Part::Param {
        name: name.to_owned(),
        variable,
    });
    Ok(())
}

fn parse_query(query: &str) -> Vec<KeyValue> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = match pair.split_once('=') {
                Some((k, v)) => (k, Some(v.to_owned())),
                None => (pair, None),
            };
            KeyValue {
                key: key.to_owned(),
                value,
                ..KeyValue::default()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
