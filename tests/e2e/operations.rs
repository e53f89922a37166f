//! Every operation of the spec: the request matches what the official SDKs
//! send (method, path, auth, JSON body by meaning), and the spec's own
//! example response decodes into the operation's type.

use plivo::runtime::Operation;
use plivo::{
    AddUserRequest, AddUserRequestRequired, NodeType, Role, TransferRequest,
    TransferRequestRequired, operations,
};
use plivo_e2e::{AUTH_ID, BASIC_HEADER, any_operation, server_and_client};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, body_partial_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PHLO: &str = "e564a84a-7910-4447-b16f-65c541dd552c";
const NODE: &str = "b4b48fc2-f47a-4a93-97c3-749ed9a40fa8";

/// Answers `verb path` (with `body`, if given) with the operation's first
/// documented example, once.
async fn expect(server: &MockServer, op: &Operation, verb: &str, at: &str, body: Option<Value>) {
    let example = op.examples.first().expect("the spec documents an example");
    let mut mock = Mock::given(method(verb))
        .and(path(at))
        .and(header("authorization", BASIC_HEADER))
        .and(header("accept", "application/json"));
    if let Some(body) = body {
        mock = mock
            .and(header("content-type", "application/json"))
            .and(body_json(body));
    }
    mock.respond_with(
        ResponseTemplate::new(example.status).set_body_raw(example.body, "application/json"),
    )
    .expect(1)
    .mount(server)
    .await;
}

fn transfer() -> TransferRequest {
    TransferRequest::new(TransferRequestRequired {
        to: "+14152225555".into(),
        role: Role::Agent,
        trigger_source: "+14152223333".into(),
    })
}

#[tokio::test]
async fn retrieve_a_phlo() {
    let (server, client) = server_and_client().await;
    expect(
        &server,
        &operations::PHLO_GET,
        "GET",
        &format!("/v1/phlo/{PHLO}"),
        None,
    )
    .await;
    let phlo = client.phlo(PHLO).get().await.unwrap();
    assert_eq!(phlo.phlo_id, PHLO);
    assert_eq!(phlo.name, "assignment_mpc");
    assert_eq!(phlo.created_on.as_str(), "2018-11-03 19:32:33.240504+00:00");
    assert_eq!(phlo.created_on.unix_timestamp(), Some(1_541_273_553));
    let sent = &server.received_requests().await.unwrap()[0];
    assert!(sent.body.is_empty());
    assert!(sent.headers.get("content-type").is_none());
}

#[tokio::test]
async fn run_a_phlo_sends_the_callers_keys_verbatim_to_its_own_account() {
    let (server, client) = server_and_client().await;
    let variables =
        json!({"phoneMeNumber": "+14155551234", "Some-Key_x": 1, "nested": {"aB": true}});
    let at = format!("/v1/account/{AUTH_ID}/phlo/{PHLO}");
    expect(
        &server,
        &operations::RUN,
        "POST",
        &at,
        Some(variables.clone()),
    )
    .await;
    let run = client.phlo(PHLO).run(variables.as_object()).await.unwrap();
    assert_eq!(run.phlo_id, "4c1a9f23-7f56-4879-bb80-db856e1e7701");
    assert_eq!(run.api_id, "7b6f8256-07c7-4d9a-bf2a-a2cd0f05d269");
}

#[tokio::test]
async fn run_a_phlo_without_variables_sends_no_body() {
    let (server, client) = server_and_client().await;
    let at = format!("/v1/account/{AUTH_ID}/phlo/{PHLO}");
    expect(&server, &operations::RUN, "POST", &at, None).await;
    client.phlo(PHLO).run(None).await.unwrap();
    let sent = &server.received_requests().await.unwrap()[0];
    assert!(sent.body.is_empty());
}

#[tokio::test]
async fn a_run_whose_flow_stopped_is_still_a_success_with_its_message() {
    let (server, client) = server_and_client().await;
    let message = "stopped. next node uuid not found for b'Start' - b'Start' with output state: http - phlo_run_id 275c24f5";
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "phlo_id": PHLO, "api_id": "275c24f5", "message": message, "phlo_run_id": "275c24f5"
        })))
        .mount(&server)
        .await;
    let run = client
        .phlo(PHLO)
        .run(None)
        .await
        .expect("HTTP-level success");
    assert_eq!(run.message, message);
    assert_eq!(run.phlo_run_id.as_deref(), Some("275c24f5"));
}

