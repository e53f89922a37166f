//! The fault matrix: every case counts the requests the server received, so
//! a request sent twice (a phone rung twice) cannot go unnoticed.

use plivo::{Client, Delivery, ErrorKind, RetryPolicy};
use plivo_e2e::fault_server::{FaultServer, Step, answer, chunked_answer, json};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, add_seed_user, refused_base_url};
use std::time::{Duration, Instant, SystemTime};

const OK_ACTION: &str = r#"{"api_id": "ok-1", "error": ""}"#;
const OK_PHLO: &str = r#"{"api_id": "a", "phlo_id": "p", "name": "n", "created_on": "2018-11-03 19:32:33.240504+00:00"}"#;

/// A client with quick retries (3 attempts, 5-20 ms apart) and short timeouts.
fn client(base: &str) -> Client {
    Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(base)
        .retry(
            RetryPolicy::default()
                .with_max_attempts(3)
                .with_backoff(Duration::from_millis(5), Duration::from_millis(20))
                .with_jitter_seed(7),
        )
        .attempt_timeout(Duration::from_millis(400))
        .timeout(Duration::from_secs(10))
        .max_response_bytes(1024)
        .build()
        .unwrap()
}

/// The GET under test.
async fn get(client: &Client) -> Result<plivo::Phlo, plivo::Error> {
    client.phlo("p").get().await
}

async fn serve(script: Vec<Step>, then: Step) -> (FaultServer, Client) {
    let server = FaultServer::start(script, then).await;
    let client = client(&server.uri());
    (server, client)
}

#[tokio::test]
async fn refused_connection_is_retried_for_every_method_and_nothing_was_sent() {
    let client = client(&refused_base_url());
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Transport { .. }), "{err:?}");
    assert_eq!(err.attempts(), 3);
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert!(!err.outcome_unknown());
    let err = get(&client).await.unwrap_err();
    assert_eq!(err.attempts(), 3);
}

#[tokio::test]
async fn reset_before_the_response_is_not_retried_for_a_post() {
    let (server, client) = serve(vec![], Step::ResetOnAccept).await;
    let err = add_seed_user(&client).await.unwrap_err();
    assert_eq!(server.connections(), 1, "{err:?}");
    assert_eq!(server.requests(), 0);
    assert_eq!(err.attempts(), 1);
    assert!(err.outcome_unknown(), "{err:?}");
}

#[tokio::test]
async fn reset_before_the_response_is_retried_for_a_get() {
    let (server, client) = serve(vec![], Step::ResetOnAccept).await;
    let err = get(&client).await.unwrap_err();
    assert_eq!(server.connections(), 3, "{err:?}");
    assert_eq!(err.attempts(), 3);
}

#[tokio::test]
async fn reset_after_the_request_is_not_retried_for_a_post() {
    let (server, client) = serve(vec![], Step::ResetAfterRequest).await;
    let err = add_seed_user(&client).await.unwrap_err();
    assert_eq!(server.requests(), 1, "{err:?}");
    assert_eq!(err.attempts(), 1);
    assert_eq!(err.delivery(), Delivery::Unknown);
    assert!(err.to_string().contains("outcome unknown"), "{err}");
}

#[tokio::test]
async fn reset_after_the_request_is_retried_for_a_get_until_it_succeeds() {
    let script = vec![Step::ResetAfterRequest, Step::ResetAfterRequest];
    let (server, client) = serve(script, Step::Respond(json(200, OK_PHLO))).await;
    get(&client).await.unwrap();
    assert_eq!(server.requests(), 3);
}

#[tokio::test]
async fn a_slow_answer_times_out_once_for_a_post() {
    let slow = Step::Delay(Duration::from_secs(3), json(201, OK_ACTION));
    let (server, client) = serve(vec![], slow).await;
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(server.requests(), 1);
    assert_eq!(err.attempts(), 1);
    assert!(err.outcome_unknown());
}

#[tokio::test]
async fn a_slow_answer_is_retried_for_a_get() {
    let slow = Step::Delay(Duration::from_secs(3), json(200, OK_PHLO));
    let (server, client) = serve(vec![], slow).await;
    let err = get(&client).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(server.requests(), 3);
    assert_eq!(err.attempts(), 3);
}

/// The POST is answered `limited` once, then succeeds on a retry sent no
/// sooner than about a second later.
async fn waits_about_a_second_then_succeeds(limited: Vec<u8>) {
    let (server, client) = serve(
        vec![Step::Respond(limited)],
        Step::Respond(json(201, OK_ACTION)),
    )
    .await;
    let started = Instant::now();
    add_seed_user(&client).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.requests(), 2);
}

#[tokio::test]
async fn too_many_requests_with_retry_after_seconds() {
    waits_about_a_second_then_succeeds(answer(
        429,
        &[("retry-after", "1")],
        br#"{"api_id": "r", "error": "too many requests"}"#,
    ))
    .await;
}

#[tokio::test]
async fn too_many_requests_with_retry_after_date() {
    // The date has one-second resolution: at least one second is left.
    let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
    waits_about_a_second_then_succeeds(answer(429, &[("retry-after", &at)], b"")).await;
}

#[tokio::test]
async fn retry_after_past_the_deadline_stops_at_once() {
    let limited = answer(
        429,
        &[("retry-after", "3600")],
        br#"{"api_id": "r", "error": "slow down"}"#,
    );
    let (server, client) = serve(vec![], Step::Respond(limited)).await;
    let started = Instant::now();
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(server.requests(), 1);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(err.delivery(), Delivery::Rejected);
    assert_eq!(err.message(), Some("slow down"));
}

