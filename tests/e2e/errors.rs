//! Non-success answers and undecodable bodies become typed errors that keep
//! the status and the raw body.

use plivo::ErrorKind;
use plivo_e2e::{add_seed_user, refused_base_url, server_and_client};
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, ResponseTemplate};

async fn call_with(template: ResponseTemplate) -> plivo::Error {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(template)
        .mount(&server)
        .await;
    add_seed_user(&client).await.expect_err("the call fails")
}

#[tokio::test]
async fn plivo_error_bodies_become_api_errors() {
    let cases = [
        (400, "to is a mandatory param."),
        (401, "Authentication credentials invalid."),
        (404, "PHLO not found"),
        (500, "Internal server error"),
    ];
    for (status, message) in cases {
        let body = json!({"api_id": format!("id-{status}"), "error": message});
        let err = call_with(ResponseTemplate::new(status).set_body_json(&body)).await;
        assert!(matches!(err.kind(), ErrorKind::Api { .. }), "{err:?}");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(err.api_id(), Some(format!("id-{status}").as_str()));
        assert_eq!(err.message(), Some(message));
        assert_eq!(err.operation(), Some("add_user"));
        assert_eq!(err.body(), Some(body.to_string().as_bytes()));
        let line = err.to_string();
        assert!(line.starts_with("add_user: HTTP "), "{line}");
        assert!(
            line.contains(message) && line.contains(&format!("id-{status}")),
            "{line}"
        );
    }
}

#[tokio::test]
async fn an_html_error_page_keeps_status_and_body() {
    let html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let err = call_with(ResponseTemplate::new(502).set_body_string(html)).await;
    assert!(matches!(err.kind(), ErrorKind::Api { .. }), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(err.body(), Some(html.as_bytes()));
    assert_eq!(err.api_id(), None);
    assert_eq!(err.message(), None);
}

#[tokio::test]
async fn an_empty_error_body_keeps_status() {
    let err = call_with(ResponseTemplate::new(503)).await;
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(err.body(), Some(&b""[..]));
}

#[tokio::test]
async fn an_html_success_body_is_a_decode_error() {
    let html = "<html>maintenance</html>";
    let err = call_with(ResponseTemplate::new(200).set_body_string(html)).await;
    assert!(matches!(err.kind(), ErrorKind::Decode { .. }), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(err.body(), Some(html.as_bytes()));
}

#[tokio::test]
async fn an_empty_success_body_is_a_decode_error() {
    let err = call_with(ResponseTemplate::new(201)).await;
    assert!(matches!(err.kind(), ErrorKind::Decode { .. }), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(201));
    assert_eq!(err.body(), Some(&b""[..]));
}

#[tokio::test]
async fn a_body_missing_a_field_is_a_decode_error() {
    let err = call_with(ResponseTemplate::new(201).set_body_json(json!({"error": ""}))).await;
    match err.kind() {
        ErrorKind::Decode { reason, .. } => assert!(reason.contains("api_id"), "{reason}"),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let client = plivo::Client::builder(plivo_e2e::AUTH_ID, plivo_e2e::AUTH_TOKEN)
        .base_url_for_all_hosts(refused_base_url())
        .build()
        .unwrap();
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Transport { .. }), "{err:?}");
    assert_eq!(err.status(), None);
    assert!(
        err.to_string().starts_with("add_user: request failed"),
        "{err}"
    );
}
