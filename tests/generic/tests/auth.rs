//! Every auth scheme on the wire, from the generator's `auth` fixture called
//! against a local server: where each credential goes (header name and
//! value, query parameter), that a signer sees the finished request and its
//! headers arrive, that a token provider is asked (again after a 401), and
//! that a missing credential fails before anything is sent. Fake
//! credentials only.

use generic_e2e::NEUTRAL;
use generic_e2e::fixtures::auth::{self, api};
use postman_runtime::{
    ClientBuilder, Delivery, ErrorKind, Method, RetryPolicy, SignRequest, Signer, TokenFuture,
    TokenProvider,
};
use std::sync::{Arc, Mutex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const API_KEY: &str = "fake-api-key-7f3a";
const TOKEN: &str = "fake-token-91bc";
const USER: &str = "fake-user";
const PASSWORD: &str = "fake-password-2d4e";

/// A server that answers every request 200 with a widget.
async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "w1"})))
        .mount(&server)
        .await;
    server
}

fn builder(server: &MockServer) -> ClientBuilder {
    ClientBuilder::for_vendor(&NEUTRAL)
        .base_url(server.uri())
        .retry(RetryPolicy::none())
}

fn client(builder: ClientBuilder) -> auth::Client {
    auth::Client(builder.build().unwrap())
}

/// Every credential kind, fixed.
fn full(server: &MockServer) -> auth::Client {
    client(
        builder(server)
            .basic_auth(USER, PASSWORD)
            .bearer_token(TOKEN)
            .api_key(API_KEY),
    )
}

async fn only_request(server: &MockServer) -> Request {
    let mut received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1, "one request");
    received.remove(0)
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).map(|v| v.to_str().unwrap())
}

fn query(request: &Request) -> Vec<(String, String)> {
    request.url.query_pairs().into_owned().collect()
}

#[tokio::test]
async fn api_key_in_the_header_the_spec_names() {
    let server = server().await;
    full(&server).widget("w1").get().await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(header(&request, "x-api-key"), Some(API_KEY));
    assert_eq!(header(&request, "authorization"), None);
    assert_eq!(request.url.query(), None);
}

#[tokio::test]
async fn api_key_in_the_query_after_the_call_s_own_parameters() {
    let server = server().await;
    let params = api::SearchGetParams::new().with_q("bolts");
    full(&server).search().get(&params).await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/search");
    assert_eq!(
        query(&request),
        [("q".into(), "bolts".into()), ("key".into(), API_KEY.into())]
    );
    assert_eq!(header(&request, "x-api-key"), None);
    assert_eq!(header(&request, "authorization"), None);
}

#[tokio::test]
async fn bearer_basic_and_none() {
    let server = server().await;
    let client = full(&server);
    client
        .orders()
        .get(&api::OrdersGetParams::default())
        .await
        .unwrap();
    client.legacy().get().await.unwrap();
    client.health().get().await.unwrap();
    let received = server.received_requests().await.unwrap();
    let auth: Vec<_> = received
        .iter()
        .map(|r| {
            (
                r.url.path(),
                header(r, "authorization"),
                header(r, "x-api-key"),
            )
        })
        .collect();
    assert_eq!(
        auth,
        [
            ("/orders", Some("Bearer fake-token-91bc"), None),
            // base64("fake-user:fake-password-2d4e")
            (
                "/legacy",
                Some("Basic ZmFrZS11c2VyOmZha2UtcGFzc3dvcmQtMmQ0ZQ=="),
                None
            ),
            ("/health", None, None),
        ]
    );
    assert!(received.iter().all(|r| r.url.query().is_none()));
}

#[tokio::test]
async fn oauth2_with_the_spec_s_prefix_or_in_the_query() {
    let server = server().await;
    let client = full(&server);
    client.me().get().await.unwrap();
    client.me().get_query().await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        header(&received[0], "authorization"),
        Some("Token fake-token-91bc")
    );
    assert_eq!(received[0].url.query(), None);
    assert_eq!(header(&received[1], "authorization"), None);
    assert_eq!(query(&received[1]), [("access_token".into(), TOKEN.into())]);
}

/// What a signer saw, for the test to check.
#[derive(Debug, Default)]
struct Seen {
    scheme: String,
    method: String,
    url: String,
    content_type: Option<Vec<u8>>,
    user_agent: Option<Vec<u8>>,
    body: Vec<u8>,
}

struct Recording(Arc<Mutex<Vec<Seen>>>);

impl Signer for Recording {
    fn sign(
        &self,
        request: &mut SignRequest<'_>,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        assert_eq!(request.method(), Method::PUT);
        self.0.lock().unwrap().push(Seen {
            scheme: request.scheme().to_owned(),
            method: request.method().to_string(),
            url: request.url().to_owned(),
            content_type: request.header("Content-Type").map(<[u8]>::to_vec),
            user_agent: request.header("user-agent").map(<[u8]>::to_vec),
            body: request.body().to_vec(),
        });
        let signature = format!("sig-{}-{}", request.path(), request.body().len());
        request.set_header("x-signature", &signature)?;
        request.append_query("X-Signed", "1");
        Ok(())
    }
}

