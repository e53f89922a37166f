//! Adds a user to a Multi-Party Call.
//!
//! `cargo run --example quickstart`. With no `PLIVO_AUTH_ID` set it talks to
//! a mock of the API started in-process, so it works with no account. With
//! `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN` set it calls Plivo (set
//! `PLIVO_BASE_URL` to go elsewhere) and reads the call's details from
//! `PLIVO_PHLO_ID`, `PLIVO_NODE_ID`, `PLIVO_TO` and `PLIVO_TRIGGER_SOURCE`.

use plivo::{AddUserRequest, AddUserRequestRequired, Role};

/// A setting from the environment, or the spec's example value.
fn setting(name: &str, example: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| example.to_owned())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (client, mock) = plivo::mock::client_from_env_or_mock().await?;
    match &mock {
        Some(mock) => println!(
            "No PLIVO_AUTH_ID set: using a mock PHLO API at {}",
            mock.base_url()
        ),
        None => println!("Calling Plivo at {}", client.base_url()),
    }

    let phlo_id = setting("PLIVO_PHLO_ID", "e564a84a-7910-4447-b16f-65c541dd552c");
    let node_id = setting("PLIVO_NODE_ID", "b4b48fc2-f47a-4a93-97c3-749ed9a40fa8");
    let request = AddUserRequest::new(AddUserRequestRequired {
        to: setting("PLIVO_TO", "+14152225555"),
        role: Role::Agent,
        trigger_source: setting("PLIVO_TRIGGER_SOURCE", "+14152223333"),
    });
    let response = client
        .phlo(&phlo_id)
        .multi_party_call(&node_id)
        .add_user(&request)
        .await?;

    if let Some(mock) = &mock {
        for sent in mock.requests() {
            let body = sent.body.map(|b| b.to_string()).unwrap_or_default();
            println!("sent: {} {} {body}", sent.method, sent.path);
        }
    }
    println!("response: {response:#?}");
    Ok(())
}
