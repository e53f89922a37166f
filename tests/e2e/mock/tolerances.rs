//! What the mock accepts because Plivo does, though our client never sends
//! it: the official SDKs' spellings of the same request (docs/mock.md,
//! "Tolerances"). Each failed before the tolerance was added.

use super::{AUTH, PHLO, assert_plivo_error, node_path, raw};
use plivo::mock::MockServer;

/// Sends `body` declared as `content_type` with the mock's credentials.
async fn send(
    mock: &MockServer,
    method: &str,
    path: &str,
    content_type: &str,
    body: &str,
) -> (u16, String) {
    let (user, password) = AUTH.unwrap();
    let response = reqwest::Client::new()
        .request(
            method.parse().unwrap(),
            format!("{}{path}", mock.base_url()),
        )
        .basic_auth(user, Some(password))
        .header("content-type", content_type)
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// Python appends `/` to every path, Node drops it on some and sends `//`
/// on one: all reach their operation, and only the path's own segments.
#[tokio::test]
async fn trailing_and_repeated_slashes_reach_the_operation() {
    let mock = MockServer::start().await.unwrap();
    let account = format!("/v1/Account/{}", MockServer::AUTH_ID);
    for path in [
        format!("/v1/phlo/{PHLO}/"),
        format!("/v1/phlo//{PHLO}"),
        format!("{account}//"),
        account.clone(),
    ] {
        let (status, body) = raw(&mock, "GET", &path, AUTH, None).await;
        assert_eq!(status, 200, "{path}: {body}");
    }
    let (status, body) = raw(&mock, "GET", &format!("/v1/phlo/{PHLO}/x/"), AUTH, None).await;
    assert_plivo_error(status, &body, 404, "Not found.");
}

/// Uploads are forms, and Python sends one update as a URL-encoded form:
/// both are read as fields and checked like JSON.
#[tokio::test]
async fn form_bodies_are_read_as_fields() {
    let mock = MockServer::start().await.unwrap();
    let form = "action=call&to=%2B14152225555&role=agent&trigger_source=%2B14152223333";
    let url_encoded = "application/x-www-form-urlencoded";
    let (status, text) = send(&mock, "POST", &node_path(), url_encoded, form).await;
    assert_eq!(status, 200, "{text}");
    let (status, text) = send(
        &mock,
        "POST",
        &node_path(),
        url_encoded,
        "action=call&role=agent",
    )
    .await;
    assert_eq!(status, 400, "{text}");
    assert!(text.contains("to is a mandatory param."), "{text}");

    let part = |name: &str, value: &str| {
        format!("--b\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
    };
    let multipart = [
        part("action", "call"),
        part("to", "+14152225555"),
        part("role", "agent"),
        part("trigger_source", "+14152223333"),
        "--b--\r\n".to_owned(),
    ]
    .concat();
    let (status, text) = send(
        &mock,
        "POST",
        &node_path(),
        "multipart/form-data; boundary=b",
        &multipart,
    )
    .await;
    assert_eq!(status, 200, "{text}");
    let recorded = mock.requests().last().unwrap().body.clone().unwrap();
    assert_eq!(recorded["to"], "+14152225555");
}

/// The docs put a DELETE's parameters in the query, Python and Go in a
/// JSON body: both are read, and checked.
#[tokio::test]
async fn a_delete_takes_its_parameters_in_the_query_or_the_body() {
    let mock = MockServer::start().await.unwrap();
    // Stopping a participant's recording: a DELETE with an enum parameter.
    let path = format!(
        "/v1/Account/{}/MultiPartyCall/name_standup/Participant/7/Record/",
        MockServer::AUTH_ID
    );
    let (status, body) = raw(
        &mock,
        "DELETE",
        &format!("{path}?record_track_type=none"),
        AUTH,
        None,
    )
    .await;
    assert_plivo_error(
        status,
        &body,
        400,
        "Invalid value provided for record_track_type.",
    );
    let body = serde_json::json!({"record_track_type": "none"});
    let (status, answer) = raw(&mock, "DELETE", &path, AUTH, Some(body)).await;
    assert_plivo_error(
        status,
        &answer,
        400,
        "Invalid value provided for record_track_type.",
    );
    let (status, _) = raw(
        &mock,
        "DELETE",
        &format!("{path}?record_track_type=all"),
        AUTH,
        None,
    )
    .await;
    assert_eq!(status / 100, 2);
}
