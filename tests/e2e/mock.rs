//! The mock PHLO API: every operation of the spec is served with its
//! example, each documented check answers as documented, and requests are
//! recorded.

mod bodies;
mod connections;
mod faults;
mod recording;
mod tolerances;
mod wire;

use plivo::mock::{MockResponse, MockServer};
use plivo::runtime::Pagination;
use plivo::{Role, TransferRequest, TransferRequestRequired, operations};
use plivo_e2e::{add_user_request, any_operation};
use serde_json::{Value, json};

const PHLO: &str = "e564a84a-7910-4447-b16f-65c541dd552c";
const NODE: &str = "b4b48fc2-f47a-4a93-97c3-749ed9a40fa8";
const MEMBER: &str = "+14155551234";

/// The spec's example body for `op`, as JSON.
fn example(op: &plivo::runtime::Operation) -> Value {
    serde_json::from_str(op.examples[0].body).unwrap()
}

#[tokio::test]
async fn every_typed_call_returns_the_spec_example() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    let phlo = client.phlo(PHLO);
    let node = phlo.multi_party_call(NODE);
    let member = node.member(MEMBER);
    let transfer = TransferRequest::new(TransferRequestRequired {
        to: "sip:bob@example.com".into(),
        role: Role::Customer,
        trigger_source: "+14152223333".into(),
    });

    let got = phlo.get().await.unwrap();
    assert_eq!(
        serde_json::to_value(&got).unwrap(),
        example(&operations::PHLO_GET)
    );
    let run = phlo
        .run(json!({"greeting": "hi"}).as_object())
        .await
        .unwrap();
    assert_eq!(
        serde_json::to_value(&run).unwrap(),
        example(&operations::RUN)
    );
    let got = node.get().await.unwrap();
    assert_eq!(
        serde_json::to_value(&got).unwrap(),
        example(&operations::PHLO_MULTI_PARTY_CALL_GET)
    );
    let actions = [
        (
            node.add_user(&add_user_request()).await.unwrap(),
            &operations::ADD_USER,
        ),
        (
            node.warm_transfer(&transfer).await.unwrap(),
            &operations::WARM_TRANSFER,
        ),
        (
            node.cold_transfer(&transfer).await.unwrap(),
            &operations::COLD_TRANSFER,
        ),
        (
            member.abort_transfer().await.unwrap(),
            &operations::ABORT_TRANSFER,
        ),
        (
            member.resume_call().await.unwrap(),
            &operations::RESUME_CALL,
        ),
        (
            member.voicemail_drop().await.unwrap(),
            &operations::VOICEMAIL_DROP,
        ),
        (
            member.hangup().await.unwrap(),
            &operations::PHLO_MULTI_PARTY_CALL_MEMBER_HANGUP,
        ),
        (member.hold().await.unwrap(), &operations::HOLD),
        (member.unhold().await.unwrap(), &operations::UNHOLD),
    ];
    for (response, op) in &actions {
        assert_eq!(
            serde_json::to_value(response).unwrap(),
            example(op),
            "{}",
            op.name
        );
    }

    // What the mock recorded is what the client sent, looked up by
    // operation: the order of the calls above is this test's own.
    let recorded = mock.requests();
    assert_eq!(recorded.len(), 12);
    assert!(recorded.iter().all(|r| (200..300).contains(&r.status)));
    let of = |name: &str| {
        recorded
            .iter()
            .find(|r| r.operation == Some(name))
            .unwrap_or_else(|| panic!("no {name} recorded"))
    };
    assert_eq!(
        of("run").path,
        format!("/v1/account/{}/phlo/{PHLO}", MockServer::AUTH_ID)
    );
    assert_eq!(of("run").body, Some(json!({"greeting": "hi"})));
    assert_eq!(
        of("warm_transfer").body,
        Some(
            json!({"action": "warm_transfer", "to": "sip:bob@example.com", "role": "customer", "trigger_source": "+14152223333"})
        )
    );
    assert_eq!(of("hold").method, "POST");
    assert_eq!(
        of("hold").path,
        format!("/v1/phlo/{PHLO}/multi_party_call/{NODE}/members/{MEMBER}")
    );
    assert_eq!(of("hold").body, Some(json!({"action": "hold"})));
}

/// Every operation the spec has, from the descriptors (a new one is served
/// and checked with no edit here): a valid request gets the spec's example
/// with its status (a listing's first page of it), recorded under the
/// operation's name.
#[tokio::test]
async fn every_operation_is_served_with_its_spec_example() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    for &op in operations::ALL {
        let response = client
            .execute(any_operation::request(&client, op))
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        assert_eq!(
            response.status().as_u16(),
            op.examples[0].status,
            "{}",
            op.name
        );
        let answer = response.json_or_null().unwrap();
        if let Some(Pagination::Offset(paging)) = op.pagination {
            // A listing is served a page at a time, of a listing longer
            // than one page: a full first page that links to the next.
            let items = paging.items.iter().fold(&answer, |v, key| &v[*key]);
            let items = items.as_array().map(Vec::len);
            assert_eq!(items, Some(paging.default_limit as usize), "{}", op.name);
            let next = paging.next.iter().fold(&answer, |v, key| &v[*key]);
            assert!(next.is_string(), "{}: {next}", op.name);
        }
        assert_eq!(
            any_operation::outside_paging(op, &answer),
            any_operation::outside_paging(op, &any_operation::example(op)),
            "{}",
            op.name
        );
    }
    let names: Vec<&str> = mock.requests().iter().filter_map(|r| r.operation).collect();
    let all: Vec<&str> = operations::ALL.iter().map(|op| op.name).collect();
    assert_eq!(names, all);
}

