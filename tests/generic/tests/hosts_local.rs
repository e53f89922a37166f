//! A client made for a local server keeps every host's operations local:
//! `ClientBuilder::base_url_for_all_hosts` sends each operation, whatever
//! its host, to one base with its own path; the mock's client is made so;
//! and a client with some host on loopback refuses to send another host's
//! operations to a production default it was not told about. Fake
//! credentials only; "production" is a second local server, or a `.invalid`
//! name the client refuses before anything is sent (no test resolves it).

use generic_e2e::fixtures::hosts::{self, api};
use postman_runtime::mock::{MockApi, MockLimits, MockServer};
use postman_runtime::{
    Auth, ClientBuilder, Delivery, ErrorKind, Example, Host, Method, Operation, PathPart,
    RetryPolicy, Vendor,
};
use wiremock::{Mock, MockServer as Wire, ResponseTemplate};

const USER: &str = "fake-user";
const PASSWORD: &str = "fake-password-5c1d";

fn builder(vendor: &'static dyn Vendor) -> ClientBuilder {
    ClientBuilder::for_vendor(vendor)
        .basic_auth(USER, PASSWORD)
        .retry(RetryPolicy::none())
}

/// A server that answers every request 200 with a body each of the
/// fixture's operations reads.
async fn wire() -> Wire {
    let server = Wire::start().await;
    let body = serde_json::json!({"id": "w1", "name": "f", "size": 1, "up": true, "ok": true});
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

async fn paths(server: &Wire) -> Vec<String> {
    let received = server.received_requests().await.unwrap();
    received.iter().map(|r| r.url.path().to_owned()).collect()
}

/// The neutral vendor, listing the fixture's hosts as a vendor crate does.
#[derive(Debug)]
struct Listing;

impl Vendor for Listing {
    fn name(&self) -> &'static str {
        "listing"
    }
    fn hosts(&self) -> &'static [Host] {
        api::HOSTS
    }
}

static LISTING: Listing = Listing;

static EXAMPLE: &[Example] = &[Example::new("OK", 200, r#"{"ok": true}"#)];

/// Two operations, the second on a host whose default is `production`.
fn two_hosts(production: &str) -> &'static [&'static Operation] {
    let production: &'static str = Box::leak(production.to_owned().into_boxed_str());
    let main = Operation::new("main_op", Method::GET, &[PathPart::Literal("/main")])
        .auth(Auth::Basic)
        .idempotent(true)
        .examples(EXAMPLE);
    let other = Operation::new("other_op", Method::GET, &[PathPart::Literal("/other")])
        .auth(Auth::Basic)
        .idempotent(true)
        .examples(EXAMPLE)
        .host(Host::new("otherUrl", Some(production)));
    let ops: Vec<&'static Operation> = vec![Box::leak(Box::new(main)), Box::leak(Box::new(other))];
    Box::leak(ops.into_boxed_slice())
}

/// The mock's own client sends the second host's operation to the mock,
/// with its own path, not to that host's default (here a local stand-in
/// for production, which must see nothing).
#[tokio::test]
async fn the_mocks_client_sends_every_host_to_the_mock() {
    let production = wire().await;
    let operations = two_hosts(&production.uri());
    let addr = ([127, 0, 0, 1], 0).into();
    let api = MockApi::new(&generic_e2e::NEUTRAL, operations);
    let mock = MockServer::bind(api, addr, USER, PASSWORD, MockLimits::default())
        .await
        .unwrap();
    let client = mock.client_builder().build().unwrap();
    for op in operations {
        let request = client.request::<&str>(op, &[]).unwrap();
        let body: serde_json::Value = client.execute(request).await.unwrap().json().unwrap();
        assert_eq!(body["ok"], true, "{}", op.name);
    }
    let routed: Vec<_> = mock.requests().iter().map(|r| r.operation).collect();
    assert_eq!(routed, [Some("main_op"), Some("other_op")]);
    assert!(paths(&production).await.is_empty(), "production was called");
}

/// Every operation of the generated three-host module is answered by the
/// mock, from its own example, the host without a default included.
#[tokio::test]
async fn the_mock_serves_a_generated_multi_host_api_through_its_client() {
    let addr = ([127, 0, 0, 1], 0).into();
    let api = MockApi::new(&LISTING, api::operations::ALL);
    let mock = MockServer::bind(api, addr, USER, PASSWORD, MockLimits::default())
        .await
        .unwrap();
    let client = hosts::Client(mock.client_builder().build().unwrap());
    assert_eq!(client.widget("w1").get().await.unwrap().id, "w1");
    let file = client.bucket("b1").file("report.pdf").get().await;
    assert_eq!(file.unwrap().name, "report.pdf");
    assert!(client.status().get().await.unwrap().up);
    assert_eq!(client.widgets().list().await.unwrap().len(), 1);
    let paths: Vec<_> = mock.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            "/v1/widgets/w1",
            "/buckets/b1/files/report.pdf",
            "/status",
            "/v1/widgets"
        ]
    );
}