#[tokio::test]
async fn retrieve_a_multi_party_call() {
    let (server, client) = server_and_client().await;
    let at = format!("/v1/phlo/{PHLO}/multi_party_call/{NODE}");
    expect(
        &server,
        &operations::PHLO_MULTI_PARTY_CALL_GET,
        "GET",
        &at,
        None,
    )
    .await;
    let node = client
        .phlo(PHLO)
        .multi_party_call(NODE)
        .get()
        .await
        .unwrap();
    assert_eq!(node.node_id, NODE);
    assert_eq!(node.name, "Multi-Party Call_1");
    assert_eq!(node.node_type, NodeType::MultiPartyCall);
    assert_eq!(node.created_on.unix_timestamp(), Some(1_596_272_711));
}

#[tokio::test]
async fn unknown_node_types_and_fields_are_kept() {
    let (server, client) = server_and_client().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "api_id": "a", "node_id": NODE, "phlo_id": PHLO, "name": "n",
            "node_type": "conference_bridge", "created_on": "whenever", "region": "eu"
        })))
        .mount(&server)
        .await;
    let node = client
        .phlo(PHLO)
        .multi_party_call(NODE)
        .get()
        .await
        .unwrap();
    // Kept, sealed: it compares equal to the value parsed from its text.
    assert!(matches!(node.node_type, NodeType::Unknown(_)));
    assert_eq!(node.node_type, NodeType::other("conference_bridge"));
    assert_eq!(node.node_type.as_str(), "conference_bridge");
    assert_eq!(node.created_on.as_str(), "whenever");
    assert_eq!(node.created_on.unix_timestamp(), None);
    assert_eq!(node.extra.get("region"), Some(&json!("eu")));
}

#[tokio::test]
async fn add_user_warm_and_cold_transfer() {
    let (server, client) = server_and_client().await;
    let at = format!("/v1/phlo/{PHLO}/multi_party_call/{NODE}");
    let body = |action: &str| json!({"action": action, "to": "+14152225555", "role": "agent", "trigger_source": "+14152223333"});
    for (operation, action) in [
        (&operations::ADD_USER, "call"),
        (&operations::WARM_TRANSFER, "warm_transfer"),
        (&operations::COLD_TRANSFER, "cold_transfer"),
    ] {
        expect(&server, operation, "POST", &at, Some(body(action))).await;
    }
    let node = client.phlo(PHLO).multi_party_call(NODE);
    let added = node
        .add_user(&AddUserRequest::new(AddUserRequestRequired {
            to: "+14152225555".into(),
            role: Role::Agent,
            trigger_source: "+14152223333".into(),
        }))
        .await
        .unwrap();
    assert_eq!(added.api_id, "073e36d4-fd1e-4be3-b00b-ab33105011a7");
    let warm = node.warm_transfer(&transfer()).await.unwrap();
    assert_eq!(warm.api_id, "faad0293-f5f0-487e-8ff7-b45ba6c45b25");
    let cold = node.cold_transfer(&transfer()).await.unwrap();
    assert_eq!(cold.api_id, "8c77b816-d621-4028-afc8-1aeab1d497a8");
    assert_eq!(cold.error, "");
}

#[tokio::test]
async fn every_member_action() {
    let members = ["+14155551234", "sip:alice@phone.plivo.com", "14152225555"];
    let actions: [(&Operation, &str); 6] = [
        (&operations::ABORT_TRANSFER, "abort_transfer"),
        (&operations::RESUME_CALL, "resume_call"),
        (&operations::VOICEMAIL_DROP, "voicemail_drop"),
        (&operations::PHLO_MULTI_PARTY_CALL_MEMBER_HANGUP, "hangup"),
        (&operations::HOLD, "hold"),
        (&operations::UNHOLD, "unhold"),
    ];
    for address in members {
        let (server, client) = server_and_client().await;
        // `+`, `:` and `@` are path-safe: sent as written, as the official SDKs do.
        let at = format!("/v1/phlo/{PHLO}/multi_party_call/{NODE}/members/{address}");
        for (op, action) in actions {
            expect(&server, op, "POST", &at, Some(json!({ "action": action }))).await;
        }
        let member = client.phlo(PHLO).multi_party_call(NODE).member(address);
        let results = [
            member.abort_transfer().await,
            member.resume_call().await,
            member.voicemail_drop().await,
            member.hangup().await,
            member.hold().await,
            member.unhold().await,
        ];
        for result in results {
            assert_eq!(
                result.unwrap().api_id,
                "11d8c251-d7bf-4aba-9763-985f21bcb455"
            );
        }
    }
}