/// Sends a raw request to the mock and returns the status and JSON body.
async fn raw(
    mock: &MockServer,
    method: &str,
    path: &str,
    auth: Option<(&str, &str)>,
    body: Option<Value>,
) -> (u16, Value) {
    let client = reqwest::Client::new();
    let url = format!("{}{path}", mock.base_url());
    let mut request = client.request(method.parse().unwrap(), url);
    if let Some((user, password)) = auth {
        request = request.basic_auth(user, Some(password));
    }
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

const AUTH: Option<(&str, &str)> = Some((MockServer::AUTH_ID, MockServer::AUTH_TOKEN));

fn node_path() -> String {
    format!("/v1/phlo/{PHLO}/multi_party_call/{NODE}")
}

fn assert_plivo_error(status: u16, body: &Value, expected_status: u16, message: &str) {
    assert_eq!(status, expected_status, "{body}");
    assert_eq!(body["error"], message, "{body}");
    let api_id = body["api_id"].as_str().unwrap();
    assert_eq!(api_id.len(), 36, "{api_id}");
    assert_eq!(api_id.matches('-').count(), 4, "{api_id}");
}

#[tokio::test]
async fn authentication_is_checked() {
    let mock = MockServer::start().await.unwrap();
    let path = format!("/v1/phlo/{PHLO}");
    let (status, body) = raw(&mock, "GET", &path, None, None).await;
    assert_plivo_error(
        status,
        &body,
        401,
        "Authentication credentials were not provided or are invalid.",
    );
    let (status, _) = raw(
        &mock,
        "GET",
        &path,
        Some((MockServer::AUTH_ID, "wrong")),
        None,
    )
    .await;
    assert_eq!(status, 401);
    let (status, _) = raw(&mock, "GET", &path, AUTH, None).await;
    assert_eq!(status, 200);
    // A run names the account in its path: another account is not found.
    let (status, _) = raw(
        &mock,
        "POST",
        &format!("/v1/account/MAOTHEROTHEROTHER000/phlo/{PHLO}"),
        AUTH,
        None,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn unknown_paths_and_wrong_methods() {
    let mock = MockServer::start().await.unwrap();
    let (status, body) = raw(&mock, "GET", "/v1/nothing/here", AUTH, None).await;
    assert_plivo_error(status, &body, 404, "Not found.");
    let (status, body) = raw(&mock, "DELETE", &node_path(), AUTH, None).await;
    assert_plivo_error(status, &body, 405, "Method not allowed.");
    let (status, _) = raw(
        &mock,
        "GET",
        &format!("{}/members/{MEMBER}", node_path()),
        AUTH,
        None,
    )
    .await;
    assert_eq!(status, 405);
}

#[tokio::test]
async fn bodies_are_checked_in_plivos_words() {
    let mock = MockServer::start().await.unwrap();
    let cases = [
        (
            json!({"action": "call", "role": "agent", "trigger_source": "+14152223333"}),
            "to is a mandatory param.",
        ),
        (
            json!({"action": "call", "to": "+14152225555", "role": "boss", "trigger_source": "+1"}),
            "Invalid value provided for role.",
        ),
        (
            json!({"action": "call", "to": "not a number", "role": "agent", "trigger_source": "+1"}),
            "Invalid value provided for to.",
        ),
        (
            json!({"action": "dance", "to": "+1", "role": "agent", "trigger_source": "+1"}),
            "Invalid value provided for action.",
        ),
        (
            json!({"to": "+1", "role": "agent", "trigger_source": "+1"}),
            "action is a mandatory param.",
        ),
    ];
    for (body, message) in cases {
        let (status, answer) = raw(&mock, "POST", &node_path(), AUTH, Some(body.clone())).await;
        assert_plivo_error(status, &answer, 400, message);
    }
    let (status, answer) = raw(
        &mock,
        "POST",
        &format!("{}/members/not-a-phone", node_path()),
        AUTH,
        Some(json!({"action": "hold"})),
    )
    .await;
    assert_plivo_error(
        status,
        &answer,
        400,
        "Invalid value provided for member_address.",
    );
    // A well-formed call from the typed client passes every check.
    let ok = mock
        .client()
        .unwrap()
        .phlo(PHLO)
        .multi_party_call(NODE)
        .add_user(&add_user_request())
        .await;
    assert!(ok.is_ok(), "{ok:?}");
    assert_eq!(mock.requests().len(), 7);
    assert_eq!(mock.requests()[6].status, 200);
}

#[tokio::test]
async fn scripted_failures_reach_the_callers_error_handling() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    let node = client.phlo(PHLO).multi_party_call(NODE);
    // 429 with Retry-After: the client waits and tries again.
    mock.respond_next(
        "add_user",
        1,
        MockResponse::plivo_error(429, "Too many requests").header("retry-after", "0"),
    );
    node.add_user(&add_user_request()).await.unwrap();
    let statuses: Vec<u16> = mock.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [429, 200]);
    // 500 twice: a POST is not retried, and the message reaches the caller.
    mock.respond_next(
        "add_user",
        2,
        MockResponse::plivo_error(500, "internal error"),
    );
    let err = node.add_user(&add_user_request()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert_eq!(err.message(), Some("internal error"));
    assert!(err.outcome_unknown());
    assert!(node.add_user(&add_user_request()).await.is_err());
    assert!(node.add_user(&add_user_request()).await.is_ok());
    // Other operations are not affected.
    mock.respond_next("hold", 1, MockResponse::status(503));
    assert!(node.get().await.is_ok());
}
