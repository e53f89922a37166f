//! The runtime's mock takes every body mode as the generated descriptors of
//! the `payloads`, `auth` and `mocked` fixtures declare it: what the
//! generated client sends is accepted (200) and recorded as its kind reads
//! (raw JSON, a form, multipart parts, a file, raw text, GraphQL, no body);
//! a body of another content type is refused with 415 naming the type the
//! operation takes, and required form and multipart fields are checked.

use generic_e2e::NEUTRAL;
use generic_e2e::fixtures::{auth, payloads};
use postman_runtime::Upload;
use postman_runtime::mock::{MockApi, MockServer};
use serde_json::{Value, json};

async fn payloads_mock() -> (MockServer, payloads::Client) {
    let api = MockApi::new(&NEUTRAL, payloads::api::operations::ALL);
    let mock = MockServer::start(api).await.unwrap();
    let client = payloads::Client(mock.client_builder().build().unwrap());
    (mock, client)
}

/// Posts `body` as `content_type` to `path`; the status and error message.
async fn post(mock: &MockServer, path: &str, content_type: &str, body: &str) -> (u16, String) {
    let response = reqwest::Client::new()
        .post(format!("{}{path}", mock.base_url()))
        .header("content-type", content_type)
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap_or_default();
    (
        status,
        body["error"].as_str().unwrap_or_default().to_owned(),
    )
}

fn charge() -> payloads::api::ChargesCreateRequest {
    use payloads::api::*;
    ChargesCreateRequest::new(ChargesCreateRequestRequired {
        amount: 2000,
        currency: "usd".into(),
        capture: true,
        metadata: ChargesCreateRequestMetadata::new(ChargesCreateRequestMetadataRequired {
            order_id: 6735,
        }),
        items: vec![ChargesCreateRequestItemsItem::new(
            ChargesCreateRequestItemsItemRequired {
                price: "price_1".into(),
            },
        )],
        expand: vec!["customer".into(), "invoice".into()],
        tag: vec!["a".into()],
    })
}

#[tokio::test]
async fn every_body_mode_the_generated_client_sends_is_accepted_and_recorded() {
    let (mock, client) = payloads_mock().await;
    client.charges().create(&charge()).await.unwrap();
    client.pings().create().await.unwrap();
    let upload = payloads::api::FilesCreateRequest {
        purpose: "dispute_evidence".into(),
        pages: 3,
        file: Upload::bytes(&b"%PDF-1.7"[..]).file_name("report.pdf"),
        thumbnail: None,
    };
    client.files().create(&upload).await.unwrap();
    client
        .logo()
        .replace(&Upload::bytes(&b"\x89PNG"[..]))
        .await
        .unwrap();
    client.invoices_xml().create("<invoice/>").await.unwrap();
    client.imports().create("a,b\n1,2\n").await.unwrap();
    let variables =
        payloads::api::GraphqlCreateVariables::new(payloads::api::GraphqlCreateVariablesRequired {
            id: "cus_9".into(),
            first: 2,
        });
    client.graphql().create(&variables).await.unwrap();
    client.touch().create().await.unwrap();

    let requests = mock.requests();
    let statuses: Vec<u16> = requests.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200; 8], "{requests:?}");
    let bodies: Vec<Option<Value>> = requests.iter().map(|r| r.body.clone()).collect();
    assert_eq!(
        bodies[0],
        Some(json!({
            "amount": "2000", "currency": "usd", "capture": "true",
            "metadata[order_id]": "6735", "items[0][price]": "price_1",
            "expand[]": ["customer", "invoice"], "tag": "a"
        })),
        "a form, repeated keys as arrays"
    );
    assert_eq!(bodies[1], None, "an empty form");
    assert_eq!(
        bodies[2],
        Some(json!({
            "purpose": "dispute_evidence",
            "pages": "3",
            "file": {"filename": "report.pdf", "content_type": "application/pdf", "size": 8}
        })),
        "multipart parts"
    );
    assert_eq!(bodies[3], None, "a file is not parsed");
    assert_eq!(requests[3].raw_body, b"\x89PNG", "but its bytes are kept");
    assert_eq!(bodies[4], Some(json!("<invoice/>")), "raw XML");
    assert_eq!(bodies[5], Some(json!("a,b\n1,2\n")), "raw CSV");
    assert_eq!(
        bodies[6].as_ref().map(|b| b["variables"].clone()),
        Some(json!({"id": "cus_9", "first": 2})),
        "GraphQL"
    );
    assert_eq!(bodies[7], None, "no body");
    let types: Vec<Option<&str>> = requests
        .iter()
        .map(|r| r.headers.get("content-type"))
        .collect();
    assert_eq!(types[4], Some("application/xml"));
}

