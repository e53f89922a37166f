//! What the mock keeps of the requests it answers: bounded, and never the
//! body of a request it refused.

use super::{AUTH, PHLO, node_path};
use plivo::mock::{MockLimits, MockServer};
use serde_json::json;

#[tokio::test]
async fn bodies_of_refused_requests_are_not_kept() {
    let mock = MockServer::start().await.unwrap();
    let body = json!({"action": "call", "to": "+14152225555", "role": "agent", "trigger_source": "+1", "padding": "x".repeat(4096)});
    let http = reqwest::Client::new();
    let url = format!("{}{}", mock.base_url(), node_path());
    let unauthenticated = http
        .post(&url)
        .basic_auth(MockServer::AUTH_ID, Some("wrong"))
        .header("content-type", "application/json")
        .body(body.to_string());
    assert_eq!(unauthenticated.send().await.unwrap().status().as_u16(), 401);
    let not_found = http
        .post(format!("{}/v1/nothing", mock.base_url()))
        .header("content-type", "application/json")
        .body(body.to_string());
    assert_eq!(not_found.send().await.unwrap().status().as_u16(), 404);
    let recorded = mock.requests();
    assert_eq!(recorded.len(), 2);
    assert!(recorded.iter().all(|r| r.body.is_none()), "{recorded:?}");
    assert_eq!(
        recorded.iter().map(|r| r.status).collect::<Vec<_>>(),
        [401, 404]
    );
}

#[tokio::test]
async fn recording_stops_at_its_cap_and_counts_the_rest() {
    let mock = MockServer::start_with(MockLimits::default().with_max_recorded(3))
        .await
        .unwrap();
    let (user, password) = AUTH.unwrap();
    let http = reqwest::Client::new();
    for _ in 0..5 {
        let response = http
            .get(format!("{}/v1/phlo/{PHLO}", mock.base_url()))
            .basic_auth(user, Some(password))
            .send()
            .await
            .unwrap();
        // Answered as usual past the cap: only the recording stops.
        assert_eq!(response.status().as_u16(), 200);
    }
    assert_eq!(mock.requests().len(), 3);
    assert_eq!(mock.dropped_requests(), 2);
}
