//! The `wire` fixture against a local server: each request carries the
//! `Content-Type` and `Accept` its item declares (the runtime's defaults
//! only where it declares none), a response of a type other than JSON
//! comes back as the item asks for it, and a trailing slash stays.

use generic_e2e::fixtures::wire::{Client, api};
use postman_runtime::{Method, Operation, PathPart, RetryPolicy};
use wiremock::{Mock, MockServer, Request, ResponseTemplate, matchers::any};

/// Bytes that are not UTF-8, as a PDF or PNG holds.
const BINARY: &[u8] = b"%PDF-1.4\n\xff\xfe\x00binary";

/// A server answering `body` as `content_type` to everything, and a client
/// sending every host's requests to it.
async fn serve(body: &[u8], content_type: &str) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_vec(), content_type))
        .mount(&server)
        .await;
    let mut builder = postman_runtime::Client::builder(
        &generic_e2e::NEUTRAL,
        generic_e2e::USERNAME,
        generic_e2e::PASSWORD,
    )
    .base_url(server.uri())
    .retry(RetryPolicy::none());
    // The items written with the host itself go to a second host.
    for host in api::HOSTS.iter().filter(|h| !h.main) {
        builder = builder.host(host.name, server.uri());
    }
    (server, Client(builder.build().unwrap()))
}

async fn only(server: &MockServer) -> Request {
    let mut received = server.received_requests().await.unwrap_or_default();
    assert_eq!(received.len(), 1, "one request");
    received.remove(0)
}

fn header<'a>(request: &'a Request, name: &str) -> &'a str {
    request
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// Runs the example call of `item` on `client`.
async fn call(client: &Client, item: &str) -> Result<(), postman_runtime::Error> {
    let (_, _, call) = api::example_calls::CALLS
        .iter()
        .find(|(name, _, _)| *name == item)
        .unwrap_or_else(|| panic!("no example call for {item}"));
    call(client).await
}

#[tokio::test]
async fn the_items_own_content_type_parameters_and_all() {
    for (item, content_type) in [
        ("Content types / Create article", "application/vnd.api+json"),
        (
            "Content types / Create articles in bulk",
            "application/vnd.api+json; ext=bulk",
        ),
        (
            "Content types / Patch article",
            "application/json-patch+json",
        ),
        (
            "Content types / Merge person",
            "application/merge-patch+json",
        ),
        ("Content types / Put logo", "image/png"),
        ("Content types / Put scan", "image/tiff; name=Scan.TIF"),
        ("Content types / Import people", "text/csv; charset=UTF-8"),
        (
            "Content types / Request token",
            "application/x-www-form-urlencoded",
        ),
        (
            "Content types / Request token as JSON text",
            "application/x-www-form-urlencoded",
        ),
        (
            "Content types / Form in UTF-8",
            "application/x-www-form-urlencoded; charset=UTF-8",
        ),
    ] {
        let (server, client) = serve(b"{}", "application/json").await;
        call(&client, item).await.unwrap();
        let request = only(&server).await;
        assert_eq!(header(&request, "content-type"), content_type, "{item}");
        // No item here asks for another type: the runtime's default.
        assert_eq!(header(&request, "accept"), "application/json", "{item}");
    }
}

#[tokio::test]
async fn a_type_other_than_json_is_asked_for_and_read_as_such() {
    let (server, client) = serve(BINARY, "application/pdf").await;
    let pdf = client.inv_1().get().await.unwrap();
    assert_eq!(pdf, BINARY, "the bytes as sent");
    assert_eq!(header(&only(&server).await, "accept"), "application/pdf");

    let (server, client) = serve(BINARY, "image/png").await;
    assert_eq!(client.logo().get().await.unwrap(), BINARY);
    assert_eq!(header(&only(&server).await, "accept"), "image/png");

    let (server, client) = serve(b"id,name\n1,Ada\n", "text/csv").await;
    let csv = client.people().get().await.unwrap();
    assert_eq!(csv, "id,name\n1,Ada\n");
    assert_eq!(header(&only(&server).await, "accept"), "text/csv");
}

/// A PNG's signature and bytes no UTF-8 text holds.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8";

#[tokio::test]
async fn a_saved_response_of_another_type_types_the_call_and_its_accept() {
    // No Accept in the items: their saved responses' Content-Type decide.
    let (server, client) = serve(BINARY, "application/pdf").await;
    let pdf = client.r_1().get().await.unwrap();
    assert_eq!(pdf, BINARY, "a PDF, exactly the bytes sent");
    assert_eq!(header(&only(&server).await, "accept"), "application/pdf");

    let (server, client) = serve(PNG, "image/png").await;
    let png = client.me().get().await.unwrap();
    assert_eq!(png, PNG, "a PNG, exactly the bytes sent");
    assert!(std::str::from_utf8(&png).is_err());
    assert_eq!(header(&only(&server).await, "accept"), "image/png");

    let (server, client) = serve(b"42", "text/plain").await;
    let motd: String = client.motd().get().await.unwrap();
    assert_eq!(motd, "42", "text, though it reads as JSON");
    assert_eq!(header(&only(&server).await, "accept"), "text/plain");
}

#[tokio::test]
async fn accept_encoding_is_the_items_header_and_a_trailing_slash_stays() {
    let (server, client) = serve(br#"{"people": []}"#, "application/json").await;
    call(&client, "Accept / Compressed list").await.unwrap();
    assert_eq!(
        header(&only(&server).await, "accept-encoding"),
        "gzip, deflate"
    );

    let (server, client) = serve(b"{}", "application/json").await;
    client.call("c-1").delete().await.unwrap();
    let request = only(&server).await;
    assert_eq!(request.url.path(), "/v1/Account/someone/Call/c-1/");
}

/// A hand-built descriptor may declare what no header can carry: the
/// runtime's default goes instead, and nothing panics.
#[tokio::test]
async fn a_declared_value_no_header_can_carry_falls_back_to_the_default() {
    static BAD: Operation = Operation::new("bad", Method::POST, &[PathPart::Literal("/x")])
        .content_type("application/json\r\nX-Injected: 1")
        .accept("text/csv\n");
    let (server, client) = serve(b"{}", "application/json").await;
    let request = client
        .0
        .request(&BAD, &[] as &[&str])
        .and_then(|r| r.json(&serde_json::json!({"a": 1})))
        .unwrap();
    assert_eq!(request.content_type(), Some("application/json"));
    client.0.execute(request).await.unwrap();
    let request = only(&server).await;
    assert_eq!(header(&request, "accept"), "application/json");
    assert!(request.headers.get("x-injected").is_none());
}
