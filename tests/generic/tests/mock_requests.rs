//! What the runtime's mock does with the request itself, from the `mocked`
//! and `auth` fixtures' generated descriptors: the query string recorded
//! and routed by (two operations on one URL told apart by a query value),
//! saved examples chosen by name or status, answers of their own content
//! type, and expectations that test the request (query, headers, body, a
//! closure), with a failure that names the closest call, credentials
//! redacted.

use generic_e2e::NEUTRAL;
use generic_e2e::fixtures::{auth, mocked};
use postman_runtime::mock::{MockApi, MockCredentials, MockServer};
use serde_json::{Value, json};
use std::panic::{AssertUnwindSafe, catch_unwind};

async fn mocked_mock() -> (MockServer, mocked::Client) {
    let api = MockApi::new(&NEUTRAL, mocked::api::operations::ALL);
    let mock = MockServer::start(api).await.unwrap();
    let client = mocked::Client(mock.client_builder().build().unwrap());
    (mock, client)
}

fn list(action: &str, limit: &str) -> mocked::api::EventsGetParams {
    mocked::api::EventsGetParams::new()
        .with_action(action)
        .with_limit(limit)
}

/// The message `verify` panics with, or `None` when it passes.
fn verify_message(mock: &MockServer) -> Option<String> {
    let unwound = catch_unwind(AssertUnwindSafe(|| mock.verify())).err()?;
    Some(match unwound.downcast::<String>() {
        Ok(text) => *text,
        Err(other) => other.downcast_ref::<&str>().unwrap().to_string(),
    })
}

#[tokio::test]
async fn the_query_is_recorded_and_tells_apart_operations_on_one_url() {
    let (mock, client) = mocked_mock().await;
    let listed = client.events().get(&list("list", "10")).await.unwrap();
    assert_eq!(listed.events.len(), 2);
    let count_params = mocked::api::CountEventsParams::new()
        .with_action("count")
        .with_limit("10");
    assert_eq!(
        client
            .events()
            .count_events(&count_params)
            .await
            .unwrap()
            .count,
        2
    );
    // By hand, in another order, and with a value of neither.
    let get = |query: &'static str| {
        reqwest::Client::new()
            .get(format!("{}/events?{query}", mock.base_url()))
            .send()
    };
    let counted: Value = get("limit=3&action=count")
        .await
        .unwrap()
        .json_value()
        .await;
    assert_eq!(counted, json!({"count": 2}));
    let requests = mock.requests();
    let routed: Vec<Option<&str>> = requests.iter().map(|r| r.operation).collect();
    assert_eq!(
        routed,
        [
            Some("events_get"),
            Some("count_events"),
            Some("count_events")
        ]
    );
    assert_eq!(requests[0].query.as_str(), "action=list&limit=10");
    assert_eq!(requests[2].query.get("limit"), Some("3"));
    assert_eq!(requests[2].path, "/events");
    assert_eq!(mock.calls("count_events"), 2);
}

/// `.json()` without reqwest's `json` feature.
trait JsonValue {
    async fn json_value(self) -> Value;
}

impl JsonValue for reqwest::Response {
    async fn json_value(self) -> Value {
        serde_json::from_str(&self.text().await.unwrap()).unwrap()
    }
}

#[tokio::test]
async fn each_saved_example_is_served_by_name_or_status_with_its_own_type() {
    let (mock, client) = mocked_mock().await;
    let ask = |header: &'static str, value: &'static str| {
        reqwest::Client::new()
            .get(format!("{}/events?action=list", mock.base_url()))
            .header(header, value)
            .send()
    };
    let empty = ask("x-mock-response-name", "No events").await.unwrap();
    assert_eq!(empty.status().as_u16(), 200);
    assert_eq!(empty.json_value().await, json!({"events": []}));
    let limited = ask("x-mock-response-code", "429").await.unwrap();
    assert_eq!(limited.status().as_u16(), 429);
    assert_eq!(limited.json_value().await, json!({"error": "slow down"}));
    let missing = ask("x-mock-response-name", "Nope").await.unwrap();
    assert_eq!(missing.status().as_u16(), 400);
    let message = missing.json_value().await["error"].clone();
    assert_eq!(
        message,
        "The operation has no example response matching `x-mock-response-name`."
    );
    // A text answer keeps its type: the generated client reads it as text.
    assert_eq!(client.latest().get().await.unwrap(), "id,total\n1,20\n");
    let report = reqwest::get(format!("{}/reports/latest", mock.base_url()))
        .await
        .unwrap();
    assert_eq!(report.headers()["content-type"], "text/csv");
}

