//! Tests a user would write for `bring_in_agent`, against plivo's mock:
//! expectations on the calls made, injected failures, latency.

use plivo::mock::{MockResponse, MockServer};
use plivo::operations::ADD_USER;
use plivo_mock_user::{Outcome, bring_in_agent};
use std::time::{Duration, Instant};

const PHLO: &str = "e564a84a-7910-4447-b16f-65c541dd552c";
const NODE: &str = "b4b48fc2-f47a-4a93-97c3-749ed9a40fa8";
const AGENT: &str = "+14155551234";

#[tokio::test]
async fn an_agent_is_dialled_once() {
    let mock = MockServer::start().await.unwrap();
    mock.expect(ADD_USER.name).times(1);
    let outcome = bring_in_agent(&mock.client().unwrap(), PHLO, NODE, AGENT).await;
    assert_eq!(outcome, Outcome::Dialling);
    let sent = &mock.requests()[0];
    assert_eq!(sent.body.as_ref().unwrap()["to"], AGENT);
    assert!(sent.headers.get("authorization").is_some());
    mock.verify();
}

#[tokio::test]
async fn a_lost_answer_means_checking_before_retrying_and_no_second_call() {
    let mock = MockServer::start().await.unwrap();
    mock.respond_next(ADD_USER.name, 1, MockResponse::reset());
    mock.expect(ADD_USER.name).times(1);
    let outcome = bring_in_agent(&mock.client().unwrap(), PHLO, NODE, AGENT).await;
    assert_eq!(outcome, Outcome::CheckBeforeRetrying);
}

#[tokio::test]
async fn a_refusal_means_trying_later() {
    let mock = MockServer::start().await.unwrap();
    let busy = MockResponse::plivo_error(429, "too many requests").header("Retry-After", "60");
    mock.respond_next(ADD_USER.name, 1, busy);
    mock.expect(ADD_USER.name).times(1);
    let client = mock
        .client_builder()
        .retry(plivo::RetryPolicy::none())
        .build()
        .unwrap();
    let outcome = bring_in_agent(&client, PHLO, NODE, AGENT).await;
    assert_eq!(outcome, Outcome::TryLater);
}

#[tokio::test]
async fn a_slow_plivo_is_waited_for_within_the_client_timeout() {
    let mock = MockServer::start().await.unwrap();
    let slow = MockResponse::example().delay(Duration::from_millis(200));
    mock.respond_next(ADD_USER.name, 1, slow);
    mock.expect(ADD_USER.name).times(1);
    let started = Instant::now();
    let outcome = bring_in_agent(&mock.client().unwrap(), PHLO, NODE, AGENT).await;
    assert_eq!(outcome, Outcome::Dialling);
    assert!(started.elapsed() >= Duration::from_millis(200));
}
