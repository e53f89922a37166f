//! The runtime's mock checks each operation's own auth scheme, from the
//! generated descriptors of the generator's `auth` and `mocked` fixtures:
//! for every scheme, the right credential in the scheme's place passes, and
//! a missing one, a wrong one, or the right one in another scheme's place
//! gets 401 in the vendor's error shape (with the scheme's challenge). A
//! bearer API is served to a client that has no user name at all. Fake
//! credentials only.

use generic_e2e::NEUTRAL;
use generic_e2e::fixtures::{auth, mocked};
use postman_runtime::mock::{MockApi, MockCredentials, MockServer};
use postman_runtime::{ClientBuilder, ErrorKind, RetryPolicy};
use serde_json::{Value, json};

const USER: &str = "fake-user";
const PASSWORD: &str = "fake-password-2d4e";
/// base64("fake-user:fake-password-2d4e")
const BASIC: &str = "Basic ZmFrZS11c2VyOmZha2UtcGFzc3dvcmQtMmQ0ZQ==";
/// base64("fake-user:not-the-password")
const WRONG_BASIC: &str = "Basic ZmFrZS11c2VyOm5vdC10aGUtcGFzc3dvcmQ=";
const TOKEN: &str = "fake-token-91bc";
const KEY: &str = "fake-api-key-7f3a";

fn fixed() -> MockCredentials {
    MockCredentials::basic(USER, PASSWORD)
        .with_bearer_token(TOKEN)
        .with_api_key(KEY)
}

async fn auth_mock(credentials: MockCredentials) -> MockServer {
    let api = MockApi::new(&NEUTRAL, auth::api::operations::ALL);
    MockServer::start_with_credentials(api, credentials)
        .await
        .unwrap()
}

