//! What the recorder answers each request with, and what the call must
//! then return. The answer is the item's first saved response, with the
//! content type it lists; else a body of the type the item's `Accept` asks
//! for (JSON when it asks for none or for JSON). A call answered 2xx must
//! succeed: a response as the item describes it always decodes.

use super::reader::{Described, Saved};

/// Bytes that are not UTF-8, served for a type other than JSON or text.
const BINARY: &[u8] = b"\x89PNG\r\n\x1a\n\xff\xfe";

/// The status, body and content type to answer `d` with.
pub fn answer(d: &Described) -> (u16, Vec<u8>, String) {
    if let Some(Saved {
        status,
        body,
        content_type,
    }) = &d.response
    {
        let content_type = content_type.as_deref().unwrap_or("application/json");
        return (*status, body.clone().into_bytes(), content_type.to_owned());
    }
    let accept = d
        .headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("accept"))
        .map(|(_, v)| v.split(',').next().unwrap_or_default().trim().to_owned());
    match accept {
        Some(media) if !media.contains("json") && !media.contains('*') => {
            let kind = media.split(';').next().unwrap_or_default().trim();
            let text = kind.starts_with("text/") || kind.ends_with("xml");
            let body = if text {
                b"some text".to_vec()
            } else {
                BINARY.to_vec()
            };
            (200, body, kind.to_owned())
        }
        _ => (200, b"{}".to_vec(), "application/json".to_owned()),
    }
}

/// Allowed: the saved response looks like JSON but is none as written (a
/// trailing comma, a comment). The generator reads it leniently, to type
/// the response; a server sends JSON, so the call refuses it as it would
/// refuse a server's.
pub const SAVED_NOT_JSON: &str = "response: the saved JSON is none as written";

/// Why `outcome` is wrong for a call `d` answered `status` with `body`,
/// if it is; an allowed difference as the constant above.
pub fn outcome(
    d: &Described,
    status: u16,
    body: &[u8],
    outcome: &Result<(), postman_runtime::Error>,
) -> Option<String> {
    let Err(e) = outcome else { return None };
    if !(200..300).contains(&status) {
        return None;
    }
    let text = String::from_utf8_lossy(body);
    let looks_like_json = text.trim_start().starts_with(['{', '[']);
    if d.response.is_some()
        && looks_like_json
        && serde_json::from_slice::<serde_json::Value>(body).is_err()
    {
        return Some(format!("{SAVED_NOT_JSON}: {e}"));
    }
    Some(format!("response: answered {status}, the call failed: {e}"))
}
