//! Per-call options through the vendor seam: an API that names an
//! idempotency header for some of its operations, and a request id
//! header. A POST with a key is retried like a PUT, the same key on every
//! attempt; a key where the API names no header, or an extra header that
//! would send a second value, is refused; a reply's request id comes from
//! the header first, then the body.

use postman_runtime::{
    Auth, Call, Client, ClientBuilder, Delivery, ErrorKind, Method, Operation, PathPart, Response,
    RetryPolicy, TokenFuture, TokenProvider, Vendor,
};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Debug)]
struct Keyed;

impl Vendor for Keyed {
    fn name(&self) -> &'static str {
        "keyed"
    }
    fn request_id_field(&self) -> Option<&'static str> {
        Some("trace")
    }
    fn request_id_header(&self) -> Option<&'static str> {
        Some("x-request-id")
    }
    /// Orders are deduplicated by key; notifications are not.
    fn idempotency_header(&self, operation: &Operation) -> Option<&'static str> {
        (operation.name != NOTIFY.name).then_some("Idempotency-Key")
    }
}

static KEYED: Keyed = Keyed;

/// Not idempotent: without a key, never re-sent once it may have arrived.
static PLACE: Operation =
    Operation::new("place", Method::POST, &[PathPart::Literal("/orders")]).auth(Auth::Basic);

/// A POST the API does not deduplicate: the vendor names no key header
/// for it, though it names one for `place`.
static NOTIFY: Operation =
    Operation::new("notify", Method::POST, &[PathPart::Literal("/notify")]).auth(Auth::Basic);

/// Authenticated by a token the caller's provider supplies.
static PLACE_WITH_TOKEN: Operation = Operation::new(
    "place_with_token",
    Method::POST,
    &[PathPart::Literal("/orders")],
)
.auth(Auth::Bearer);

static KEYED_PLACE: Operation =
    Operation::new("keyed_place", Method::POST, &[PathPart::Literal("/orders")])
        .auth(Auth::api_key_header("x-api-key"));

fn client(server: &MockServer) -> Client {
    ClientBuilder::new(&KEYED, "fake-user", "fake-password-5c1e")
        .api_key("fake-api-key-0d9b")
        .base_url(server.uri())
        .retry(
            RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(1)),
        )
        .build()
        .unwrap()
}

fn place(client: &Client, operation: &'static Operation) -> Call<Value> {
    let request = client
        .request(operation, &[] as &[&str])
        .and_then(|r| r.json(&json!({"item": "bolt"})));
    client.call(request, Response::json)
}

/// Two 500s, then a success.
async fn flaky_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"trace": "t-1"})))
        .with_priority(2)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_post_with_an_idempotency_key_is_retried_after_a_500_with_the_same_key() {
    let server = flaky_server().await;
    let placed = place(&client(&server), &PLACE)
        .idempotency_key("order-7f2")
        .await
        .unwrap();
    assert_eq!(placed, json!({"trace": "t-1"}));
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 3);
    for request in &received {
        let keys: Vec<_> = request.headers.get_all("idempotency-key").iter().collect();
        assert_eq!(keys, ["order-7f2"]);
    }
}

#[tokio::test]
async fn the_same_post_without_a_key_is_not_retried_after_a_500() {
    let server = flaky_server().await;
    let err = place(&client(&server), &PLACE).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Api { .. }), "{err:?}");
    assert_eq!(err.attempts(), 1);
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    assert!(received[0].headers.get("idempotency-key").is_none());
}

#[tokio::test]
async fn the_request_id_comes_from_the_vendor_header_then_the_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(202)
                .insert_header("x-request-id", "from-header")
                .set_body_json(json!({"trace": "from-body"})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"trace": "from-body"})))
        .with_priority(2)
        .mount(&server)
        .await;
    let client = client(&server);
    let reply = place(&client, &PLACE).with_response().await.unwrap();
    assert_eq!(reply.status().as_u16(), 202);
    assert_eq!(reply.request_id(), Some("from-header"));
    assert_eq!(reply.headers().get("x-request-id"), Some("from-header"));
    let reply = place(&client, &PLACE).with_response().await.unwrap();
    assert_eq!(reply.request_id(), Some("from-body"));
    assert_eq!(reply.body()["trace"], "from-body");
}

/// A key of blanks deduplicates nothing: a POST carrying it would be
/// retried after a 500 as if the API acted at most once. Refused before
/// anything is sent, like an empty one.
#[tokio::test]
async fn a_blank_idempotency_key_is_refused_and_nothing_is_sent() {
    let server = flaky_server().await;
    let client = client(&server);
    for key in ["", " ", "   ", "\t", " \t ", "\u{a0}"] {
        let err = place(&client, &PLACE)
            .idempotency_key(key)
            .await
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidInput { .. }),
            "{key:?}: {err:?}"
        );
        assert_eq!(err.delivery(), Delivery::NotSent, "{key:?}");
        assert_eq!(err.attempts(), 0, "{key:?}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn an_extra_header_cannot_carry_the_api_key_or_the_idempotency_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let client = client(&server);
    for (operation, name) in [(&KEYED_PLACE, "X-Api-Key"), (&PLACE, "idempotency-key")] {
        let err = place(&client, operation)
            .header(name, "forged-value")
            .await
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidInput { .. }),
            "{name}: {err:?}"
        );
        assert_eq!(err.delivery(), Delivery::NotSent);
        assert!(!format!("{err} {err:?}").contains("forged-value"));
    }
    // The key itself, empty: refused too.
    let err = place(&client, &PLACE)
        .idempotency_key("")
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput { .. }),
        "{err:?}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
    // The operation's own credential still arrives beside an allowed header.
    place(&client, &KEYED_PLACE)
        .header("x-note", "n")
        .await
        .unwrap();
    let received = server.received_requests().await.unwrap();
    let headers = &received[0].headers;
    assert_eq!(headers.get("x-api-key").unwrap(), "fake-api-key-0d9b");
    assert_eq!(headers.get("x-note").unwrap(), "n");
}

