//! A body sent as another field-carrying kind (`as_form`): the official
//! SDKs' uploads and one update, read as their fields.

use super::bodies::{accepts, read};
use crate::operation::{BodyKind, Operation};
use crate::{Method, MockProblem};
use serde_json::json;

static JSON: Operation = Operation::new("op", Method::POST, &[]);
const FORM: &str = "multipart/form-data; boundary=\"b0\"";

/// The SDKs' uploads (before, every multipart body to a JSON operation
/// was a 415).
#[test]
fn a_multipart_upload_reads_as_its_fields() {
    assert!(accepts(&JSON, Some(FORM), false));
    let body = "--b0\r\nContent-Disposition: form-data; name=\"alias\"\r\n\r\nmy doc\r\n\
        --b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\
        Content-Type: application/pdf\r\n\r\n%PDF-1\r\n\r\n\
        --b0\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nx\r\n\
        --b0\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\ny\r\n--b0--\r\n";
    let expected = json!({
        "alias": "my doc",
        "file": {"filename": "a.pdf", "content_type": "application/pdf", "size": 8},
        "tag": ["x", "y"],
    });
    assert_eq!(read(&JSON, Some(FORM), body.as_bytes()), Ok(Some(expected)));
    let unterminated = b"--b0\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx";
    assert_eq!(
        read(&JSON, Some(FORM), unterminated),
        Err(MockProblem::MalformedBody)
    );
}

/// Python's compliance update without a document (before, a 415).
#[test]
fn a_url_encoded_form_reads_as_its_fields() {
    let form = Some("application/x-www-form-urlencoded; charset=utf-8");
    assert!(accepts(&JSON, form, false));
    let read = read(&JSON, form, b"data=%7B%22a%22%3A+1%7D&tag=x&tag=y&empty");
    let expected = json!({"data": "{\"a\": 1}", "tag": ["x", "y"], "empty": ""});
    assert_eq!(read, Ok(Some(expected)));
    // To a multipart operation too (its update with no file).
    let upload = Operation::new("u", Method::PATCH, &[]).body_kind(BodyKind::Multipart);
    assert!(accepts(&upload, form, false));
    let read = super::bodies::read(&upload, form, b"alias=x");
    assert_eq!(read, Ok(Some(json!({"alias": "x"}))));
}

/// JSON is still read as JSON, and only a JSON operation is this tolerant.
#[test]
fn json_stays_json_and_other_kinds_stay_strict() {
    let body = read(&JSON, Some("application/json"), br#"{"a": 1}"#);
    assert_eq!(body, Ok(Some(json!({"a": 1}))));
    let graphql = Operation::new("q", Method::POST, &[]).body_kind(BodyKind::GraphQl);
    assert!(!accepts(&graphql, Some(FORM), false));
    let text = Operation::new("t", Method::POST, &[]).body_kind(BodyKind::Text("text/csv"));
    assert!(!accepts(
        &text,
        Some("application/x-www-form-urlencoded"),
        false
    ));
}
