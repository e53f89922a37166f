//! Several hosts in one collection, from the generator's `hosts` fixture
//! called against two local servers: each operation goes to its own host,
//! each host is overridden on its own, a host's variable is its name, and
//! credentials go only to the host of the operation that carries them.
//! Fake credentials only.

use generic_e2e::fixtures::hosts::{self, api};
use postman_runtime::{
    ClientBuilder, Delivery, ErrorKind, Host, Method, Operation, PathPart, RetryPolicy, Vendor,
};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const USER: &str = "fake-user";
const PASSWORD: &str = "fake-password-5c1d";

/// A server that answers every request 200 with `body`.
async fn server(body: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

fn builder(vendor: &'static dyn Vendor) -> ClientBuilder {
    ClientBuilder::for_vendor(vendor)
        .basic_auth(USER, PASSWORD)
        .retry(RetryPolicy::none())
}

async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap()
}

fn authorization(request: &Request) -> Option<&str> {
    request
        .headers
        .get("authorization")
        .map(|v| v.to_str().unwrap())
}

/// The neutral vendor, but listing the fixture's hosts, as a vendor crate
/// does: names it does not list are refused.
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

#[test]
fn the_module_lists_each_host_by_its_variable_with_its_default() {
    let names: Vec<_> = api::HOSTS.iter().map(|h| (h.name, h.default_url)).collect();
    assert_eq!(
        names,
        [
            ("https://api.example.com", Some("https://api.example.com")),
            ("filesUrl", Some("https://files.example.com/v2")),
            ("statusUrl", None),
        ]
    );
    assert_eq!(api::DEFAULT_BASE_URL, api::HOSTS[0].default_url);
    assert!(api::operations::WIDGET_GET.host.main);
    assert_eq!(api::operations::BUCKET_FILE_GET.host, api::HOSTS[1]);
}

/// Two servers, one per host: every call lands on its operation's host
/// only, with the Basic credentials its collection auth gives it there,
/// and the `noauth` item (on the second server) carries none.
#[tokio::test]
async fn each_operation_goes_to_its_own_host_with_its_own_credentials() {
    let main = server(serde_json::json!({"id": "w1"})).await;
    let files = server(serde_json::json!({"name": "report.pdf", "size": 12, "up": true})).await;
    let client = hosts::Client(
        builder(&generic_e2e::NEUTRAL)
            .base_url(main.uri())
            .host("filesUrl", files.uri())
            .host("statusUrl", format!("{}/health", files.uri()))
            .build()
            .unwrap(),
    );
    client.widget("w1").get().await.unwrap();
    // A path piece written as a collection variable is a parameter.
    client.bucket("b1").file("report.pdf").get().await.unwrap();
    client.status().get().await.unwrap();

    let on_main = received(&main).await;
    let paths: Vec<_> = on_main.iter().map(|r| r.url.path().to_owned()).collect();
    assert_eq!(paths, ["/v1/widgets/w1"]);
    assert!(authorization(&on_main[0]).is_some_and(|a| a.starts_with("Basic ")));

    let on_files = received(&files).await;
    let paths: Vec<_> = on_files.iter().map(|r| r.url.path().to_owned()).collect();
    assert_eq!(paths, ["/buckets/b1/files/report.pdf", "/health/status"]);
    assert!(authorization(&on_files[0]).is_some_and(|a| a.starts_with("Basic ")));
    assert_eq!(authorization(&on_files[1]), None, "noauth sends nothing");
}

/// Overriding one host moves only its operations: with the second host
/// pointed at the main server too, the main host's override still holds,
/// and the other server sees nothing.
#[tokio::test]
async fn each_host_is_overridden_on_its_own() {
    let main = server(serde_json::json!({"id": "w1", "name": "f", "size": 1})).await;
    let idle = server(serde_json::json!({})).await;
    let client = hosts::Client(
        builder(&generic_e2e::NEUTRAL)
            .base_url(main.uri())
            .host("filesUrl", format!("{}/mirror", main.uri()))
            .build()
            .unwrap(),
    );
    client.widget("w1").get().await.unwrap();
    client.bucket("b2").file("f").get().await.unwrap();
    let paths: Vec<_> = received(&main)
        .await
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(paths, ["/v1/widgets/w1", "/mirror/buckets/b2/files/f"]);
    assert!(received(&idle).await.is_empty());
}

