//! Bad input is rejected before anything is sent, with an error naming the field.

use plivo::{
    AddUserRequest, AddUserRequestRequired, Client, Delivery, ErrorKind, Role, TransferRequest,
    TransferRequestRequired,
};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, server_and_client};

fn invalid_field(err: &plivo::Error) -> &str {
    match err.kind() {
        ErrorKind::InvalidInput { field, .. } => field,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn body(to: &str, trigger_source: &str) -> AddUserRequest {
    AddUserRequest::new(AddUserRequestRequired {
        to: to.into(),
        role: Role::Customer,
        trigger_source: trigger_source.into(),
    })
}

#[test]
fn malformed_auth_ids_and_control_characters_are_refused() {
    for bad in [
        "",
        "MA123",
        "XA0123456789ABCDEF01",
        "MA0123456789abcdef01",
        "MA0123456789ABCDEF012",
    ] {
        let err = Client::new(bad, AUTH_TOKEN).unwrap_err();
        assert_eq!(invalid_field(&err), "auth_id", "{bad}");
        assert_eq!(err.attempts(), 0);
        assert_eq!(err.delivery(), Delivery::NotSent);
    }
    assert!(Client::new("SA0123456789ABCDEF01", AUTH_TOKEN).is_ok());
    let err = Client::new(AUTH_ID, "tok\r\nen").unwrap_err();
    assert_eq!(invalid_field(&err), "auth_token");
    let err = Client::new(AUTH_ID, "").unwrap_err();
    assert_eq!(invalid_field(&err), "auth_token");
}

#[tokio::test]
async fn phone_numbers_and_sip_uris_are_checked_before_sending() {
    let (server, client) = server_and_client().await;
    let node = client.phlo("p").multi_party_call("n");
    let cases = [
        (body("415 222 5555", "+14152223333"), "to"),
        (body("", "+14152223333"), "to"),
        (body("+14152225555", "alice@example.com"), "trigger_source"),
        (body("sip:@example.com", "+14152223333"), "to"),
    ];
    for (request, field) in cases {
        let err = node.add_user(&request).await.unwrap_err();
        assert_eq!(invalid_field(&err), field, "{request:?}");
        assert_eq!(err.operation(), Some("add_user"));
        assert!(
            err.to_string()
                .starts_with(&format!("add_user: invalid {field}: ")),
            "{err}"
        );
    }
    let transfer = TransferRequest::new(TransferRequestRequired {
        to: "+1 (415) 222-5555".into(),
        role: Role::Agent,
        trigger_source: "+14152223333".into(),
    });
    let err = node.warm_transfer(&transfer).await.unwrap_err();
    assert_eq!(invalid_field(&err), "to");
    for address in ["", "bob", "sip:bob", "+1-415"] {
        let err = node.member(address).hold().await.unwrap_err();
        assert_eq!(invalid_field(&err), "member_address", "{address:?}");
    }
    for (phlo, node_id) in [("", "n"), ("p", "")] {
        let err = client
            .phlo(phlo)
            .multi_party_call(node_id)
            .get()
            .await
            .unwrap_err();
        assert!(["phlo_id", "node_id"].contains(&invalid_field(&err)));
    }
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing was sent"
    );
}

#[tokio::test]
async fn bare_digits_and_sip_uris_are_accepted() {
    use wiremock::matchers::method;
    use wiremock::{Mock, ResponseTemplate};
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(serde_json::json!({"api_id": "x", "error": ""})),
        )
        .mount(&server)
        .await;
    let node = client.phlo("p").multi_party_call("n");
    node.add_user(&body("14152225555", "sip:agent@phone.plivo.com"))
        .await
        .unwrap();
    node.add_user(&body("sips:bob@example.com:5061", "+14152223333"))
        .await
        .unwrap();
    node.member("14152225555").hangup().await.unwrap();
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}
