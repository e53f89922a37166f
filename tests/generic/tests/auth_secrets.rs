//! No credential of any kind shows in `Debug` of builder, client or request,
//! nor in any error: an API key or token in the query included (URLs are
//! never shown).

use generic_e2e::fixtures::auth::{self, api};
use generic_e2e::{NEUTRAL, refused_base_url};
use postman_runtime::{
    ClientBuilder, RetryPolicy, SignRequest, Signer, TokenFuture, TokenProvider,
};
use std::time::Duration;
use wiremock::{Mock, MockServer, ResponseTemplate};

const SECRETS: [&str; 4] = [
    "fake-key-SECRET-1",
    "fake-token-SECRET-2",
    "fake-password-SECRET-3",
    "fake-provided-SECRET-4",
];

struct Provider;

impl TokenProvider for Provider {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async { Ok(SECRETS[3].to_owned()) })
    }
}

struct Signing;

impl Signer for Signing {
    fn sign(
        &self,
        request: &mut SignRequest<'_>,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        request.set_header("x-signature", SECRETS[0])?;
        request.append_query("sig", SECRETS[1]);
        Ok(())
    }
}

fn fixed(base: &str) -> ClientBuilder {
    ClientBuilder::for_vendor(&NEUTRAL)
        .base_url(base)
        .retry(RetryPolicy::none())
        .attempt_timeout(Duration::from_millis(100))
        .basic_auth("someone", SECRETS[2])
        .bearer_token(SECRETS[1])
        .api_key(SECRETS[0])
}

fn provided(base: &str) -> ClientBuilder {
    ClientBuilder::for_vendor(&NEUTRAL)
        .base_url(base)
        .retry(RetryPolicy::none())
        .attempt_timeout(Duration::from_millis(100))
        .token_provider(Provider)
        .signer(Signing)
        .api_key(SECRETS[0])
}

/// Every failing call of the query-carrying operations, rendered.
async fn failures(client: &auth::Client) -> Vec<String> {
    let params = api::SearchGetParams::new().with_q("q");
    let mut out = Vec::new();
    let errors = [
        client.search().get(&params).await.unwrap_err(),
        client.me().get_query().await.unwrap_err(),
        client.me().get().await.unwrap_err(),
        client
            .upload("u")
            .replace(&api::UploadReplaceRequest::new(
                api::UploadReplaceRequestRequired { name: "n".into() },
            ))
            .await
            .unwrap_err(),
    ];
    for err in errors {
        out.push(format!("{err} | {err:?} | {:?}", err.kind()));
    }
    out
}

#[tokio::test]
async fn no_credential_in_debug_or_errors() {
    let failing = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(500).set_body_string("boom"))
        .mount(&failing)
        .await;
    let stalling = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_millis(400)))
        .mount(&stalling)
        .await;
    let mut rendered = Vec::new();
    for base in [failing.uri(), stalling.uri(), refused_base_url()] {
        for builder in [fixed(&base), provided(&base)] {
            rendered.push(format!("{builder:?}"));
            let client = auth::Client(builder.build().unwrap());
            rendered.push(format!("{client:?}"));
            let request = client
                .0
                .request(&auth::api::operations::SEARCH_GET, &[] as &[&str])
                .unwrap();
            rendered.push(format!("{request:?}"));
            rendered.extend(failures(&client).await);
        }
    }
    // Refused settings name the credential, never its value.
    for builder in [
        fixed("http://127.0.0.1:1").api_key(format!("{}\n", SECRETS[0])),
        fixed("http://127.0.0.1:1").bearer_token(format!("{}\u{7}", SECRETS[1])),
    ] {
        let err = builder.build().unwrap_err();
        rendered.push(format!("{err} | {err:?}"));
    }
    assert!(rendered.len() > 30);
    for text in &rendered {
        for secret in SECRETS {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        assert!(!text.contains("SECRET"), "leaked: {text}");
    }
    // What Debug does say: which kinds are set.
    let shown = format!("{:?}", fixed("http://127.0.0.1:1"));
    assert!(
        shown.contains("bearer_token") && shown.contains("api_key"),
        "{shown}"
    );
}