/// A request as any HTTP client would send it: `headers` and nothing else.
async fn send(
    mock: &MockServer,
    method: &str,
    path_and_query: &str,
    headers: &[(&str, &str)],
) -> (u16, Value, Option<String>) {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request =
        reqwest::Client::new().request(method, format!("{}{path_and_query}", mock.base_url()));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if path_and_query.starts_with("/uploads/") {
        request = request
            .header("content-type", "application/json")
            .body(r#"{"name": "report"}"#);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let challenge = response
        .headers()
        .get("www-authenticate")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = serde_json::from_str(&response.text().await.unwrap()).unwrap_or(Value::Null);
    (status, body, challenge)
}

/// One scheme: where its operation lives, its right credential, a wrong
/// one, and the right credential of another scheme in another place.
struct Case {
    scheme: &'static str,
    method: &'static str,
    path: &'static str,
    right: &'static [(&'static str, &'static str)],
    right_query: &'static str,
    wrong: &'static [(&'static str, &'static str)],
    wrong_query: &'static str,
    elsewhere: &'static [(&'static str, &'static str)],
    elsewhere_query: &'static str,
    challenge: Option<&'static str>,
}

const CASES: &[Case] = &[
    Case {
        scheme: "basic",
        method: "GET",
        path: "/legacy",
        right: &[("authorization", BASIC)],
        right_query: "",
        wrong: &[("authorization", WRONG_BASIC)],
        wrong_query: "",
        elsewhere: &[("authorization", "Bearer fake-token-91bc")],
        elsewhere_query: "",
        challenge: Some(r#"Basic realm="mock""#),
    },
    Case {
        scheme: "bearer",
        method: "GET",
        path: "/orders",
        right: &[("authorization", "Bearer fake-token-91bc")],
        right_query: "",
        wrong: &[("authorization", "Bearer fake-token-other")],
        wrong_query: "",
        elsewhere: &[("authorization", BASIC)],
        elsewhere_query: "?access_token=fake-token-91bc",
        challenge: Some(r#"Bearer realm="mock""#),
    },
    Case {
        scheme: "api key in a header",
        method: "GET",
        path: "/widgets/w1",
        right: &[("x-api-key", KEY)],
        right_query: "",
        wrong: &[("x-api-key", "fake-api-key-other")],
        wrong_query: "",
        elsewhere: &[],
        elsewhere_query: "?X-Api-Key=fake-api-key-7f3a",
        challenge: None,
    },
    Case {
        scheme: "api key in the query",
        method: "GET",
        path: "/search",
        right: &[],
        right_query: "?q=bolts&key=fake-api-key-7f3a",
        wrong: &[],
        wrong_query: "?q=bolts&key=fake-api-key-other",
        elsewhere: &[("key", KEY)],
        elsewhere_query: "?q=bolts",
        challenge: None,
    },
    Case {
        scheme: "oauth2 in a header, with the spec's prefix",
        method: "GET",
        path: "/me",
        right: &[("authorization", "Token fake-token-91bc")],
        right_query: "",
        wrong: &[("authorization", "Token fake-token-other")],
        wrong_query: "",
        elsewhere: &[("authorization", "Bearer fake-token-91bc")],
        elsewhere_query: "",
        challenge: Some(r#"Token realm="mock""#),
    },
    Case {
        scheme: "oauth2 in the query",
        method: "GET",
        path: "/me/query",
        right: &[],
        right_query: "?access_token=fake-token-91bc",
        wrong: &[],
        wrong_query: "?access_token=fake-token-other",
        elsewhere: &[("authorization", "Bearer fake-token-91bc")],
        elsewhere_query: "",
        challenge: None,
    },
    Case {
        scheme: "a signer (awsv4)",
        method: "PUT",
        path: "/uploads/u1",
        right: &[(
            "authorization",
            "AWS4-HMAC-SHA256 Credential=fake/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc",
        )],
        right_query: "",
        // Unverifiable: another scheme's header is what "wrong" can mean.
        wrong: &[("authorization", "AWS4-HMAC-SHA256")],
        wrong_query: "",
        elsewhere: &[("authorization", "Bearer fake-token-91bc")],
        elsewhere_query: "",
        challenge: None,
    },
];

/// The neutral vendor's error body for a 401.
fn unauthorized() -> Value {
    json!({"error": "Authentication credentials were not provided or are invalid."})
}

#[tokio::test]
async fn each_scheme_passes_its_own_credential_and_refuses_the_rest_with_401() {
    let mock = auth_mock(fixed()).await;
    for case in CASES {
        let name = case.scheme;
        let (status, body, _) = send(
            &mock,
            case.method,
            &format!("{}{}", case.path, case.right_query),
            case.right,
        )
        .await;
        assert_eq!(status, 200, "{name}: right credential: {body}");
        let refusals = [
            ("missing", &[][..], ""),
            ("wrong", case.wrong, case.wrong_query),
            ("elsewhere", case.elsewhere, case.elsewhere_query),
        ];
        for (what, headers, query) in refusals {
            let path = if query.is_empty() && case.path == "/search" {
                format!("{}?q=bolts", case.path)
            } else {
                format!("{}{query}", case.path)
            };
            let (status, body, challenge) = send(&mock, case.method, &path, headers).await;
            assert_eq!(status, 401, "{name}: {what} credential");
            assert_eq!(body, unauthorized(), "{name}: {what}: the vendor's shape");
            assert_eq!(challenge.as_deref(), case.challenge, "{name}: {what}");
        }
    }
    // None asks for nothing.
    let (status, _, _) = send(&mock, "GET", "/health", &[]).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn signing_schemes_want_their_own_authorization_and_digest_is_challenged() {
    let api = MockApi::new(&NEUTRAL, mocked::api::operations::ALL);
    let mock = MockServer::start(api).await.unwrap();
    let digest = r#"Digest username="u", realm="mock", nonce="bW9jay1ub25jZQ", uri="/digest/status", response="0a1b""#;
    let (status, _, _) = send(&mock, "GET", "/digest/status", &[("authorization", digest)]).await;
    assert_eq!(status, 200);
    let (status, _, challenge) = send(&mock, "GET", "/digest/status", &[]).await;
    assert_eq!(status, 401);
    let challenge = challenge.expect("a Digest challenge");
    assert!(
        challenge.starts_with("Digest realm=\"mock\""),
        "{challenge}"
    );
    assert!(challenge.contains("nonce="), "{challenge}");
    let (status, _, _) = send(&mock, "GET", "/digest/status", &[("authorization", BASIC)]).await;
    assert_eq!(status, 401, "Basic is not Digest");
    let hawk = r#"Hawk id="fake-id", ts="1353832234", nonce="j4h3g2", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=""#;
    let (status, _, _) = send(&mock, "GET", "/hawk/status", &[("authorization", hawk)]).await;
    assert_eq!(status, 200);
    let (status, _, challenge) = send(&mock, "GET", "/hawk/status", &[]).await;
    assert_eq!(
        (status, challenge.as_deref()),
        (401, Some(r#"Hawk realm="mock""#))
    );
}

#[tokio::test]
async fn a_bearer_api_needs_no_user_name_and_the_generated_client_passes() {
    // The mock knows a token only; the client holds a token only.
    let mock = auth_mock(MockCredentials::default().with_bearer_token(TOKEN)).await;
    let client = auth::Client(
        ClientBuilder::for_vendor(&NEUTRAL)
            .bearer_token(TOKEN)
            .base_url_for_all_hosts(mock.base_url())
            .retry(RetryPolicy::none())
            .build()
            .unwrap(),
    );
    let params = auth::api::OrdersGetParams::default();
    client.orders().get(&params).await.unwrap();
    client.me().get().await.unwrap();
    client.me().get_query().await.unwrap();
    // Another token is refused, as the API would.
    let other = auth::Client(
        ClientBuilder::for_vendor(&NEUTRAL)
            .bearer_token("fake-token-other")
            .base_url_for_all_hosts(mock.base_url())
            .retry(RetryPolicy::none())
            .build()
            .unwrap(),
    );
    let refused = other.orders().get(&params).await.unwrap_err();
    assert!(
        matches!(refused.kind(), ErrorKind::Api { status, .. } if status.as_u16() == 401),
        "{refused:?}"
    );
    let statuses: Vec<u16> = mock.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 200, 200, 401]);
}

#[tokio::test]
async fn the_mock_s_own_client_passes_every_scheme_it_can_hold() {
    let mock = auth_mock(fixed()).await;
    let client = auth::Client(mock.client_builder().build().unwrap());
    client.widget("w1").get().await.unwrap();
    let search = auth::api::SearchGetParams::new().with_q("bolts");
    client.search().get(&search).await.unwrap();
    client
        .orders()
        .get(&auth::api::OrdersGetParams::default())
        .await
        .unwrap();
    client.me().get().await.unwrap();
    client.me().get_query().await.unwrap();
    client.legacy().get().await.unwrap();
    client.health().get().await.unwrap();
    // Recorded with the credential readable, never printed.
    let requests = mock.requests();
    assert!(requests.iter().all(|r| r.status == 200), "{requests:?}");
    assert_eq!(requests[1].query.get("key"), Some(KEY));
    let printed = format!("{requests:?}");
    for secret in [KEY, TOKEN, "ZmFrZS11c2Vy"] {
        assert!(!printed.contains(secret), "{secret} printed: {printed}");
    }
}

#[tokio::test]
async fn a_kind_the_mock_was_not_given_is_checked_for_presence_only() {
    let mock = auth_mock(MockCredentials::default()).await;
    let (status, _, _) = send(
        &mock,
        "GET",
        "/orders",
        &[("authorization", "Bearer anything")],
    )
    .await;
    assert_eq!(status, 200);
    let (status, _, _) = send(&mock, "GET", "/orders", &[("authorization", "Bearer ")]).await;
    assert_eq!(status, 401);
    let (status, _, _) = send(&mock, "GET", "/search?q=x&key=anything", &[]).await;
    assert_eq!(status, 200);
    // The mock's own client brings a stand-in for each kind.
    let client = auth::Client(mock.client_builder().build().unwrap());
    client.legacy().get().await.unwrap();
    client.widget("w1").get().await.unwrap();
}