#[tokio::test]
async fn a_signer_sees_the_finished_request_and_what_it_adds_arrives() {
    let server = server().await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let client = client(builder(&server).signer(Recording(Arc::clone(&seen))));
    client
        .upload("u1")
        .replace(&api::UploadReplaceRequest::new(
            api::UploadReplaceRequestRequired {
                name: "report".into(),
            },
        ))
        .await
        .unwrap();
    let request = only_request(&server).await;
    let seen = seen.lock().unwrap();
    let [seen] = seen.as_slice() else {
        panic!("signed once: {seen:?}")
    };
    assert_eq!(seen.scheme, "awsv4");
    assert_eq!(seen.method, "PUT");
    assert_eq!(seen.url, format!("{}/uploads/u1", server.uri()));
    assert_eq!(seen.content_type.as_deref(), Some(&b"application/json"[..]));
    assert!(
        seen.user_agent.is_some(),
        "the client's own headers are there"
    );
    assert_eq!(seen.body, br#"{"name":"report"}"#);
    assert_eq!(
        request.body, seen.body,
        "the bytes signed are the bytes sent"
    );
    assert_eq!(header(&request, "x-signature"), Some("sig-/uploads/u1-17"));
    assert_eq!(query(&request), [("X-Signed".into(), "1".into())]);
}

/// Hands out `token-<n>`, counting calls and refused tokens.
#[derive(Default)]
struct Counting {
    calls: Mutex<u32>,
    refused: Mutex<Vec<String>>,
}

struct Shared(Arc<Counting>);

impl TokenProvider for Shared {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async move {
            let mut calls = self.0.calls.lock().unwrap();
            *calls += 1;
            Ok(format!("token-{calls}"))
        })
    }

    fn invalidate(&self, token: &str) {
        self.0.refused.lock().unwrap().push(token.to_owned());
    }
}

#[tokio::test]
async fn a_token_provider_is_asked_per_attempt_and_once_more_after_a_401() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::header(
        "authorization",
        "Bearer token-1",
    ))
    .respond_with(ResponseTemplate::new(401))
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let provider = Arc::new(Counting::default());
    let refreshing = client(builder(&server).token_provider(Shared(Arc::clone(&provider))));
    // POST is not idempotent: a 401 is still safe to send again.
    refreshing
        .orders()
        .create(&api::OrdersCreateRequest::new(
            api::OrdersCreateRequestRequired {
                sku: "B-1".into(),
                qty: 2,
                session: "s".into(),
            },
        ))
        .await
        .unwrap();
    assert_eq!(*provider.calls.lock().unwrap(), 2);
    assert_eq!(*provider.refused.lock().unwrap(), ["token-1"]);
    let received = server.received_requests().await.unwrap();
    let sent: Vec<_> = received
        .iter()
        .map(|r| header(r, "authorization").unwrap().to_owned())
        .collect();
    assert_eq!(sent, ["Bearer token-1", "Bearer token-2"]);

    // A token refused twice is an error: one refresh per call.
    let refusing = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(401))
        .mount(&refusing)
        .await;
    let refused = client(builder(&refusing).token_provider(Shared(Arc::clone(&provider))));
    let err = refused.me().get().await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Api { .. }), "{err}");
    assert_eq!(err.attempts(), 2);
    assert_eq!(err.delivery(), Delivery::Rejected);
    assert_eq!(refusing.received_requests().await.unwrap().len(), 2);
}

struct Failing;

impl TokenProvider for Failing {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async { Err("the identity provider is down".into()) })
    }
}

#[tokio::test]
async fn a_missing_credential_or_a_failing_provider_sends_nothing() {
    let server = server().await;
    // An API key only: every other scheme lacks its credential.
    let keyed = client(builder(&server).api_key(API_KEY));
    let bearer = keyed
        .orders()
        .get(&api::OrdersGetParams::default())
        .await
        .unwrap_err();
    let oauth2 = keyed.me().get().await.unwrap_err();
    let basic = keyed.legacy().get().await.unwrap_err();
    let signer = keyed
        .upload("u1")
        .replace(&api::UploadReplaceRequest::new(
            api::UploadReplaceRequestRequired { name: "r".into() },
        ))
        .await
        .unwrap_err();
    for (err, scheme) in [
        (&bearer, "bearer"),
        (&oauth2, "oauth2"),
        (&basic, "basic"),
        (&signer, "awsv4"),
    ] {
        assert!(
            matches!(err.kind(), ErrorKind::InvalidInput { field, .. } if *field == format!("{scheme} auth")),
            "{err}"
        );
        assert!(err.to_string().contains(&format!("{scheme} auth")), "{err}");
        assert_eq!(err.delivery(), Delivery::NotSent);
        assert_eq!(err.attempts(), 0);
    }
    let failing = client(builder(&server).token_provider(Failing));
    let err = failing.me().get().await.unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput { .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("identity provider is down"),
        "{err}"
    );
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert_eq!(server.received_requests().await.unwrap().len(), 0);
}
