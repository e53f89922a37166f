//! The mock as a test tool: faults scripted per operation (status, latency,
//! reset after the request was read), recorded headers, expectations, and
//! operation names checked.

use super::{MEMBER, NODE, PHLO};
use plivo::Delivery;
use plivo::mock::{MockResponse, MockServer};
use plivo::operations;
use plivo_e2e::add_user_request;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

#[tokio::test]
async fn a_reset_after_the_request_was_read_is_unknown_and_a_post_is_not_resent() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    mock.respond_next(operations::ADD_USER.name, 1, MockResponse::reset());
    let node = client.phlo(PHLO).multi_party_call(NODE);
    let err = node.add_user(&add_user_request()).await.unwrap_err();
    assert_eq!(err.delivery(), Delivery::Unknown, "{err:?}");
    assert_eq!(err.attempts(), 1);
    assert_eq!(mock.calls("add_user"), 1);
    let recorded = mock.requests();
    assert_eq!(recorded.len(), 1);
    // Read in full before the reset: the body is there, no status was sent.
    assert_eq!(recorded[0].status, 0);
    assert!(recorded[0].body.is_some());
}

#[tokio::test]
async fn a_get_whose_answer_was_reset_is_retried() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    mock.respond_next("phlo_get", 1, MockResponse::reset());
    client.phlo(PHLO).get().await.unwrap();
    assert_eq!(mock.calls("phlo_get"), 2);
}

#[tokio::test]
async fn latency_delays_the_example_and_a_shorter_timeout_gives_up() {
    let mock = MockServer::start().await.unwrap();
    let delay = Duration::from_millis(300);
    mock.respond_next("phlo_get", 1, MockResponse::example().delay(delay));
    let client = mock.client().unwrap();
    let started = Instant::now();
    client.phlo(PHLO).get().await.unwrap();
    assert!(started.elapsed() >= delay, "{:?}", started.elapsed());

    // An answer that never comes in time, for a POST: one attempt, unknown.
    mock.respond_next("hold", 1, MockResponse::reset().delay(delay));
    let impatient = mock
        .client_builder()
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let member = impatient.phlo(PHLO).multi_party_call(NODE).member(MEMBER);
    let err = member.hold().await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(err.delivery(), Delivery::Unknown);
    assert_eq!(mock.calls("hold"), 1);
}

#[tokio::test]
async fn a_503_then_a_429_with_retry_after_are_retried_for_a_get() {
    let mock = MockServer::start().await.unwrap();
    mock.respond_next("phlo_get", 1, MockResponse::plivo_error(503, "busy"));
    let limited = MockResponse::plivo_error(429, "slow down").header("Retry-After", "1");
    mock.respond_next("phlo_get", 1, limited);
    let client = mock.client().unwrap();
    let started = Instant::now();
    client.phlo(PHLO).get().await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(950));
    let statuses: Vec<u16> = mock.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [503, 429, 200]);
}

#[tokio::test]
async fn headers_are_recorded_and_the_credential_is_not_printed() {
    let mock = MockServer::start().await.unwrap();
    mock.client().unwrap().phlo(PHLO).get().await.unwrap();
    let recorded = mock.requests();
    let headers = &recorded[0].headers;
    let auth = headers.get("authorization").unwrap();
    assert!(auth.starts_with("Basic "), "{auth}");
    assert!(headers.get("user-agent").is_some());
    let printed = format!("{recorded:?}");
    assert!(!printed.contains(&auth[6..]), "{printed}");
    assert!(printed.contains("<redacted>"), "{printed}");
}

#[tokio::test]
async fn expectations_pass_and_fail_with_a_summary() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    mock.expect("add_user").times(1);
    mock.expect("hold").at_most(0);
    mock.expect("phlo_get").between(1..=2);
    let node = client.phlo(PHLO).multi_party_call(NODE);
    node.add_user(&add_user_request()).await.unwrap();
    client.phlo(PHLO).get().await.unwrap();
    mock.verify();

    node.add_user(&add_user_request()).await.unwrap();
    let failed = catch_unwind(AssertUnwindSafe(|| mock.verify())).unwrap_err();
    let message = failed.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("add_user: expected exactly 1 call(s), got 2"),
        "{message}"
    );
    assert!(!message.contains("phlo_get: expected"), "{message}");
    // Dropping checks again, and fails the same way.
    let failed = catch_unwind(AssertUnwindSafe(|| drop(mock))).unwrap_err();
    assert!(
        failed
            .downcast_ref::<String>()
            .unwrap()
            .contains("add_user")
    );
}

#[tokio::test]
async fn an_unmet_expectation_fails_when_the_server_drops() {
    let mock = MockServer::start().await.unwrap();
    mock.expect("hold");
    let failed = catch_unwind(AssertUnwindSafe(|| drop(mock))).unwrap_err();
    let message = failed.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("hold: expected at least 1 call(s), got 0"),
        "{message}"
    );
    assert!(message.contains("calls received: none"), "{message}");
}

#[tokio::test]
#[should_panic(expected = "no operation named \"add_usr\"; known operations: ")]
async fn a_misspelt_operation_name_is_refused() {
    let mock = MockServer::start().await.unwrap();
    mock.respond_next("add_usr", 1, MockResponse::status(500));
}

#[tokio::test]
async fn the_error_lists_every_operation_name() {
    let mock = MockServer::start().await.unwrap();
    let err = mock
        .try_respond_next("nope", 1, MockResponse::status(500))
        .unwrap_err()
        .to_string();
    for op in operations::ALL {
        assert!(err.contains(op.name), "{err}");
    }
}

#[tokio::test]
#[should_panic(expected = "operation `add_user` does not page")]
async fn a_listing_size_for_an_operation_that_does_not_page_is_refused() {
    let mock = MockServer::start().await.unwrap();
    mock.items("add_user", 45);
}

#[tokio::test]
#[should_panic(expected = "no operation named \"list_everything\"; known operations: ")]
async fn a_listing_size_for_an_unknown_operation_is_refused() {
    let mock = MockServer::start().await.unwrap();
    mock.items("list_everything", 45);
}
