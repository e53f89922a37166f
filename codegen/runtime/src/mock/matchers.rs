//! What an expectation may ask of a request beyond its operation (which
//! fixes the method and the path's shape): the path as sent, a query
//! parameter or its absence, a header, the body (as read or as bytes), or
//! any test of the recorded request; and
//! how a request that falls short is described, credentials redacted.

use super::record::RecordedRequest;
use serde_json::Value;
use std::fmt;
use std::sync::Arc;

/// A test of one request.
#[derive(Clone)]
pub(super) enum Matcher {
    /// Exactly this path, as sent (path parameters filled in).
    Path(String),
    /// This query parameter with this value (decoded), among others.
    Query(String, String),
    /// No query parameter of this name.
    NoQuery(String),
    /// This header (any case) with this value.
    Header(String, String),
    /// Exactly this body, as recorded (JSON, or a form or multipart body
    /// read as an object).
    Body(Value),
    /// A body holding these fields (recursively), among others.
    BodyIncluding(Value),
    /// Exactly these body bytes, as sent (a file, text, anything).
    RawBody(Vec<u8>),
    /// The caller's own test.
    Custom(Arc<dyn Fn(&RecordedRequest) -> bool + Send + Sync>),
}

impl fmt::Debug for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Matcher {
    pub(super) fn matches(&self, request: &RecordedRequest) -> bool {
        match self {
            Matcher::Path(path) => request.path == *path,
            Matcher::Query(name, value) => {
                request.query.iter().any(|(n, v)| n == name && v == value)
            }
            Matcher::NoQuery(name) => request.query.iter().all(|(n, _)| n != name),
            Matcher::Header(name, value) => request
                .headers
                .iter()
                .any(|(n, v)| n.eq_ignore_ascii_case(name) && v == value),
            Matcher::Body(body) => request.body.as_ref() == Some(body),
            Matcher::BodyIncluding(body) => {
                request.body.as_ref().is_some_and(|b| includes(b, body))
            }
            Matcher::RawBody(bytes) => request.raw_body == *bytes,
            Matcher::Custom(test) => test(request),
        }
    }

    /// What it asks for, as a failure message names it.
    pub(super) fn describe(&self) -> String {
        match self {
            Matcher::Path(path) => format!("path {path}"),
            Matcher::Query(name, value) => format!("query {name}={}", shown(name, value)),
            Matcher::NoQuery(name) => format!("no query {name}"),
            Matcher::Header(name, value) => format!("header {name}: {}", shown(name, value)),
            Matcher::Body(body) => format!("body {}", short(body)),
            Matcher::BodyIncluding(body) => format!("body including {}", short(body)),
            Matcher::RawBody(bytes) => format!("a body of {} bytes", bytes.len()),
            Matcher::Custom(_) => "a custom test (`matching`)".to_owned(),
        }
    }

    /// What `request` had instead, for a matcher it fails.
    pub(super) fn mismatch(&self, request: &RecordedRequest) -> String {
        match self {
            Matcher::Path(path) => format!("path: expected {path:?}, got {:?}", request.path),
            Matcher::NoQuery(name) => format!(
                "query {name}: expected none, got {}",
                quoted(request.query.get(name), request.query.is_secret(name))
            ),
            Matcher::Query(name, value) => {
                let got = request.query.get(name);
                let secret = request.query.is_secret(name);
                format!(
                    "query {name}: expected {}, got {}",
                    quoted(Some(value), secret),
                    quoted(got, secret)
                )
            }
            Matcher::Header(name, value) => {
                let got = request.headers.get(name);
                let secret = request.headers.is_secret(name);
                format!(
                    "header {name}: expected {}, got {}",
                    quoted(Some(value), secret),
                    quoted(got, secret)
                )
            }
            Matcher::Body(_) | Matcher::BodyIncluding(_) => match &request.body {
                Some(body) => format!("{}: got {}", self.describe(), short(body)),
                None => format!("{}: got no body", self.describe()),
            },
            // Bytes are not shown: they may be large, binary, or a secret.
            Matcher::RawBody(bytes) => format!(
                "body: expected {} bytes, got {} different bytes",
                bytes.len(),
                request.raw_body.len()
            ),
            Matcher::Custom(_) => "the custom test (`matching`) returned false".to_owned(),
        }
    }
}

/// `have` holds every field of `want` with its value, objects compared
/// field by field, anything else whole.
fn includes(have: &Value, want: &Value) -> bool {
    match (have, want) {
        (Value::Object(have), Value::Object(want)) => want
            .iter()
            .all(|(key, value)| have.get(key).is_some_and(|h| includes(h, value))),
        _ => have == want,
    }
}

/// A value in a description, unless its name says it may be a credential.
fn shown<'a>(name: &str, value: &'a str) -> &'a str {
    if super::headers::secret(&name.to_ascii_lowercase()) {
        "<redacted>"
    } else {
        value
    }
}

fn quoted(value: Option<&str>, secret: bool) -> String {
    match value {
        None => "nothing".to_owned(),
        Some(_) if secret => "<redacted>".to_owned(),
        Some(value) => format!("{value:?}"),
    }
}

/// A body in one line, cut at 200 characters.
fn short(body: &Value) -> String {
    let text = body.to_string();
    match text.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// A request in one line: method, path and query (credentials redacted).
pub(super) fn request_line(request: &RecordedRequest) -> String {
    if request.query.is_empty() {
        format!("{} {}", request.method, request.path)
    } else {
        format!(
            "{} {}?{}",
            request.method,
            request.path,
            request.query.redacted()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn including_compares_objects_by_field_and_the_rest_whole() {
        let have = json!({"a": 1, "b": {"c": 2, "d": 3}, "e": [1, 2]});
        assert!(includes(&have, &json!({"b": {"c": 2}})));
        assert!(includes(&have, &json!({"e": [1, 2]})));
        assert!(!includes(&have, &json!({"e": [1]})));
        assert!(!includes(&have, &json!({"z": null})));
    }

    #[test]
    fn descriptions_keep_credentials_out() {
        let matcher = Matcher::Header("X-Api-Key".into(), "k-secret".into());
        assert!(!matcher.describe().contains("k-secret"));
        let matcher = Matcher::Query("page".into(), "2".into());
        assert_eq!(matcher.describe(), "query page=2");
        let long = Matcher::Body(json!("x".repeat(500)));
        assert!(long.describe().chars().count() < 220);
    }
}
