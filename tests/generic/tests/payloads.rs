//! Every body mode other than JSON, generated from the `payloads` fixture
//! and sent to a local server: each body checked on the wire by meaning
//! (form fields by name and value, multipart parts by name, file name,
//! content type and content, text byte for byte, GraphQL by value), each
//! with its content type.

use generic_e2e::fixtures::payloads::{Client, api};
use postman_runtime::{Delivery, RetryPolicy, Upload};
use serde_json::json;
use std::time::Duration;
use wiremock::{Mock, MockServer, Request, ResponseTemplate, matchers::any};

/// A server answering `status` to everything, and a client of it that
/// retries at once.
async fn server(status: u16) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status))
        .mount(&server)
        .await;
    let client = postman_runtime::Client::builder(
        &generic_e2e::NEUTRAL,
        generic_e2e::USERNAME,
        generic_e2e::PASSWORD,
    )
    .base_url(server.uri())
    .retry(RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(1)))
    .build()
    .unwrap();
    (server, Client(client))
}

async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap_or_default()
}

fn content_type(request: &Request) -> String {
    request
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// `application/x-www-form-urlencoded` as (name, value) pairs, in order.
fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    let decode = |text: &str| {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).unwrap()
    };
    std::str::from_utf8(body)
        .unwrap()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            (decode(k), decode(v))
        })
        .collect()
}

/// One multipart part: its name, file name, content type and content.
#[derive(Debug, PartialEq)]
struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    content: Vec<u8>,
}

fn parts(request: &Request) -> Vec<Part> {
    let header = content_type(request);
    let boundary = header
        .strip_prefix("multipart/form-data; boundary=")
        .expect("a multipart content type with its boundary");
    let body = request.body.as_slice();
    let end = format!("--{boundary}--\r\n");
    assert!(body.ends_with(end.as_bytes()), "closed by the boundary");
    let body = &body[..body.len() - end.len()];
    split(body, format!("--{boundary}\r\n").as_bytes())
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| {
            let [head, content] = split(p, b"\r\n\r\n")[..] else {
                panic!("a head and a content");
            };
            let head = std::str::from_utf8(head).unwrap();
            let content = content.strip_suffix(b"\r\n").unwrap();
            let param = |name: &str| {
                let key = format!("; {name}=\"");
                head.split_once(&key)
                    .map(|(_, rest)| rest.split('"').next().unwrap().to_owned())
            };
            Part {
                name: param("name").unwrap(),
                file_name: param("filename"),
                content_type: head
                    .lines()
                    .find_map(|l| l.strip_prefix("Content-Type: "))
                    .map(str::to_owned),
                content: content.to_vec(),
            }
        })
        .collect()
}

/// `bytes` cut at each `separator`; a part may hold any byte.
fn split<'a>(mut bytes: &'a [u8], separator: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(at) = bytes.windows(separator.len()).position(|w| w == separator) {
        out.push(&bytes[..at]);
        bytes = &bytes[at + separator.len()..];
    }
    out.push(bytes);
    out
}

fn charge() -> api::ChargesCreateRequest {
    api::ChargesCreateRequest::new(api::ChargesCreateRequestRequired {
        amount: 2000,
        currency: "usd & more é".into(),
        capture: true,
        metadata: api::ChargesCreateRequestMetadata::new(
            api::ChargesCreateRequestMetadataRequired { order_id: 6735 },
        ),
        items: vec![
            api::ChargesCreateRequestItemsItem::new(api::ChargesCreateRequestItemsItemRequired {
                price: "price_1".into(),
            })
            .with_quantity(2),
            api::ChargesCreateRequestItemsItem::new(api::ChargesCreateRequestItemsItemRequired {
                price: "price_2".into(),
            }),
        ],
        expand: vec!["customer".into(), "invoice".into()],
        tag: vec!["a".into(), "b".into()],
    })
}

