//! "Add user to a Multi-Party Call": what goes on the wire, and what comes back.

use plivo::Role;
use plivo_e2e::{BASIC_HEADER, add_user_request, server_and_client};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, ResponseTemplate};

const PATH: &str = "/v1/phlo/e564a84a-7910-4447-b16f-65c541dd552c/multi_party_call/b4b48fc2-f47a-4a93-97c3-749ed9a40fa8";

async fn add_user(client: &plivo::Client) -> Result<plivo::ActionResponse, plivo::Error> {
    client
        .phlo("e564a84a-7910-4447-b16f-65c541dd552c")
        .multi_party_call("b4b48fc2-f47a-4a93-97c3-749ed9a40fa8")
        .add_user(&add_user_request())
        .await
}

#[tokio::test]
async fn sends_the_documented_add_user_request() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .and(header("authorization", BASIC_HEADER))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "action": "call",
            "to": "+14152225555",
            "role": "agent",
            "trigger_source": "+14152223333"
        })))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "api_id": "073e36d4-fd1e-4be3-b00b-ab33105011a7",
            "error": ""
        })))
        .expect(1)
        .mount(&server)
        .await;

    let response = add_user(&client).await.expect("the call succeeds");
    assert_eq!(response.api_id, "073e36d4-fd1e-4be3-b00b-ab33105011a7");
    assert_eq!(response.error, "");
}

/// Adds the seed user with `role` and returns the body the server received.
async fn sent_with_role(role: Role) -> serde_json::Value {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"api_id": "a", "error": ""})))
        .mount(&server)
        .await;
    let mut body = add_user_request();
    body.role = role;
    client
        .phlo("p")
        .multi_party_call("n")
        .add_user(&body)
        .await
        .unwrap();
    let received = server.received_requests().await.unwrap();
    serde_json::from_slice(&received[0].body).unwrap()
}

#[tokio::test]
async fn the_role_travels_as_its_wire_name() {
    let sent = sent_with_role(Role::Customer).await;
    assert_eq!(sent["role"], "customer");
    assert_eq!(sent["action"], "call");
}

/// A role the API accepts before this crate lists it is sent as given; a
/// listed one, given as text, is its variant.
#[tokio::test]
async fn a_role_this_crate_does_not_list_yet_is_sent_as_given() {
    assert_eq!(Role::other("customer"), Role::Customer);
    assert_eq!("agent".parse::<Role>(), Ok(Role::Agent));
    let supervisor = Role::other("supervisor");
    assert!(matches!(supervisor, Role::Unknown(_)));
    let sent = sent_with_role(supervisor).await;
    assert_eq!(sent["role"], "supervisor");
}

#[tokio::test]
async fn both_200_and_201_are_success() {
    for status in [200, 201] {
        let (server, client) = server_and_client().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(status).set_body_json(json!({"api_id": "x", "error": ""})),
            )
            .mount(&server)
            .await;
        let response = add_user(&client).await;
        assert!(response.is_ok(), "status {status}: {response:?}");
    }
}

#[tokio::test]
async fn unknown_response_fields_are_kept() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "api_id": "x",
            "error": "",
            "request_uuid": "3f1e"
        })))
        .mount(&server)
        .await;
    let response = add_user(&client).await.unwrap();
    assert_eq!(response.extra.get("request_uuid"), Some(&json!("3f1e")));
}

#[tokio::test]
async fn sends_accept_and_user_agent() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"api_id": "x", "error": ""})))
        .mount(&server)
        .await;
    add_user(&client).await.unwrap();
    let received = server.received_requests().await.unwrap();
    let headers = &received[0].headers;
    assert_eq!(headers.get("accept").unwrap(), "application/json");
    let agent = headers.get("user-agent").unwrap().to_str().unwrap();
    assert!(agent.starts_with("plivo-rust/"), "{agent}");
}