/// An extra header may carry a token for a proxy: a call's `Debug` names
/// its headers, never their values, nor the idempotency key.
#[tokio::test]
async fn a_call_s_debug_shows_no_header_value() {
    let server = MockServer::start().await;
    let call = place(&client(&server), &PLACE)
        .header("x-proxy-token", "fake-proxy-secret-31")
        .idempotency_key("fake-key-value-8e")
        .timeout(Duration::from_secs(1));
    let shown = format!("{call:?}");
    assert!(shown.contains("x-proxy-token"), "{shown}");
    assert!(!shown.contains("fake-proxy-secret-31"), "{shown}");
    assert!(!shown.contains("fake-key-value-8e"), "{shown}");
}

#[tokio::test]
async fn a_key_on_an_operation_the_api_does_not_deduplicate_is_refused_and_never_sent() {
    let server = flaky_server().await;
    let err = place(&client(&server), &NOTIFY)
        .idempotency_key("notify-1a")
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput { .. }),
        "{err:?}"
    );
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert!(err.to_string().contains("notify"), "{err}");
    // Neither sent nor, after the 500 it would have met, sent again.
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn an_extra_header_the_request_sets_already_or_given_twice_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let client = client(&server);
    // A header parameter of the operation, then the same name as an extra.
    let request = client
        .request(&PLACE, &[] as &[&str])
        .map(|r| r.header("X-Tenant", Some("tenant-a")))
        .and_then(|r| r.json(&json!({"item": "bolt"})));
    let with_parameter = client
        .call(request, Response::json)
        .header("x-tenant", "tenant-b-value");
    let twice = place(&client, &PLACE)
        .header("x-note", "first-value")
        .header("X-Note", "second-value");
    // The idempotency header, set by the request and then by the key.
    let request = client
        .request(&PLACE, &[] as &[&str])
        .map(|r| r.header("Idempotency-Key", Some("param-value")))
        .and_then(|r| r.json(&json!({"item": "bolt"})));
    let keyed = client
        .call(request, Response::json)
        .idempotency_key("key-value");
    for (call, name) in [
        (with_parameter, "x-tenant"),
        (twice, "x-note"),
        (keyed, "Idempotency-Key"),
    ] {
        let err: postman_runtime::Error = call.await.unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidInput { .. }),
            "{name}: {err:?}"
        );
        assert_eq!(err.delivery(), Delivery::NotSent);
        let shown = format!("{err} {err:?}");
        assert!(shown.contains(name), "{shown}");
        assert!(!shown.contains("-value"), "{shown}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// Never answers: a token service that hangs.
struct Hanging;

impl TokenProvider for Hanging {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(std::future::pending())
    }
}

#[tokio::test]
async fn a_hanging_token_provider_does_not_keep_the_call_past_its_timeout() {
    let server = MockServer::start().await;
    let client = ClientBuilder::new(&KEYED, "fake-user", "fake-password-5c1e")
        .token_provider(Hanging)
        .base_url(server.uri())
        .build()
        .unwrap();
    let started = Instant::now();
    let call = place(&client, &PLACE_WITH_TOKEN).timeout(Duration::from_millis(150));
    // Bounded here too, so that the test fails rather than hangs.
    let err = tokio::time::timeout(Duration::from_secs(2), call)
        .await
        .expect("the call outlived its timeout")
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(matches!(err.kind(), ErrorKind::Timeout { .. }), "{err:?}");
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// How long the blocking providers below hold their thread: far past the
/// call's timeout.
const BLOCKED: Duration = Duration::from_millis(1500);

/// Blocks its thread before it returns its future, as a provider that
/// reads its token with blocking I/O does.
struct BlocksBeforeItsFuture;

impl TokenProvider for BlocksBeforeItsFuture {
    fn token(&self) -> TokenFuture<'_> {
        std::thread::sleep(BLOCKED);
        Box::pin(async { Ok("fake-token-late".to_owned()) })
    }
}

/// Returns at once a future that blocks its thread when polled.
struct BlocksInPoll;

impl TokenProvider for BlocksInPoll {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async {
            std::thread::sleep(BLOCKED);
            Ok("fake-token-late".to_owned())
        })
    }
}

/// A provider that blocks the thread is bounded by the call's timeout too,
/// on a single-threaded runtime, where the call's own task could not run
/// while the provider held the thread: the provider runs on a thread of
/// its own.
#[tokio::test]
async fn a_token_provider_that_blocks_its_thread_does_not_keep_the_call_past_its_timeout() {
    let server = MockServer::start().await;
    let builder = || {
        ClientBuilder::new(&KEYED, "fake-user", "fake-password-5c1e")
            .base_url(server.uri())
            .retry(RetryPolicy::none())
    };
    let clients = [
        (
            "before its future",
            builder().token_provider(BlocksBeforeItsFuture),
        ),
        ("in poll", builder().token_provider(BlocksInPoll)),
    ];
    for (how, client) in clients {
        let client = client.build().unwrap();
        let started = Instant::now();
        let err = place(&client, &PLACE_WITH_TOKEN)
            .timeout(Duration::from_millis(150))
            .await
            .unwrap_err();
        let took = started.elapsed();
        assert!(took < Duration::from_millis(800), "{how}: {took:?}");
        assert!(
            matches!(err.kind(), ErrorKind::Timeout { .. }),
            "{how}: {err:?}"
        );
        assert_eq!(err.delivery(), Delivery::NotSent, "{how}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}
