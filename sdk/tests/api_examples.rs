//! The examples of the REST API (messages, calls, listings) run against
//! the in-process mock, and say what they did.

mod support;

use serde_json::{Value, json};
use support::run;

/// The body the example says it sent to `path`, read as JSON: its keys'
/// order depends on serde_json's features in the build, not on the SDK.
fn sent(out: &str, path: &str) -> Value {
    let prefix = format!("sent: POST {path} ");
    let line = out
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no `{prefix}` line: {out}"));
    serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"))
}

/// The mock's Auth ID, in every path under `/v1/Account/`.
const ACCOUNT: &str = "/v1/Account/MAMOCKMOCKMOCKMOCK00";

#[test]
fn send_sms_posts_a_message() {
    let out = run("send_sms");
    assert!(
        out.starts_with("No PLIVO_AUTH_ID set: using a mock API at http://127.0.0.1:"),
        "{out}"
    );
    assert_eq!(
        sent(&out, &format!("{ACCOUNT}/Message/")),
        json!({"dst": "14152225555", "src": "14152223333", "text": "Hello from Rust"})
    );
    // The typed answer: the spec example's state and one id.
    assert!(out.contains("message(s) queued: "), "{out}");
    assert_eq!(out.lines().count(), 3, "{out}");
}

#[test]
fn make_call_posts_a_call() {
    let out = run("make_call");
    assert_eq!(
        sent(&out, &format!("{ACCOUNT}/Call/")),
        json!({
            "answer_url": "https://example.com/answer.xml",
            "from": "14152223333",
            "to": "14152225555"
        })
    );
    assert!(out.contains("call fired: request "), "{out}");
}

#[test]
fn list_messages_follows_every_page() {
    let out = run("list_messages");
    // The mock's listing holds 50 messages, 20 a page by default.
    assert!(
        out.contains(&format!(
            "first page: 20 of 50 messages; next: {ACCOUNT}/Message/?limit=20&offset=20"
        )),
        "{out}"
    );
    assert!(
        out.contains("page 1: 20 messages\npage 2: 20 messages\npage 3: 10 messages\n"),
        "{out}"
    );
    // 12 items in pages of 5, each printed once, from 3 pages.
    let items: Vec<&str> = out.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(items.len(), 12, "{out}");
    let ids: std::collections::BTreeSet<&str> =
        items.iter().filter_map(|l| l.split(' ').next()).collect();
    assert_eq!(ids.len(), 12, "{out}");
    assert!(out.ends_with("pages fetched for 12 messages: 3\n"), "{out}");
}
