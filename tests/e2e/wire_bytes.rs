//! The exact bytes every kind of body goes out as: the operation's constants
//! first, then the caller's fields in declaration order, `None`s left out,
//! and a free-form body exactly as the caller built it.

use plivo::{Role, TransferRequest, TransferRequestRequired};
use plivo_e2e::{add_user_request, server_and_client};
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, ResponseTemplate};

#[tokio::test]
async fn bodies_go_out_byte_for_byte_as_before() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "api_id": "x", "error": "", "phlo_id": "p", "message": "m"
        })))
        .mount(&server)
        .await;
    let node = client.phlo("p").multi_party_call("n");
    node.add_user(&add_user_request()).await.unwrap();
    let transfer = TransferRequest::new(TransferRequestRequired {
        to: "sip:alice@example.com".into(),
        role: Role::Customer,
        trigger_source: "+1\"quoted\"".into(),
    });
    // Refused before sending: the trigger source is not a phone number.
    assert!(node.cold_transfer(&transfer).await.is_err());
    let mut transfer = transfer;
    transfer.trigger_source = "+14152223333".into();
    node.warm_transfer(&transfer).await.unwrap();
    node.cold_transfer(&transfer).await.unwrap();
    node.member("+14155551234").hold().await.unwrap();
    let free_form = json!({"zeta": 1, "alpha": {"b": [true, null]}, "é\"": "x"});
    client.phlo("p").run(free_form.as_object()).await.unwrap();
    client.phlo("p").run(None).await.unwrap();

    let sent: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect();
    assert_eq!(
        sent,
        [
            r#"{"action":"call","to":"+14152225555","role":"agent","trigger_source":"+14152223333"}"#,
            r#"{"action":"warm_transfer","to":"sip:alice@example.com","role":"customer","trigger_source":"+14152223333"}"#,
            r#"{"action":"cold_transfer","to":"sip:alice@example.com","role":"customer","trigger_source":"+14152223333"}"#,
            r#"{"action":"hold"}"#,
            // As serde_json writes the caller's map: key order is the map's
            // own (sorted, or insertion with `preserve_order` in the graph).
            serde_json::to_string(&free_form).unwrap().as_str(),
            "",
        ]
    );
}