#[tokio::test]
async fn a_member_address_with_unsafe_characters_stays_in_its_segment() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"api_id": "x", "error": ""})))
        .mount(&server)
        .await;
    // A valid SIP URI whose user part holds `/`, `%` (an escape) and `?`.
    let address = "sip:bob/x%20y?z@example.com";
    let member = client.phlo(PHLO).multi_party_call(NODE).member(address);
    member.hold().await.unwrap();
    let sent = &server.received_requests().await.unwrap()[0];
    let expected = "sip:bob%2Fx%2520y%3Fz@example.com";
    assert_eq!(
        sent.url.path(),
        format!("/v1/phlo/{PHLO}/multi_party_call/{NODE}/members/{expected}")
    );
    assert_eq!(sent.url.query(), None);
    assert_eq!(sent.url.fragment(), None);
}

/// The path of `item`'s URL in the Postman collection ("PHLO / Retrieve a
/// PHLO": folder names, then the item's name), with `{param}` placeholders
/// filled from `values` and the `{{auth_id}}` variable (the Basic auth user
/// name, the only variable this spec puts in a path) with the client's.
fn spec_path(item: &str, values: &[(&str, &str)]) -> (String, String) {
    // The item is in one group's collection; names do not repeat across them.
    let find = |text: &str| -> Option<Value> {
        let collection: Value = serde_json::from_str(text).unwrap();
        let mut node = &collection;
        for name in item.split(" / ") {
            node = node["item"]
                .as_array()
                .and_then(|items| items.iter().find(|i| i["name"] == name))?;
        }
        Some(node.clone())
    };
    let node = plivo_spec::GROUPS
        .iter()
        .find_map(|g| find(g.collection.text))
        .unwrap_or_else(|| panic!("no item {item} in the spec"));
    let node = &node;
    let request = &node["request"];
    let raw = request["url"]["raw"].as_str().expect("a raw URL");
    let after_host = raw.split_once("://").map_or(raw, |(_, rest)| rest);
    let mut path = after_host[after_host.find('/').expect("a path")..].to_owned();
    // The query is matched on its own.
    path.truncate(path.find('?').unwrap_or(path.len()));
    path = path.replace("{{auth_id}}", AUTH_ID);
    for (name, value) in values {
        path = path.replace(&format!("{{{name}}}"), value);
    }
    let verb = request["method"].as_str().expect("a method").to_owned();
    (verb, path)
}

/// Every operation the spec has, from the descriptors (a new one is covered
/// with no edit here): the request goes out with the method and to the path
/// of the collection item it comes from, with Basic auth and its constant
/// body fields, and the spec's example answer reads back.
#[tokio::test]
async fn every_operation_goes_where_its_spec_item_says() {
    assert!(!operations::ALL.is_empty());
    for &op in operations::ALL {
        let (server, client) = server_and_client().await;
        let names = op.fields.iter().map(|f| f.name);
        let values: Vec<(&str, &str)> = names.zip(any_operation::path_values(op)).collect();
        let (verb, at) = spec_path(op.item, &values);
        assert_eq!(op.method.as_str(), verb, "{}", op.name);
        let constants: serde_json::Map<String, Value> = op
            .constants
            .iter()
            .map(|(name, value)| ((*name).to_owned(), serde_json::to_value(value).unwrap()))
            .collect();
        let example = op.examples.first().expect("the spec documents an example");
        let mut expected = Mock::given(method(verb.as_str()))
            .and(path(at.as_str()))
            .and(header("authorization", BASIC_HEADER));
        if !constants.is_empty() {
            expected = expected.and(body_partial_json(Value::Object(constants)));
        }
        for (key, value) in op.query_constants {
            expected = expected.and(query_param(*key, *value));
        }
        expected
            .respond_with(
                ResponseTemplate::new(example.status)
                    .set_body_raw(example.body, "application/json"),
            )
            .expect(1)
            .named(op.name)
            .mount(&server)
            .await;
        let response = client
            .execute(any_operation::request(&client, op))
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        assert_eq!(response.status().as_u16(), example.status, "{}", op.name);
        let answer = response.json_or_null().unwrap();
        assert_eq!(answer, any_operation::example(op), "{}", op.name);
        server.verify().await;
    }
}
