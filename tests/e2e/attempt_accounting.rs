//! What an error says about the attempts behind it: how many were made, and
//! nothing at all for a request that could never be sent.

use plivo::{Client, Delivery, ErrorKind, RetryPolicy};
use plivo_e2e::fault_server::{FaultServer, Step, answer, json};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, add_seed_user};
use std::time::Duration;

fn client(base: &str) -> Client {
    Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(base)
        .retry(
            RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(1)),
        )
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_body_that_does_not_decode_after_a_retry_counts_both_attempts() {
    for refusal in [
        answer(429, &[("retry-after", "0")], b""),
        answer(503, &[("retry-after", "0")], b""),
    ] {
        let server = FaultServer::start(
            vec![Step::Respond(refusal)],
            Step::Respond(json(201, "{oops")),
        )
        .await;
        let err = add_seed_user(&client(&server.uri())).await.unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Decode { .. }), "{err:?}");
        assert_eq!(server.requests(), 2);
        assert_eq!(err.attempts(), 2, "{err:?}");
        assert!(err.was_retried());
        assert_eq!(err.delivery(), Delivery::Processed);
    }
}

#[tokio::test]
async fn a_url_too_long_to_send_is_invalid_input_before_any_attempt() {
    let server = FaultServer::start(vec![], Step::Respond(json(200, "{}"))).await;
    let client = client(&server.uri());
    let err = client.phlo("p".repeat(70_000)).get().await.unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput { .. }),
        "{err:?}"
    );
    assert_eq!(err.attempts(), 0);
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert_eq!(server.connections(), 0);
}
