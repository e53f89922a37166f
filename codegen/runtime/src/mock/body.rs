//! A request body as the mock's checks read it: JSON as sent, and a form
//! (`multipart/form-data` or `application/x-www-form-urlencoded`) as a
//! JSON object of its fields: SDKs send their uploads as forms, and some
//! a form without a file too (docs/mock.md, "Tolerances").

use crate::MockProblem;
use serde_json::{Map, Value};

/// The body of a request declared as `content_type`, or the problem that
/// refuses it: `None` when empty.
pub(super) fn parse(
    content_type: Option<&str>,
    bytes: &[u8],
) -> Result<Option<Value>, MockProblem<'static>> {
    if bytes.is_empty() {
        return Ok(None);
    }
    let content_type = content_type.unwrap_or_default();
    let essence = essence(content_type);
    if is_json(&essence) {
        return serde_json::from_slice(bytes)
            .map(Some)
            .map_err(|_| MockProblem::MalformedJson);
    }
    if essence == "multipart/form-data" {
        let boundary = parameter(content_type, "boundary").ok_or(MockProblem::MalformedBody)?;
        return multipart(bytes, &boundary)
            .map(|parts| Some(Value::Object(parts)))
            .ok_or(MockProblem::MalformedBody);
    }
    if essence == "application/x-www-form-urlencoded" {
        let text = std::str::from_utf8(bytes).map_err(|_| MockProblem::MalformedBody)?;
        let mut out = Map::new();
        for (name, value) in super::checks::query_pairs(text) {
            add(&mut out, name, Value::String(value));
        }
        return Ok(Some(Value::Object(out)));
    }
    Err(MockProblem::NotJson)
}

/// Adds a field; a name given twice collects its values in an array.
fn add(out: &mut Map<String, Value>, name: String, value: Value) {
    match out.get_mut(&name) {
        Some(Value::Array(values)) => values.push(value),
        Some(first) => *first = Value::Array(vec![first.take(), value]),
        None => {
            out.insert(name, value);
        }
    }
}

/// The media type without its parameters, lower-cased.
fn essence(content_type: &str) -> String {
    let head = content_type.split(';').next().unwrap_or_default();
    head.trim().to_ascii_lowercase()
}

/// `application/json` or a JSON type of its own (`application/*+json`,
/// which an operation may declare: `Operation::content_type`).
fn is_json(essence: &str) -> bool {
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|sub| sub.ends_with("+json"))
}

/// The value of parameter `name` of a header (`; name=value` or quoted).
fn parameter(header: &str, name: &str) -> Option<String> {
    header.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        if !key.trim().eq_ignore_ascii_case(name) {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        (!value.is_empty()).then(|| value.to_owned())
    })
}

/// The parts of a multipart body by name: a text part as its text, a file
/// (a part with a `filename`) as `{"filename", "content_type", "size"}`;
/// a name given twice collects its values in an array. `None` when the
/// body is not multipart with this boundary.
fn multipart(bytes: &[u8], boundary: &str) -> Option<Map<String, Value>> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut out = Map::new();
    let mut rest = bytes.get(find(bytes, &delimiter)? + delimiter.len()..)?;
    loop {
        if rest.starts_with(b"--") {
            return Some(out); // the closing delimiter
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let end = find(rest, &[b"\r\n".as_slice(), &delimiter].concat())?;
        let (name, value) = part(&rest[..end])?;
        add(&mut out, name, value);
        rest = &rest[end + 2 + delimiter.len()..];
    }
}

/// One part: its name and value.
fn part(part: &[u8]) -> Option<(String, Value)> {
    let split = find(part, b"\r\n\r\n")?;
    let head = std::str::from_utf8(&part[..split]).ok()?;
    let content = &part[split + 4..];
    let (mut disposition, mut content_type) = (None, None);
    for line in head.split("\r\n") {
        let (key, value) = line.split_once(':')?;
        match key.trim().to_ascii_lowercase().as_str() {
            "content-disposition" => disposition = Some(value.trim()),
            "content-type" => content_type = Some(value.trim()),
            _ => {}
        }
    }
    let disposition = disposition?;
    let name = parameter(disposition, "name")?;
    let value = match parameter(disposition, "filename") {
        Some(filename) => serde_json::json!({
            "filename": filename,
            "content_type": content_type.unwrap_or("application/octet-stream"),
            "size": content.len(),
        }),
        None => Value::String(String::from_utf8(content.to_vec()).ok()?),
    };
    Some((name, value))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const FORM: &str = "multipart/form-data; boundary=\"b0\"";

    #[test]
    fn json_bodies_under_any_json_type() {
        for t in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/merge-patch+json",
            "application/vnd.api+json; ext=bulk",
        ] {
            assert_eq!(
                parse(Some(t), b"{\"a\":1}"),
                Ok(Some(json!({"a": 1}))),
                "{t}"
            );
        }
        assert_eq!(
            parse(Some("application/json"), b"{"),
            Err(MockProblem::MalformedJson)
        );
        assert_eq!(parse(None, b""), Ok(None));
    }

    /// The SDKs' uploads (before, every multipart body was a 415).
    #[test]
    fn a_multipart_upload_reads_as_its_fields() {
        let body = "--b0\r\nContent-Disposition: form-data; name=\"alias\"\r\n\r\nmy doc\r\n\
            --b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\
            Content-Type: application/pdf\r\n\r\n%PDF-1\r\n\r\n\
            --b0\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nx\r\n\
            --b0\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\ny\r\n--b0--\r\n";
        let parsed = parse(Some(FORM), body.as_bytes());
        let expected = json!({
            "alias": "my doc",
            "file": {"filename": "a.pdf", "content_type": "application/pdf", "size": 8},
            "tag": ["x", "y"],
        });
        assert_eq!(parsed, Ok(Some(expected)));
    }

    /// Python's compliance update without a document (before, a 415).
    #[test]
    fn a_url_encoded_form_reads_as_its_fields() {
        let form = parse(
            Some("application/x-www-form-urlencoded; charset=utf-8"),
            b"data=%7B%22a%22%3A+1%7D&tag=x&tag=y&empty",
        );
        let expected = json!({"data": "{\"a\": 1}", "tag": ["x", "y"], "empty": ""});
        assert_eq!(form, Ok(Some(expected)));
    }

    #[test]
    fn other_bodies_are_refused() {
        assert_eq!(parse(Some("text/plain"), b"a=1"), Err(MockProblem::NotJson));
        assert_eq!(parse(None, b"{}"), Err(MockProblem::NotJson));
        let unterminated = b"--b0\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx";
        assert_eq!(
            parse(Some(FORM), unterminated),
            Err(MockProblem::MalformedBody)
        );
        let no_boundary = parse(Some("multipart/form-data"), b"--b0--");
        assert_eq!(no_boundary, Err(MockProblem::MalformedBody));
        let nameless = b"--b0\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b0--";
        assert_eq!(parse(Some(FORM), nameless), Err(MockProblem::MalformedBody));
    }
}
