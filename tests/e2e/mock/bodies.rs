//! What the mock accepts as a request body: JSON (or a form: tolerances.rs),
//! declared as such, framed correctly; and what it keeps of bodies it refuses.

use super::wire::{exchange, json_body, status};
use super::{AUTH, PHLO, assert_plivo_error, node_path};
use plivo::mock::{MockLimits, MockServer};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, BASIC_HEADER};
use serde_json::json;
use std::time::Duration;

/// A mock that accepts the e2e credentials, whose header raw requests
/// can carry as [`BASIC_HEADER`].
async fn mock_with_e2e_credentials() -> MockServer {
    MockServer::bind(([127, 0, 0, 1], 0).into(), AUTH_ID, AUTH_TOKEN)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_malformed_chunked_body_is_a_bad_request_not_a_large_one() {
    let mock = mock_with_e2e_credentials().await;
    let request = format!(
        "POST {} HTTP/1.1\r\nhost: mock\r\nauthorization: {}\r\ncontent-type: application/json\r\n\
         transfer-encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n",
        node_path(),
        BASIC_HEADER
    );
    let answer = exchange(&mock.base_url(), request.as_bytes(), Duration::from_secs(2))
        .await
        .expect("an answer");
    assert_plivo_error(
        status(&answer),
        &json_body(&answer),
        400,
        "Request body is malformed.",
    );
}

/// Posts an add-user body to the node with `content_type`, if any.
async fn post_with(mock: &MockServer, content_type: Option<&str>) -> (u16, serde_json::Value) {
    let body = json!({"action": "call", "to": "+14152225555", "role": "agent", "trigger_source": "+14152223333"});
    let (user, password) = AUTH.unwrap();
    let mut request = reqwest::Client::new()
        .post(format!("{}{}", mock.base_url(), node_path()))
        .basic_auth(user, Some(password))
        .body(body.to_string());
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or_default())
}

#[tokio::test]
async fn a_body_must_be_declared_as_json_or_a_form() {
    let mock = MockServer::start().await.unwrap();
    let refused = "Content-Type must be application/json.";
    // Forms are read as fields (tolerances.rs).
    for content_type in [Some("text/plain"), Some("application/jsonx"), None] {
        let (status, body) = post_with(&mock, content_type).await;
        assert_plivo_error(status, &body, 415, refused);
    }
    for content_type in ["application/json", "Application/JSON; charset=utf-8"] {
        let (status, body) = post_with(&mock, Some(content_type)).await;
        assert_eq!(status, 200, "{content_type}: {body}");
    }
    // A body-less call needs no content type.
    let url = format!("{}/v1/phlo/{PHLO}", mock.base_url());
    let (user, password) = AUTH.unwrap();
    let response = reqwest::Client::new()
        .get(url)
        .basic_auth(user, Some(password))
        .header("content-type", "text/plain")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let mock = MockServer::start_with(MockLimits::default().with_max_body_bytes(64))
        .await
        .unwrap();
    let (status, body) = post_with(&mock, Some("application/json")).await;
    assert_plivo_error(status, &body, 413, "Request body too large.");
    assert_eq!(mock.requests()[0].body, None);
}
