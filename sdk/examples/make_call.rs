//! Makes an outbound call.
//!
//! `cargo run --example make_call`. With no `PLIVO_AUTH_ID` set it talks to
//! a mock of the API started in-process, so it works with no account. With
//! `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN` set it places a real call (billed)
//! from `PLIVO_FROM` to `PLIVO_TO`; Plivo fetches what to do when it is
//! answered from `PLIVO_ANSWER_URL` (Plivo XML).

use plivo::{MakeCallRequest, MakeCallRequestRequired};

/// A setting from the environment, or an example value for the mock.
fn setting(name: &str, example: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| example.to_owned())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (client, mock) = plivo::mock::client_from_env_or_mock().await?;
    match &mock {
        Some(mock) => println!(
            "No PLIVO_AUTH_ID set: using a mock API at {}",
            mock.base_url()
        ),
        None => println!("Calling Plivo at {}", client.base_url()),
    }

    let request = MakeCallRequest::new(MakeCallRequestRequired {
        from: setting("PLIVO_FROM", "14152223333"),
        to: setting("PLIVO_TO", "14152225555"),
        answer_url: setting("PLIVO_ANSWER_URL", "https://example.com/answer.xml"),
    });
    let call = client.calls().create(&request).await?;

    if let Some(mock) = &mock {
        for sent in mock.requests() {
            let body = sent.body.map(|b| b.to_string()).unwrap_or_default();
            println!("sent: {} {} {body}", sent.method, sent.path);
        }
    }
    println!("{}: request {}", call.message, call.request_uuid);
    Ok(())
}