/// One base for every host: each operation keeps its own path (the host's
/// URL, path prefix included, is replaced, as `host` replaces it); a host
/// set by name still wins for its own operations.
#[tokio::test]
async fn base_url_for_all_hosts_keeps_each_operations_own_path() {
    let local = wire().await;
    let client = hosts::Client(
        builder(&LISTING)
            .base_url_for_all_hosts(local.uri())
            .build()
            .unwrap(),
    );
    assert_eq!(client.base_url(), local.uri());
    client.widget("w1").get().await.unwrap();
    client.bucket("b1").file("f").get().await.unwrap();
    client.status().get().await.unwrap();
    assert_eq!(
        paths(&local).await,
        ["/v1/widgets/w1", "/buckets/b1/files/f", "/status"]
    );

    let other = wire().await;
    let client = hosts::Client(
        builder(&LISTING)
            .base_url_for_all_hosts(local.uri())
            .host("statusUrl", format!("{}/health", other.uri()))
            .build()
            .unwrap(),
    );
    client.status().get().await.unwrap();
    assert_eq!(paths(&other).await, ["/health/status"]);
}

/// With the main host on loopback, an operation of another host still at
/// its production default fails before anything is sent, naming the host
/// and the way out; the vendor here lists no hosts, so only the call can
/// tell. (That a host set by name is then sent where it is set is the
/// runtime's `host::tests`, without a production host to call.)
#[tokio::test]
async fn a_loopback_base_leaves_no_host_at_its_production_default() {
    let local = wire().await;
    let operations = two_hosts("https://production.invalid");
    let client = builder(&generic_e2e::NEUTRAL)
        .base_url(local.uri())
        .build()
        .unwrap();
    let request = client.request::<&str>(operations[1], &[]).unwrap();
    let err = client.execute(request).await.unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput { field, .. } if field == "host `otherUrl`"),
        "{err}"
    );
    assert!(err.to_string().contains("base_url_for_all_hosts"), "{err}");
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert!(paths(&local).await.is_empty());
}

/// A vendor that lists its hosts has the mix refused when the client is
/// built: the main host on loopback with another at its default, or the
/// other way round.
#[test]
fn a_listing_vendor_refuses_the_mix_when_the_client_is_built() {
    let refused = |b: ClientBuilder| b.build().unwrap_err().to_string();
    let main_only = refused(builder(&LISTING).base_url("http://127.0.0.1:9"));
    assert!(main_only.contains("host `filesUrl`"), "{main_only}");
    assert!(
        main_only.contains("https://files.example.com/v2"),
        "{main_only}"
    );
    let other_only = refused(builder(&LISTING).host("filesUrl", "http://127.0.0.1:9"));
    assert!(other_only.contains("base_url"), "{other_only}");
    assert!(
        other_only.contains("https://api.example.com"),
        "{other_only}"
    );
    // Each host set, or none on loopback: built.
    builder(&LISTING)
        .base_url("http://127.0.0.1:9")
        .host("filesUrl", "https://files.example.com/v2")
        .build()
        .unwrap();
    builder(&LISTING)
        .base_url("https://eu.api.example.com")
        .build()
        .unwrap();
    builder(&LISTING)
        .base_url_for_all_hosts("http://127.0.0.1:9")
        .build()
        .unwrap();
}