#[tokio::test]
async fn raw_json_goes_to_a_json_operation_and_a_form_is_read_as_its_fields() {
    let api = MockApi::new(&NEUTRAL, auth::api::operations::ALL);
    let mock = MockServer::start(api).await.unwrap();
    let client = auth::Client(mock.client_builder().build().unwrap());
    let order = auth::api::OrdersCreateRequest::new(auth::api::OrdersCreateRequestRequired {
        sku: "SKU-1".into(),
        qty: 2,
        session: "s".into(),
    });
    client.orders().create(&order).await.unwrap();
    assert_eq!(
        mock.requests()[0].body,
        Some(json!({"sku": "SKU-1", "qty": 2, "session": "s"}))
    );
    // An API's own SDKs may send a JSON operation's body as a form: read
    // as its fields (docs/mock.md, "Tolerances"), checked as JSON's are.
    let send = |content_type: &'static str, body: &'static str| {
        reqwest::Client::new()
            .post(format!("{}/orders", mock.base_url()))
            .bearer_auth("fake-token")
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let form = "application/x-www-form-urlencoded";
    let response = send(form, "sku=SKU-1&qty=2&session=s").await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        mock.requests()[1].body,
        Some(json!({"sku": "SKU-1", "qty": "2", "session": "s"}))
    );
    let missing = send(form, "qty=2").await.unwrap();
    assert_eq!(
        missing.status().as_u16(),
        400,
        "required fields still checked"
    );
    let response = send("text/plain", "sku=SKU-1").await.unwrap();
    assert_eq!(response.status().as_u16(), 415);
    let text = response.text().await.unwrap();
    assert!(
        text.contains("Content-Type must be application/json."),
        "{text}"
    );
}

#[tokio::test]
async fn a_body_of_another_type_is_refused_with_415_naming_the_operation_s() {
    let (mock, _) = payloads_mock().await;
    let cases = [
        (
            "/v1/charges",
            "application/json",
            "{}",
            "application/x-www-form-urlencoded",
        ),
        (
            "/v1/files",
            "multipart/form-data",
            "--x--",
            "multipart/form-data",
        ),
        ("/v1/files", "application/json", "{}", "multipart/form-data"),
        ("/v1/invoices.xml", "text/plain", "<a/>", "application/xml"),
        ("/v1/imports", "application/json", "[]", "text/csv"),
        ("/graphql", "text/plain", "{ viewer }", "application/json"),
    ];
    for (path, sent, body, wanted) in cases {
        let (status, message) = post(&mock, path, sent, body).await;
        assert_eq!(status, 415, "{path} as {sent}");
        assert_eq!(message, format!("Content-Type must be {wanted}."), "{path}");
    }
    // A refused body is not kept.
    assert!(
        mock.requests()
            .iter()
            .all(|r| r.body.is_none() && r.raw_body.is_empty())
    );
    // A file takes any type; text its own with parameters.
    let put = |content_type: &'static str| {
        reqwest::Client::new()
            .put(format!("{}/v1/images/logo", mock.base_url()))
            .header("content-type", content_type)
            .body("bytes")
            .send()
    };
    assert_eq!(put("image/png").await.unwrap().status().as_u16(), 200);
    assert_eq!(
        put("application/octet-stream")
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    let (status, _) = post(
        &mock,
        "/v1/invoices.xml",
        "application/xml; charset=utf-8",
        "<a/>",
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn forms_multipart_and_graphql_are_checked_as_the_spec_describes_them() {
    let (mock, _) = payloads_mock().await;
    let form = "currency=usd&capture=true&metadata%5Border_id%5D=1&items%5B0%5D%5Bprice%5D=p&expand%5B%5D=c&tag=a";
    let (status, message) = post(
        &mock,
        "/v1/charges",
        "application/x-www-form-urlencoded",
        form,
    )
    .await;
    assert_eq!(
        (status, message.as_str()),
        (400, "missing required field `amount`")
    );
    let (status, _) = post(
        &mock,
        "/v1/charges",
        "application/x-www-form-urlencoded",
        &format!("amount=1&{form}"),
    )
    .await;
    assert_eq!(status, 200, "nested bracket keys stand for their field");

    let part = |name: &str, value: &str| {
        format!("--b1\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
    };
    let no_file = format!("{}{}--b1--\r\n", part("purpose", "p"), part("pages", "1"));
    let multipart = "multipart/form-data; boundary=b1";
    let (status, message) = post(&mock, "/v1/files", multipart, &no_file).await;
    assert_eq!(
        (status, message.as_str()),
        (400, "missing required field `file`")
    );
    let (status, message) = post(&mock, "/v1/files", multipart, "--b1\r\nbroken").await;
    assert_eq!(
        (status, message.as_str()),
        (400, "Request body is malformed.")
    );

    let (status, message) = post(
        &mock,
        "/graphql",
        "application/json",
        r#"{"variables": {}}"#,
    )
    .await;
    assert_eq!(
        (status, message.as_str()),
        (400, "missing required field `query`")
    );
    let (status, message) = post(&mock, "/graphql", "application/json", "{query").await;
    assert_eq!(
        (status, message.as_str()),
        (400, "Request body is not valid JSON.")
    );
}
