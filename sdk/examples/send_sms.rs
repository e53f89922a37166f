//! Sends an SMS.
//!
//! `cargo run --example send_sms`. With no `PLIVO_AUTH_ID` set it talks to
//! a mock of the API started in-process, so it works with no account. With
//! `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN` set it sends a real message
//! (billed) from `PLIVO_SRC` to `PLIVO_DST`.

use plivo::{MessageCreateRequest, MessageCreateRequestRequired};

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

    let request = MessageCreateRequest::new(MessageCreateRequestRequired {
        dst: setting("PLIVO_DST", "14152225555"),
    })
    .with_src(setting("PLIVO_SRC", "14152223333"))
    .with_text("Hello from Rust");
    let sent = client.messages().create(&request).await?;

    if let Some(mock) = &mock {
        for sent in mock.requests() {
            let body = sent.body.map(|b| b.to_string()).unwrap_or_default();
            println!("sent: {} {} {body}", sent.method, sent.path);
        }
    }
    println!("{}: {}", sent.message, sent.message_uuid.join(", "));
    Ok(())
}
