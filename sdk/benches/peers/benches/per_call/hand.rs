//! The request written by hand, as a careful author writes it with
//! `reqwest`: one pooled client built once with the settings every call
//! shares (no redirects, no proxy: the SDK's client follows neither for
//! this loopback URL; the timeout, when there is one), the auth header
//! computed once, the other header values static, the body serialized
//! once into a buffer of the right size, the answer read once into a
//! typed struct. What three of these save over the usual way of writing
//! them (the timeout on the client, static header values, no proxy
//! lookup) is measured in `docs/benchmarks.md` ("The reference").

use crate::contenders::{AUTH_ID, AUTH_TOKEN, NODE_ID, PHLO_ID, TRIGGER_SOURCE, to};
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use std::sync::Arc;
use std::time::Duration;

/// The hand-written client.
pub struct Hand {
    http: reqwest::Client,
    base: String,
    auth: HeaderValue,
}

#[derive(serde::Serialize)]
struct Body<'a> {
    action: &'a str,
    to: &'a str,
    role: &'a str,
    trigger_source: &'a str,
}

#[derive(serde::Deserialize)]
struct Answer {
    api_id: String,
    #[allow(dead_code)]
    error: String,
}

/// `application/json`, validated once rather than for every call.
const JSON: HeaderValue = HeaderValue::from_static("application/json");

impl Hand {
    /// A client for the server at `base`, with a `timeout` on every
    /// request (the SDK bounds each attempt with one) or none.
    pub fn new(base: &str, timeout: Option<Duration>) -> Self {
        let mut http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy();
        // Set on the client: a per-request timeout would cost each call a
        // map of request extensions to hold it.
        if let Some(timeout) = timeout {
            http = http.timeout(timeout);
        }
        let mut auth = HeaderValue::try_from(basic_auth(AUTH_ID, AUTH_TOKEN)).expect("header");
        auth.set_sensitive(true);
        Hand {
            http: http.build().expect("reqwest client"),
            base: base.to_owned(),
            auth,
        }
    }
}

/// Call `i`: true when it got a successful, well-formed answer.
pub async fn call(hand: Arc<Hand>, i: usize) -> bool {
    let url = format!("{}/v1/phlo/{PHLO_ID}/multi_party_call/{NODE_ID}", hand.base);
    let to = to(i);
    let body = Body {
        action: "call",
        to: &to,
        role: "agent",
        trigger_source: TRIGGER_SOURCE,
    };
    // Room for the whole body, so that it is written without regrowing.
    let mut bytes = Vec::with_capacity(128);
    if serde_json::to_writer(&mut bytes, &body).is_err() {
        return false;
    }
    let sent = hand
        .http
        .post(url)
        .header(AUTHORIZATION, hand.auth.clone())
        .header(ACCEPT, JSON)
        .header(CONTENT_TYPE, JSON)
        .header(USER_AGENT, HeaderValue::from_static("hand/1"))
        .body(bytes)
        .send()
        .await;
    let Ok(response) = sent else { return false };
    let ok = response.status().is_success();
    let Ok(bytes) = response.bytes().await else {
        return false;
    };
    ok && serde_json::from_slice::<Answer>(&bytes).is_ok_and(|a| !a.api_id.is_empty())
}
/// `Basic <base64(id:token)>`, written out so the bench needs no base64
/// crate.
pub fn basic_auth(id: &str, token: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let input = format!("{id}:{token}");
    let mut out = String::from("Basic ");
    for chunk in input.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            out.push(if k <= chunk.len() {
                char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}
