//! The request written by hand, the lean way: one pooled client, the auth
//! header computed once, a borrowed body struct, a typed answer.

use crate::contenders::{AUTH_ID, AUTH_TOKEN, NODE_ID, PHLO_ID, TRIGGER_SOURCE, to};
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use std::sync::Arc;
use std::time::Duration;

/// The hand-written client.
pub struct Hand {
    http: reqwest::Client,
    base: String,
    auth: HeaderValue,
    /// A per-request timeout, as the SDK sets one per attempt.
    timeout: Option<Duration>,
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

impl Hand {
    /// A client for the server at `base`.
    pub fn new(base: &str, timeout: Option<Duration>) -> Self {
        Hand {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("reqwest client"),
            base: base.to_owned(),
            auth: HeaderValue::try_from(basic_auth(AUTH_ID, AUTH_TOKEN)).expect("header"),
            timeout,
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
    let Ok(body) = serde_json::to_vec(&body) else {
        return false;
    };
    let mut builder = hand.http.post(url);
    if let Some(timeout) = hand.timeout {
        builder = builder.timeout(timeout);
    }
    let sent = builder
        .header(AUTHORIZATION, hand.auth.clone())
        .header(ACCEPT, "application/json")
        .header(CONTENT_TYPE, "application/json")
        .header(USER_AGENT, "hand/1")
        .body(body)
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
