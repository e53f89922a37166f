//! The actions on a Multi-Party Call node: look it up, add a user, and hand
//! the call over with a warm or a cold transfer.
//!
//! `cargo run --example node_actions` (a mock unless `PLIVO_AUTH_ID` is set).

use plivo::{
    AddUserRequest, AddUserRequestRequired, Role, TransferRequest, TransferRequestRequired,
};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (client, _mock) = plivo::mock::client_from_env_or_mock().await?;
    let node = client
        .phlo("e564a84a-7910-4447-b16f-65c541dd552c")
        .multi_party_call("b4b48fc2-f47a-4a93-97c3-749ed9a40fa8");

    let details = node.get().await?;
    println!(
        "node {} ({}), created {}",
        details.name, details.node_type, details.created_on
    );

    let customer = AddUserRequest::new(AddUserRequestRequired {
        to: "+14152225555".into(),
        role: Role::Customer,
        trigger_source: "+14152223333".into(),
    });
    println!(
        "add_user: api_id {}",
        node.add_user(&customer).await?.api_id
    );

    let colleague = TransferRequest::new(TransferRequestRequired {
        to: "sip:supervisor@phone.plivo.com".into(),
        role: Role::Agent,
        trigger_source: "+14152223333".into(),
    });
    println!(
        "warm_transfer: api_id {}",
        node.warm_transfer(&colleague).await?.api_id
    );
    println!(
        "cold_transfer: api_id {}",
        node.cold_transfer(&colleague).await?.api_id
    );
    Ok(())
}