#[tokio::test]
async fn expectations_on_the_request_pass_when_a_call_matches() {
    let api = MockApi::new(&NEUTRAL, auth::api::operations::ALL);
    let mock = MockServer::start(api).await.unwrap();
    let client = auth::Client(mock.client_builder().build().unwrap());
    let order = auth::api::OrdersCreateRequest::new(auth::api::OrdersCreateRequestRequired {
        sku: "SKU-1".into(),
        qty: 2,
        session: "s-1".into(),
    });
    // Made before the call: counts it when it comes.
    mock.expect("orders_create")
        .with_json_body(json!({"sku": "SKU-1", "qty": 2, "session": "s-1"}))
        .with_header("x-trace", "t-1")
        .times(1);
    client
        .orders()
        .create(&order)
        .header("x-trace", "t-1")
        .await
        .unwrap();
    client.orders().create(&order).await.unwrap();
    let search = auth::api::SearchGetParams::new().with_q("bolts");
    client.search().get(&search).await.unwrap();
    // Made after the calls: counts those recorded.
    mock.expect("search_get").with_query("q", "bolts").times(1);
    mock.expect("orders_create")
        .with_json_body_including(json!({"qty": 2}))
        .matching(|request| request.headers.get("x-trace").is_none())
        .times(1);
    mock.expect("orders_create").times(2);
    assert_eq!(verify_message(&mock), None);
}

#[tokio::test]
async fn a_failed_expectation_names_the_closest_call_without_its_credentials() {
    let api = MockApi::new(&NEUTRAL, auth::api::operations::ALL);
    let credentials = MockCredentials::default().with_api_key("fake-key-5c1e");
    let mock = MockServer::start_with_credentials(api, credentials)
        .await
        .unwrap();
    let client = auth::Client(mock.client_builder().build().unwrap());
    for q in ["bolts", "nuts"] {
        let search = auth::api::SearchGetParams::new().with_q(q);
        client.search().get(&search).await.unwrap();
    }
    mock.expect("search_get")
        .with_query("q", "screws")
        .with_header("accept", "application/json")
        .times(1);
    mock.expect("search_get")
        .matching(|request| request.query.len() > 5);
    let message = verify_message(&mock).expect("unmet");
    assert!(
        message.contains(
            "search_get with query q=screws, header accept: application/json: \
             expected exactly 1 call(s), got 0 (of 2 call(s) of search_get)"
        ),
        "{message}"
    );
    assert!(
        message.contains(
            "closest call: GET /search?q=bolts&key=<redacted>: \
             query q: expected \"screws\", got \"bolts\""
        ),
        "{message}"
    );
    assert!(
        message.contains("the custom test (`matching`) returned false"),
        "{message}"
    );
    assert!(!message.contains("fake-key-5c1e"), "{message}");
    // Dropping it would panic again: the failure was the point here.
    std::mem::forget(mock);
}

#[test]
#[should_panic(expected = "closest call: GET /events?action=count")]
fn an_expectation_unmet_when_the_mock_drops_panics_with_the_closest_call() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (mock, _) = mocked_mock().await;
        reqwest::get(format!("{}/events?action=count", mock.base_url()))
            .await
            .unwrap();
        mock.expect("count_events").with_query("action", "list");
    });
}
