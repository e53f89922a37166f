//! `postman_codegen::mock`, the library form of `postman-codegen mock`, on
//! the generator's fixtures as any HTTP client sees it: each auth scheme
//! (basic, bearer, API key in a header or the query) refuses a request
//! without its credential with 401 and takes one with it; every body mode
//! is accepted and recorded; expectations test the request itself (path,
//! query, header, body as read or as bytes). Fake credentials, loopback.

use postman_codegen::mock::{MockCredentials, MockServer, MockSpec, serve};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const USER: &str = "fake-user";
const PASSWORD: &str = "fake-password-61ad";
const TOKEN: &str = "fake-token-0c2b";
const KEY: &str = "fake-key-93e1";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

async fn auth_mock() -> MockServer {
    let credentials = MockCredentials::basic(USER, PASSWORD)
        .with_bearer_token(TOKEN)
        .with_api_key(KEY);
    serve(&fixture("auth.postman.json"), credentials)
        .await
        .unwrap()
}

/// The status of `GET path_and_query` with `headers` (and nothing else).
async fn status(mock: &MockServer, path_and_query: &str, headers: &[(&str, String)]) -> u16 {
    let mut request = reqwest::Client::new().get(format!("{}{path_and_query}", mock.base_url()));
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    request.send().await.unwrap().status().as_u16()
}