/// A host the spec gives no URL for, left unset, fails before anything is
/// sent, naming the host; no other host gets the request instead.
#[tokio::test]
async fn a_host_without_a_url_fails_before_sending() {
    let main = server(serde_json::json!({"up": true})).await;
    let client = hosts::Client(
        builder(&generic_e2e::NEUTRAL)
            .base_url(main.uri())
            .build()
            .unwrap(),
    );
    let err = client.status().get().await.unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput { field, .. } if field == "host `statusUrl`"),
        "{err}"
    );
    assert_eq!(err.delivery(), Delivery::NotSent);
    assert!(received(&main).await.is_empty());
}

/// Each override obeys the base URL's rules: no plain http but to
/// loopback, no user info; and a vendor that lists its hosts refuses a name
/// it does not list, while the main host's name sets the base URL.
#[tokio::test]
async fn overrides_are_checked_and_named() {
    let refused = |b: ClientBuilder| b.build().unwrap_err().to_string();
    let plain = refused(builder(&LISTING).host("filesUrl", "http://files.example.com"));
    assert!(plain.contains("plain http"), "{plain}");
    let userinfo = refused(builder(&LISTING).host("filesUrl", "https://u:p@files.example.com"));
    assert!(userinfo.contains("user info"), "{userinfo}");
    let typo = refused(builder(&LISTING).host("fileUrl", "https://files.example.com"));
    assert!(typo.contains("no host called `fileUrl`"), "{typo}");

    let main = server(serde_json::json!({"id": "w1"})).await;
    let client = hosts::Client(
        builder(&LISTING)
            .host("https://api.example.com", main.uri())
            // With the main host on loopback, the other listed one must be
            // set too (`hosts_local.rs`).
            .host("filesUrl", main.uri())
            .build()
            .unwrap(),
    );
    assert_eq!(client.base_url(), main.uri());
    client.widget("w1").get().await.unwrap();
    assert_eq!(received(&main).await.len(), 1);
}

/// A host left at the spec's default goes there, not to the main host; a
/// default that breaks the rules (plain http to another machine) is
/// refused at the call, before anything is sent. The descriptors are built
/// by hand, as generated code builds them, to point the default at a local
/// server.
#[tokio::test]
async fn a_host_left_at_its_default_goes_there_not_to_the_main_host() {
    let main = server(serde_json::json!({})).await;
    let other = server(serde_json::json!({})).await;
    let default: &'static str = Box::leak(format!("{}/api", other.uri()).into_boxed_str());
    let on_other: &'static Operation = Box::leak(Box::new(
        Operation::new("ping", Method::GET, &[PathPart::Literal("/ping")])
            .host(Host::new("otherUrl", Some(default))),
    ));
    let client = builder(&generic_e2e::NEUTRAL)
        .base_url(main.uri())
        .build()
        .unwrap();
    let request = client.request::<&str>(on_other, &[]).unwrap();
    client.execute(request).await.unwrap();
    let paths: Vec<_> = received(&other)
        .await
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(paths, ["/api/ping"]);
    assert!(received(&main).await.is_empty());

    static CLEAR: Operation = Operation::new("clear", Method::GET, &[PathPart::Literal("/x")])
        .auth(postman_runtime::Auth::Basic)
        .host(Host::new("clearUrl", Some("http://files.example.com")));
    let request = client.request::<&str>(&CLEAR, &[]).unwrap();
    let err = client.execute(request).await.unwrap_err();
    assert!(err.to_string().contains("plain http"), "{err}");
    assert_eq!(err.delivery(), Delivery::NotSent);
}
