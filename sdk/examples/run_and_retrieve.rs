//! Look a PHLO up, then run it with the variables its Start node expects.
//!
//! `cargo run --example run_and_retrieve` (a mock unless `PLIVO_AUTH_ID` is set).

use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (client, _mock) = plivo::mock::client_from_env_or_mock().await?;
    let phlo = client.phlo("e564a84a-7910-4447-b16f-65c541dd552c");

    let details = phlo.get().await?;
    let created = details.created_on.unix_timestamp().unwrap_or_default();
    println!(
        "PHLO {} ({}), created at unix time {created}",
        details.name, details.phlo_id
    );

    // Keys go out exactly as written: `phoneMeNumber` stays `phoneMeNumber`.
    let variables =
        json!({"from": "+14152223333", "to": "+14152225555", "phoneMeNumber": "+14155551234"});
    let run = phlo.run(variables.as_object()).await?;
    println!("run: api_id {}, message: {}", run.api_id, run.message);
    Ok(())
}