fn basic(user: &str, password: &str) -> String {
    // base64 by hand would be code of our own; reqwest's is the client's.
    let request = reqwest::Client::new()
        .get("http://127.0.0.1/")
        .basic_auth(user, Some(password))
        .build()
        .unwrap();
    request.headers()["authorization"]
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn basic_auth_without_the_pair_is_401() {
    let mock = auth_mock().await;
    assert_eq!(status(&mock, "/legacy", &[]).await, 401);
    let wrong = basic(USER, "not-it");
    assert_eq!(
        status(&mock, "/legacy", &[("authorization", wrong)]).await,
        401
    );
    let right = basic(USER, PASSWORD);
    assert_eq!(
        status(&mock, "/legacy", &[("authorization", right)]).await,
        200
    );
}

#[tokio::test]
async fn bearer_without_the_token_is_401() {
    let mock = auth_mock().await;
    assert_eq!(status(&mock, "/orders", &[]).await, 401);
    let key_instead = ("x-api-key", KEY.to_owned());
    assert_eq!(status(&mock, "/orders", &[key_instead]).await, 401);
    let bearer = ("authorization", format!("Bearer {TOKEN}"));
    assert_eq!(status(&mock, "/orders", &[bearer]).await, 200);
}

#[tokio::test]
async fn an_api_key_in_a_header_without_it_is_401() {
    let mock = auth_mock().await;
    assert_eq!(status(&mock, "/widgets/w1", &[]).await, 401);
    let wrong = ("x-api-key", "fake-other-key".to_owned());
    assert_eq!(status(&mock, "/widgets/w1", &[wrong]).await, 401);
    let in_query = format!("/widgets/w1?key={KEY}");
    assert_eq!(status(&mock, &in_query, &[]).await, 401, "not its place");
    let right = ("x-api-key", KEY.to_owned());
    assert_eq!(status(&mock, "/widgets/w1", &[right]).await, 200);
}

#[tokio::test]
async fn an_api_key_in_the_query_without_it_is_401() {
    let mock = auth_mock().await;
    assert_eq!(status(&mock, "/search?q=bolts", &[]).await, 401);
    let header = ("x-api-key", KEY.to_owned());
    assert_eq!(status(&mock, "/search?q=bolts", &[header]).await, 401);
    let wrong = "/search?q=bolts&key=fake-other-key";
    assert_eq!(status(&mock, wrong, &[]).await, 401);
    let right = format!("/search?q=bolts&key={KEY}");
    assert_eq!(status(&mock, &right, &[]).await, 200);
    // Recorded with its query, the key redacted when shown.
    let recorded = mock.requests();
    let last = recorded.last().unwrap();
    assert_eq!(last.query.get("q"), Some("bolts"));
    assert_eq!(last.query.get("key"), Some(KEY));
    assert!(!format!("{recorded:?}").contains(KEY));
}

/// `POST`s `body` as `content_type` to `path`; the status.
async fn post(mock: &MockServer, path: &str, content_type: &str, body: Vec<u8>) -> u16 {
    let request = reqwest::Client::new()
        .post(format!("{}{path}", mock.base_url()))
        .header("content-type", content_type)
        .body(body);
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn every_body_mode_is_accepted_and_recorded() {
    let spec = MockSpec::from_path(&fixture("payloads.postman.json")).unwrap();
    let mock = spec.start(MockCredentials::default()).await.unwrap();
    let form = "application/x-www-form-urlencoded";
    let multipart = "multipart/form-data; boundary=b0undary";
    let parts =
        "--b0undary\r\ncontent-disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--b0undary--\r\n";
    let graphql = r#"{"query": "{ viewer { id } }"}"#;
    let sent: [(&str, &str, &[u8]); 7] = [
        ("/v1/pings", form, b"ping=1"),
        ("/v1/uploads", multipart, parts.as_bytes()),
        ("/v1/invoices.xml", "application/xml", b"<invoice/>"),
        ("/v1/notes", "text/plain", b"a note"),
        ("/v1/imports", "text/csv", b"a,b\n1,2\n"),
        ("/graphql/viewer", "application/json", graphql.as_bytes()),
        ("/v1/touch", "text/plain", b""),
    ];
    for (path, content_type, body) in sent {
        let got = post(&mock, path, content_type, body.to_vec()).await;
        assert_eq!(got, 200, "{path} as {content_type}");
    }
    let file = reqwest::Client::new()
        .put(format!("{}/v1/blobs/b1", mock.base_url()))
        .header("content-type", "application/octet-stream")
        .body(vec![0xff, 0x00, 0xfe])
        .send()
        .await
        .unwrap();
    assert_eq!(file.status().as_u16(), 200, "a file");
    // A JSON body where the item takes a form: refused, naming the form.
    let wrong = post(&mock, "/v1/pings", "application/json", b"{}".to_vec()).await;
    assert_eq!(wrong, 415);

    let bodies: Vec<Option<Value>> = mock.requests().iter().map(|r| r.body.clone()).collect();
    assert_eq!(bodies[0], Some(json!({"ping": "1"})), "form");
    assert_eq!(bodies[1], Some(json!({"note": "hi"})), "multipart");
    assert_eq!(bodies[2], Some(json!("<invoice/>")), "xml");
    assert_eq!(bodies[3], Some(json!("a note")), "text");
    assert_eq!(bodies[4], Some(json!("a,b\n1,2\n")), "csv");
    assert_eq!(
        bodies[5],
        Some(json!({"query": "{ viewer { id } }"})),
        "graphql"
    );
    assert_eq!(bodies[6], None, "none");
    assert_eq!(mock.requests()[7].raw_body, [0xff, 0x00, 0xfe], "file");
}

#[tokio::test]
async fn expectations_test_the_path_query_header_and_body_bytes() {
    let mock = auth_mock().await;
    let key = ("x-api-key", KEY.to_owned());
    assert_eq!(
        status(&mock, "/widgets/w1", std::slice::from_ref(&key)).await,
        200
    );
    assert_eq!(status(&mock, "/widgets/w2", &[key]).await, 200);
    let search = format!("/search?q=bolts&key={KEY}");
    assert_eq!(status(&mock, &search, &[]).await, 200);
    mock.expect("widget_get").with_path("/widgets/w2").times(1);
    mock.expect("widget_get").with_path("/widgets/w3").times(0);
    mock.expect("search_get")
        .with_query("q", "bolts")
        .without_query("page")
        .times(1);
    mock.verify();

    let payloads = MockSpec::from_path(&fixture("payloads.postman.json")).unwrap();
    let mock = payloads.start(MockCredentials::default()).await.unwrap();
    let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0xff];
    let put = reqwest::Client::new()
        .put(format!("{}/v1/images/logo", mock.base_url()))
        .header("content-type", "image/png")
        .body(png.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(put.status().as_u16(), 200);
    mock.expect("logo_replace").with_raw_body(png).times(1);
    mock.expect("logo_replace")
        .with_raw_body(&b"other"[..])
        .times(0);
    mock.verify();
    // An unmet one says what the call had instead, without the bytes.
    mock.expect("logo_replace")
        .with_raw_body(&b"\x89PNG"[..])
        .with_path("/v1/images/other");
    let message = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| mock.verify()))
        .unwrap_err()
        .downcast::<String>()
        .unwrap();
    assert!(
        message.contains("body: expected 4 bytes, got 9 different bytes"),
        "{message}"
    );
    assert!(
        message.contains(r#"path: expected "/v1/images/other", got "/v1/images/logo""#),
        "{message}"
    );
    std::mem::forget(mock);
}
