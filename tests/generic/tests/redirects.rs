//! A redirect never carries a credential to another host: not with the
//! runtime's own HTTP client, and not with one built from the caller's
//! reqwest builder that follows redirects (reqwest itself drops only
//! `Authorization` and cookies on a redirect to another host, not an
//! API-key header or a call's extra headers). Two servers on 127.0.0.1,
//! the first answering every request with a redirect to the second, on
//! another port. Fake credentials only.

use generic_e2e::NEUTRAL;
use generic_e2e::fixtures::auth::{self, api};
use postman_runtime::{ClientBuilder, ErrorKind, RetryPolicy};
use wiremock::{Mock, MockServer, ResponseTemplate};

const API_KEY: &str = "fake-api-key-redirected";
const TOKEN: &str = "fake-token-redirected";
const EXTRA: &str = "fake-extra-redirected";

/// The server redirected to, answering 200 to anything, and the one
/// redirecting there with `status`.
async fn servers(status: u16) -> (MockServer, MockServer) {
    let elsewhere = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "w1"})))
        .mount(&elsewhere)
        .await;
    let redirecting = MockServer::start().await;
    let location = format!("{}/landed", elsewhere.uri());
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(status).insert_header("location", location.as_str()))
        .mount(&redirecting)
        .await;
    assert_ne!(redirecting.address().port(), elsewhere.address().port());
    (redirecting, elsewhere)
}

fn builder(redirecting: &MockServer) -> ClientBuilder {
    ClientBuilder::for_vendor(&NEUTRAL)
        .base_url(redirecting.uri())
        .retry(RetryPolicy::none())
        .basic_auth("someone", "fake-password-redirected")
        .bearer_token(TOKEN)
        .api_key(API_KEY)
}

/// Calls with an API-key header, a bearer token and Basic auth, each with
/// an extra header, and checks that each call ends with the redirect as
/// its answer and that the other server saw nothing at all.
async fn nothing_reaches_the_other_host(client: auth::Client, status: u16, elsewhere: &MockServer) {
    let errors = [
        client
            .widget("w1")
            .get()
            .header("x-extra", EXTRA)
            .await
            .unwrap_err(),
        client
            .orders()
            .get(&api::OrdersGetParams::default())
            .header("x-extra", EXTRA)
            .await
            .unwrap_err(),
        client
            .legacy()
            .get()
            .header("x-extra", EXTRA)
            .await
            .unwrap_err(),
    ];
    for error in errors {
        assert!(
            matches!(error.kind(), ErrorKind::Api { status: s, .. } if s.as_u16() == status),
            "{error:?}"
        );
    }
    let seen = elsewhere.received_requests().await.unwrap();
    for request in &seen {
        for name in ["x-api-key", "authorization", "x-extra"] {
            assert!(
                request.headers.get(name).is_none(),
                "{status}: `{name}` reached the other host"
            );
        }
    }
    assert!(
        seen.is_empty(),
        "{status}: {} requests followed",
        seen.len()
    );
}

#[tokio::test]
async fn the_runtime_s_own_client_follows_no_redirect() {
    for status in [301, 302, 303, 307, 308] {
        let (redirecting, elsewhere) = servers(status).await;
        let client = auth::Client(builder(&redirecting).build().unwrap());
        nothing_reaches_the_other_host(client, status, &elsewhere).await;
    }
}

#[tokio::test]
async fn a_caller_s_client_that_follows_redirects_follows_none_here() {
    for status in [301, 302, 303, 307, 308] {
        let (redirecting, elsewhere) = servers(status).await;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::limited(10))
            .no_proxy();
        let client = auth::Client(builder(&redirecting).http_client(http).build().unwrap());
        nothing_reaches_the_other_host(client, status, &elsewhere).await;
    }
}
