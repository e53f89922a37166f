//! The auth token never appears in `Debug`, `Display`, error messages or logs.

use plivo::{AddUserRequest, Client, ClientBuilder, RetryPolicy};
use plivo_e2e::fault_server::{FaultServer, Step, answer, json};
use plivo_e2e::{AUTH_ID, add_user_request, refused_base_url};
use std::time::Duration;

const TOKEN: &str = "tok-VERY-SECRET-4242";

fn client(base: &str) -> Client {
    builder(base).build().unwrap()
}

fn builder(base: &str) -> ClientBuilder {
    Client::builder(AUTH_ID, TOKEN)
        .base_url_for_all_hosts(base)
        .retry(RetryPolicy::none())
        .attempt_timeout(Duration::from_millis(300))
        .max_response_bytes(64)
}

fn body(to: &str) -> AddUserRequest {
    let mut body = add_user_request();
    body.to = to.into();
    body
}

#[tokio::test]
async fn no_error_variant_and_no_debug_output_shows_the_token() {
    let refused = refused_base_url();
    let servers = [
        FaultServer::start(
            vec![],
            Step::Respond(json(500, r#"{"api_id": "a", "error": "boom"}"#)),
        )
        .await,
        FaultServer::start(vec![], Step::Respond(json(201, "not json"))).await,
        FaultServer::start(vec![], Step::Respond(json(201, &"x".repeat(100)))).await,
        FaultServer::start(
            vec![],
            Step::Delay(Duration::from_secs(2), answer(201, &[], b"")),
        )
        .await,
        FaultServer::start(
            vec![],
            Step::Delay(Duration::from_secs(2), answer(201, &[], b"")),
        )
        .await,
        FaultServer::start(vec![], Step::ResetAfterRequest).await,
    ];
    let mut rendered = Vec::new();
    let mut kinds = Vec::new();
    for (i, base) in servers
        .iter()
        .map(FaultServer::uri)
        .chain([refused])
        .enumerate()
    {
        // The fourth server stalls past the attempt limit, the fifth past the
        // whole call's deadline.
        let client = match i {
            4 => builder(&base)
                .timeout(Duration::from_millis(200))
                .build()
                .unwrap(),
            _ => client(&base),
        };
        let err = client
            .phlo("p")
            .multi_party_call("n")
            .add_user(&body("+14152225555"))
            .await
            .unwrap_err();
        kinds.push(format!("{:?}", std::mem::discriminant(err.kind())));
        rendered.push(format!("{err} | {err:?} | {:?}", err.kind()));
        rendered.push(format!(
            "{client:?} | {:?}",
            client.phlo("p").multi_party_call("n").member("1")
        ));
    }
    // Invalid input, from an argument and from a setting.
    let client = client(&servers[0].uri());
    let err = client
        .phlo("p")
        .multi_party_call("n")
        .add_user(&body("nope"))
        .await
        .unwrap_err();
    kinds.push(format!("{:?}", std::mem::discriminant(err.kind())));
    rendered.push(format!("{err} | {err:?}"));
    let err = builder("http://example.com").build().unwrap_err();
    rendered.push(format!("{err} | {err:?}"));
    rendered.push(format!("{:?}", builder("http://127.0.0.1:1")));
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds.len(),
        6,
        "every ErrorKind variant is rendered: {kinds:?}"
    );
    for text in rendered {
        assert!(!text.contains(TOKEN), "token leaked: {text}");
        assert!(!text.contains("VERY-SECRET"), "token leaked: {text}");
    }
}
