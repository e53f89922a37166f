//! Per-call options on the wire (timeout, retry policy, extra headers,
//! idempotency key) and a success's status, headers and request id.

use plivo::{Client, Delivery, ErrorKind, RetryPolicy};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, BASIC_HEADER, add_user_request, server_and_client};
use serde_json::json;
use std::time::{Duration, Instant};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ADD_USER_PATH: &str = "/v1/phlo/p/multi_party_call/n";

fn action(status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({"api_id": "id-1", "error": ""}))
}

/// A client whose retries wait a millisecond, so attempts are counted fast.
fn quick_retries(server: &MockServer) -> Client {
    Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .retry(
            RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(1)),
        )
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_per_call_timeout_ends_a_slow_call_with_timeout() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(action(201).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let started = Instant::now();
    let err = client
        .phlo("p")
        .multi_party_call("n")
        .add_user(&add_user_request())
        .timeout(Duration::from_millis(150))
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Timeout { after } if *after == Duration::from_millis(150)),
        "{err:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    // The request went out: the service may have acted.
    assert_eq!(err.delivery(), Delivery::Unknown);
}

#[tokio::test]
async fn a_retry_override_changes_the_attempts_the_server_sees() {
    let server = MockServer::start().await;
    let client = quick_retries(&server);
    let call = || {
        client
            .phlo("p")
            .multi_party_call("n")
            .add_user(&add_user_request())
    };
    let mut seen = Vec::new();
    for policy in [
        None,
        Some(RetryPolicy::none()),
        Some(RetryPolicy::default().with_max_attempts(5)),
    ] {
        server.reset().await;
        // A refusal the client retries for every method.
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
            .mount(&server)
            .await;
        let err = match policy {
            None => call().await,
            Some(policy) => call().retry(policy).await,
        }
        .unwrap_err();
        let requests = server.received_requests().await.unwrap().len();
        assert_eq!(err.attempts() as usize, requests);
        seen.push(requests);
    }
    // The client's policy (3), then none (1), then five attempts.
    assert_eq!(seen, [3, 1, 5]);
}

#[tokio::test]
async fn an_extra_header_arrives_beside_the_credentials() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .and(path(ADD_USER_PATH))
        .and(header("x-trace-id", "trace-42"))
        .and(header("authorization", BASIC_HEADER))
        .respond_with(action(201))
        .expect(1)
        .mount(&server)
        .await;
    let added = client
        .phlo("p")
        .multi_party_call("n")
        .add_user(&add_user_request())
        .header("X-Trace-Id", "trace-42")
        .await
        .unwrap();
    assert_eq!(added.api_id, "id-1");
}

#[tokio::test]
async fn an_extra_header_cannot_replace_what_the_runtime_owns() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(action(201))
        .mount(&server)
        .await;
    for name in [
        "Authorization",
        "authorization",
        "Proxy-Authorization",
        "Host",
        "Content-Length",
        "Content-Type",
        "Transfer-Encoding",
        "User-Agent",
    ] {
        let err = client
            .phlo("p")
            .multi_party_call("n")
            .add_user(&add_user_request())
            .header(name, "Basic c3RvbGVuOnNlY3JldA==")
            .await
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidInput { .. }),
            "{name}: {err:?}"
        );
        assert_eq!(err.delivery(), Delivery::NotSent, "{name}");
        assert_eq!(err.attempts(), 0, "{name}");
        // The value may be a secret: the error names the header only.
        assert!(!format!("{err} {err:?}").contains("c3RvbGVu"), "{err:?}");
    }
    // A value a header cannot carry: refused, its text not shown.
    let err = client
        .phlo("p")
        .get()
        .header("x-note", "line\r\nInjected: yes")
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput { .. }),
        "{err:?}"
    );
    assert!(!format!("{err} {err:?}").contains("Injected"), "{err:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// Plivo names no idempotency header: a key is refused before sending
/// rather than sent where the API would ignore it.
#[tokio::test]
async fn an_idempotency_key_is_refused_where_the_api_names_no_header() {
    let (server, client) = server_and_client().await;
    let err = client
        .phlo("p")
        .multi_party_call("n")
        .add_user(&add_user_request())
        .idempotency_key("k-1")
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput { .. }),
        "{err:?}"
    );
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn with_response_gives_the_status_headers_and_request_id_of_a_success() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .and(path(ADD_USER_PATH))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("x-ratelimit-remaining", "41")
                .set_body_json(json!({"api_id": "0a1b2c", "error": ""})),
        )
        .mount(&server)
        .await;
    let reply = client
        .phlo("p")
        .multi_party_call("n")
        .add_user(&add_user_request())
        .with_response()
        .await
        .unwrap();
    assert_eq!(reply.status().as_u16(), 201);
    assert_eq!(reply.headers().get("X-RateLimit-Remaining"), Some("41"));
    // Plivo's request id is the body's `api_id`.
    assert_eq!(reply.request_id(), Some("0a1b2c"));
    // The body, through Deref and by value.
    assert!(reply.error.is_empty());
    assert_eq!(reply.into_body().api_id, "0a1b2c");
}

/// Options and `with_response` together: the call stays one future that
/// can be spawned.
#[tokio::test]
async fn a_call_with_options_can_be_spawned() {
    let (server, client) = server_and_client().await;
    Mock::given(method("GET")).and(header("x-a", "1")).respond_with(
        ResponseTemplate::new(200).set_body_json(json!({
            "api_id": "r", "phlo_id": "p", "name": "n", "created_on": "2024-01-01 00:00:00.000000+00:00"
        })),
    )
    .mount(&server)
    .await;
    let call = client
        .phlo("p")
        .get()
        .timeout(Duration::from_secs(5))
        .retry(RetryPolicy::none())
        .header("x-a", "1")
        .with_response();
    let reply = tokio::spawn(call).await.unwrap().unwrap();
    assert_eq!(reply.status().as_u16(), 200);
    assert_eq!(reply.request_id(), Some("r"));
    assert_eq!(reply.phlo_id, "p");
}
