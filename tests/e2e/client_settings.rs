//! Client construction and settings.

use plivo::{Client, ErrorKind};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, add_seed_user};
use serde_json::json;
use std::time::Duration;
use wiremock::matchers::{header, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn the_default_base_url_comes_from_the_spec() {
    let client = Client::new(AUTH_ID, AUTH_TOKEN).unwrap();
    assert_eq!(client.base_url(), "https://api.plivo.com");
    assert_eq!(plivo::DEFAULT_BASE_URL, Some("https://api.plivo.com"));
}

#[test]
fn unsafe_base_urls_are_refused() {
    for url in [
        "http://phlorunner.plivo.com",
        "https://u:p@example.com",
        "nonsense",
    ] {
        let err = Client::builder(AUTH_ID, AUTH_TOKEN)
            .base_url(url)
            .build()
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidInput { field, .. } if field == "base_url"),
            "{url}: {err:?}"
        );
    }
}

/// Plivo's hosts are named as the generated `HOSTS` names them: a name it
/// does not list is refused; every host can be sent to one place (here a
/// local server standing in for a mock or a recording proxy).
#[tokio::test]
async fn hosts_are_named_by_the_spec_and_can_all_go_to_one_base() {
    let err = Client::builder(AUTH_ID, AUTH_TOKEN)
        .host("https://example.plivo.com", "https://api.example.com")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("no host called"), "{err}");
    let names: Vec<_> = plivo::HOSTS.iter().map(|h| h.name).collect();
    assert_eq!(
        names,
        [
            "https://api.plivo.com",
            "https://stats.plivo.com",
            "https://lookup.plivo.com",
            "https://phlorunner.plivo.com"
        ]
    );

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"api_id": "x", "error": ""})))
        .mount(&server)
        .await;
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .build()
        .unwrap();
    assert_eq!(client.base_url(), server.uri());
    add_seed_user(&client).await.unwrap();
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[test]
fn debug_never_shows_the_token() {
    let client = Client::new(AUTH_ID, AUTH_TOKEN).unwrap();
    let shown = format!("{client:?} {:?}", client.phlo("p").multi_party_call("n"));
    assert!(!shown.contains(AUTH_TOKEN), "{shown}");
    assert!(shown.contains(AUTH_ID));
}

#[tokio::test]
async fn a_base_url_with_a_path_prefix_is_kept() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"api_id": "x", "error": ""})))
        .mount(&server)
        .await;
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(format!("{}/proxy/", server.uri()))
        .build()
        .unwrap();
    add_seed_user(&client).await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        received[0].url.path(),
        "/proxy/v1/phlo/p/multi_party_call/n"
    );
}

#[tokio::test]
async fn user_agent_and_custom_http_client_are_used() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(header("user-agent", "my-app/1.0"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"api_id": "x", "error": ""})))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .user_agent("my-app/1.0")
        .http_client(reqwest::Client::builder())
        .build()
        .unwrap();
    add_seed_user(&client).await.unwrap();
}

#[tokio::test]
async fn the_timeout_bounds_a_slow_answer() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(json!({"api_id": "x", "error": ""}))
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Timeout { .. }), "{err:?}");
    assert!(err.is_timeout());
    assert!(
        err.outcome_unknown(),
        "the request was sent; it may have acted"
    );
    assert!(started.elapsed() < Duration::from_secs(4));
}
