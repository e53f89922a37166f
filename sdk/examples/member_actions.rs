//! The actions on one member of a Multi-Party Call: hold and unhold, drop a
//! voicemail, resume or abort a transfer, hang up.
//!
//! `cargo run --example member_actions` (a mock unless `PLIVO_AUTH_ID` is set).

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (client, _mock) = plivo::mock::client_from_env_or_mock().await?;
    let member = client
        .phlo("e564a84a-7910-4447-b16f-65c541dd552c")
        .multi_party_call("b4b48fc2-f47a-4a93-97c3-749ed9a40fa8")
        .member("+14155551234");

    println!("hold: api_id {}", member.hold().await?.api_id);
    println!("unhold: api_id {}", member.unhold().await?.api_id);
    println!(
        "voicemail_drop: api_id {}",
        member.voicemail_drop().await?.api_id
    );
    println!("resume_call: api_id {}", member.resume_call().await?.api_id);
    println!(
        "abort_transfer: api_id {}",
        member.abort_transfer().await?.api_id
    );
    println!("hangup: api_id {}", member.hangup().await?.api_id);
    Ok(())
}