#[tokio::test]
async fn a_form_sends_bracket_indexed_and_repeated_keys() {
    let (server, client) = server(200).await;
    client.charges().create(&charge()).await.unwrap();
    let request = &received(&server).await[0];
    assert_eq!(content_type(request), "application/x-www-form-urlencoded");
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    assert_eq!(
        form_pairs(&request.body),
        [
            pair("amount", "2000"),
            pair("currency", "usd & more é"),
            pair("capture", "true"),
            pair("metadata[order_id]", "6735"),
            pair("items[0][price]", "price_1"),
            pair("items[0][quantity]", "2"),
            pair("items[1][price]", "price_2"),
            pair("expand[]", "customer"),
            pair("expand[]", "invoice"),
            pair("tag", "a"),
            pair("tag", "b"),
        ]
    );
    // Spaces as `+`, the rest percent-encoded, as WHATWG's serializer does.
    let raw = String::from_utf8(request.body.clone()).unwrap();
    assert!(raw.contains("currency=usd+%26+more+%C3%A9&"), "{raw}");

    client.pings().create().await.unwrap();
    let request = &received(&server).await[1];
    assert_eq!(content_type(request), "application/x-www-form-urlencoded");
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn multipart_parts_carry_names_file_names_types_and_content() {
    let (server, client) = server(200).await;
    let mut body = api::FilesCreateRequest {
        purpose: "dispute_evidence".into(),
        pages: 3,
        file: Upload::bytes(&b"%PDF-1.7 bytes\r\n--not-a-boundary"[..]).file_name("report.pdf"),
        thumbnail: None,
    };
    client.files().create(&body).await.unwrap();
    body.thumbnail = Some(
        Upload::stream(&b"\x89PNG streamed"[..])
            .file_name("t.png")
            .content_type("image/png"),
    );
    client.files().create(&body).await.unwrap();
    let requests = received(&server).await;
    let part = |name: &str, file: Option<&str>, ty: Option<&str>, content: &[u8]| Part {
        name: name.into(),
        file_name: file.map(Into::into),
        content_type: ty.map(Into::into),
        content: content.to_vec(),
    };
    let mut expected = vec![
        part("purpose", None, None, b"dispute_evidence"),
        part("pages", None, None, b"3"),
        part(
            "file",
            Some("report.pdf"),
            Some("application/pdf"),
            b"%PDF-1.7 bytes\r\n--not-a-boundary",
        ),
    ];
    assert_eq!(parts(&requests[0]), expected);
    expected.push(part(
        "thumbnail",
        Some("t.png"),
        Some("image/png"),
        b"\x89PNG streamed",
    ));
    assert_eq!(parts(&requests[1]), expected);
}

#[tokio::test]
async fn a_file_body_goes_as_is_with_the_specs_or_the_callers_type() {
    let (server, client) = server(200).await;
    client
        .logo()
        .replace(&Upload::bytes(&b"\x89PNG\0bytes"[..]))
        .await
        .unwrap();
    client
        .logo()
        .replace(&Upload::stream(&b"streamed"[..]).content_type("image/webp"))
        .await
        .unwrap();
    client.b1().replace(&Upload::bytes("blob")).await.unwrap();
    let requests = received(&server).await;
    let seen: Vec<(String, &[u8])> = requests
        .iter()
        .map(|r| (content_type(r), r.body.as_slice()))
        .collect();
    assert_eq!(
        seen,
        [
            ("image/png".to_owned(), &b"\x89PNG\0bytes"[..]),
            ("image/webp".to_owned(), &b"streamed"[..]),
            ("application/octet-stream".to_owned(), &b"blob"[..]),
        ]
    );
}

#[tokio::test]
async fn a_streamed_upload_is_sent_once_where_bytes_are_retried() {
    let (server, client) = server(503).await;
    let err = client
        .logo()
        .replace(&Upload::stream(&b"once"[..]))
        .await
        .unwrap_err();
    assert_eq!(err.attempts(), 1);
    assert_eq!(err.delivery(), Delivery::Unknown);
    assert_eq!(received(&server).await.len(), 1);

    let err = client
        .logo()
        .replace(&Upload::bytes("again"))
        .await
        .unwrap_err();
    assert!(err.attempts() > 1, "{}", err.attempts());
    let requests = received(&server).await;
    assert!(requests[1..].iter().all(|r| r.body == b"again"));
}

#[tokio::test]
async fn text_bodies_are_sent_byte_for_byte_with_their_content_type() {
    let (server, client) = server(200).await;
    let xml = "<invoice><amount>20</amount></invoice>";
    client.invoices_xml().create(xml).await.unwrap();
    client.pages().create("<p>é</p>").await.unwrap();
    client.notes().create("plain words\n").await.unwrap();
    client.imports().create("a,b\r\n1,2\n").await.unwrap();
    client.touch().create().await.unwrap();
    let requests = received(&server).await;
    let seen: Vec<(String, String)> = requests
        .iter()
        .map(|r| (content_type(r), String::from_utf8(r.body.clone()).unwrap()))
        .collect();
    let pair = |t: &str, b: &str| (t.to_owned(), b.to_owned());
    assert_eq!(
        seen,
        [
            pair("application/xml", xml),
            pair("text/html", "<p>é</p>"),
            pair("text/plain", "plain words\n"),
            pair("text/csv", "a,b\r\n1,2\n"),
            // The empty raw body: nothing sent, no content type.
            pair("", ""),
        ]
    );
}

#[tokio::test]
async fn graphql_sends_the_specs_query_and_typed_variables() {
    let (server, client) = server(200).await;
    let variables = api::GraphqlCreateVariables::new(api::GraphqlCreateVariablesRequired {
        id: "cus_9".into(),
        first: 2,
    });
    client.graphql().create(&variables).await.unwrap();
    client.graphql().viewer().await.unwrap();
    let requests = received(&server).await;
    assert_eq!(content_type(&requests[0]), "application/json");
    let body: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(
        body,
        json!({
            "query": "query Customer($id: ID!, $first: Int) { customer(id: $id) { name orders(first: $first) { id } } }",
            "variables": {"id": "cus_9", "first": 2}
        })
    );
    let body: serde_json::Value = serde_json::from_slice(&requests[1].body).unwrap();
    assert_eq!(body, json!({"query": "{ viewer { login } }"}));
}