#[tokio::test]
async fn unavailable_with_retry_after_is_retried_for_a_post() {
    let busy = answer(503, &[("retry-after", "0")], b"");
    let (server, client) = serve(
        vec![Step::Respond(busy)],
        Step::Respond(json(201, OK_ACTION)),
    )
    .await;
    add_seed_user(&client).await.unwrap();
    assert_eq!(server.requests(), 2);
}

#[tokio::test]
async fn unavailable_without_retry_after_is_retried_only_for_a_get() {
    let busy = Step::Respond(answer(503, &[], b""));
    let (server, client) = serve(vec![], busy.clone()).await;
    let err = add_seed_user(&client).await.unwrap_err();
    assert_eq!(server.requests(), 1);
    assert!(err.outcome_unknown());
    let (server, client) = serve(vec![], busy).await;
    let err = get(&client).await.unwrap_err();
    assert_eq!(server.requests(), 3);
    assert_eq!(err.attempts(), 3);
    assert!(err.was_retried());
    assert!(err.to_string().contains("after 3 attempts"), "{err}");
}

#[tokio::test]
async fn internal_server_error_is_retried_only_for_a_get() {
    let failing = Step::Respond(json(500, r#"{"api_id": "e5", "error": "internal error"}"#));
    let (server, client) = serve(vec![], failing.clone()).await;
    let err = add_seed_user(&client).await.unwrap_err();
    assert_eq!(server.requests(), 1);
    assert_eq!(err.api_id(), Some("e5"));
    let (server, client) = serve(vec![failing.clone()], Step::Respond(json(200, OK_PHLO))).await;
    get(&client).await.unwrap();
    assert_eq!(server.requests(), 2);
}

#[tokio::test]
async fn bad_gateway_with_an_html_body_keeps_it() {
    let html = b"<html><body>502 Bad Gateway</body></html>";
    let (server, client) = serve(
        vec![],
        Step::Respond(answer(502, &[("content-type", "text/html")], html)),
    )
    .await;
    let err = add_seed_user(&client).await.unwrap_err();
    assert_eq!(server.requests(), 1);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(err.body(), Some(&html[..]));
    assert!(err.outcome_unknown());
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_once() {
    let (server, client) = serve(vec![], Step::Respond(json(201, r#"{"api_id": "x", "#))).await;
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Decode { .. }), "{err:?}");
    assert_eq!(server.requests(), 1);
    assert_eq!(err.delivery(), Delivery::Processed);
    assert_eq!(err.body(), Some(&br#"{"api_id": "x", "#[..]));
}

#[tokio::test]
async fn an_empty_body_is_a_decode_error_once() {
    let (server, client) = serve(vec![], Step::Respond(answer(201, &[], b""))).await;
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Decode { .. }), "{err:?}");
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn a_body_over_the_cap_is_refused_with_or_without_a_length() {
    let big = format!(r#"{{"api_id": "x", "error": "{}"}}"#, "a".repeat(2000));
    for step in [
        Step::Respond(json(201, &big)),
        Step::Respond(chunked_answer(201, big.as_bytes())),
    ] {
        let (server, client) = serve(vec![], step).await;
        let err = add_seed_user(&client).await.unwrap_err();
        match err.kind() {
            ErrorKind::ResponseTooLarge { limit, status } => {
                assert_eq!(*limit, 1024);
                assert_eq!(status.as_u16(), 201);
            }
            other => panic!("expected too large, got {other:?}"),
        }
        assert_eq!(server.requests(), 1);
        assert!(err.to_string().contains("1024-byte limit"), "{err}");
    }
}

#[tokio::test]
async fn a_wrong_content_type_is_judged_by_the_body() {
    let mislabelled = answer(201, &[("content-type", "text/html")], OK_ACTION.as_bytes());
    let (server, client) = serve(vec![], Step::Respond(mislabelled)).await;
    assert_eq!(add_seed_user(&client).await.unwrap().api_id, "ok-1");
    assert_eq!(server.requests(), 1);
    let page = answer(200, &[("content-type", "text/html")], b"<html>hi</html>");
    let (server, client) = serve(vec![], Step::Respond(page)).await;
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Decode { .. }), "{err:?}");
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    let busy = Step::Respond(answer(503, &[("retry-after", "0")], b""));
    let server = FaultServer::start(vec![], busy).await;
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = get(&client).await.unwrap_err();
    assert_eq!(server.requests(), 1);
    assert_eq!(err.attempts(), 1);
}

#[tokio::test]
async fn the_whole_call_deadline_bounds_retries() {
    let slow = Step::Delay(Duration::from_secs(3), json(200, OK_PHLO));
    let server = FaultServer::start(vec![], slow).await;
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .retry(
            RetryPolicy::default()
                .with_max_attempts(10)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(1)),
        )
        .attempt_timeout(Duration::from_millis(200))
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = get(&client).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "{:?}",
        started.elapsed()
    );
    assert!(
        (2..=4).contains(&server.requests()),
        "{}",
        server.requests()
    );
}

#[tokio::test]
async fn a_deadline_spent_before_the_first_attempt_sends_nothing() {
    let (server, _) = serve(vec![], Step::Respond(json(201, OK_ACTION))).await;
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .timeout(Duration::ZERO)
        .build()
        .unwrap();
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Timeout { .. }), "{err:?}");
    assert_eq!(err.attempts(), 0);
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert_eq!(server.connections(), 0);
}
