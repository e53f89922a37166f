//! `run`: every case through the generated client, each host of the
//! client moved to the loopback URL the recorder gives it; with a control
//! URL, each case is announced and its recorded requests kept.

use crate::args::Args;
use crate::cases::load;
use crate::operations::host_url;
use crate::{AUTH_ID, AUTH_TOKEN, ops};
use plivo::Client;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// The recorder's ready file.
#[derive(Debug, Deserialize)]
struct Ready {
    control: Option<String>,
    hosts: BTreeMap<String, String>,
}

/// A client whose every host is the loopback URL `hosts` gives it; it
/// fails when a host has none (nothing may be left at its real URL).
pub fn client(hosts: &BTreeMap<String, String>) -> Result<Client, String> {
    let mut builder = Client::builder(AUTH_ID, AUTH_TOKEN);
    for host in plivo::HOSTS {
        let url = hosts
            .get(host_url(host))
            .ok_or_else(|| format!("no loopback URL for host {}", host_url(host)))?;
        builder = builder.host(host.name, url);
    }
    builder.build().map_err(|e| e.to_string())
}

async fn control(http: &reqwest::Client, url: &str, body: Value) -> Result<Value, String> {
    let response = http
        .post(url)
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    let bytes = response.bytes().await.map_err(|e| format!("{url}: {e}"))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{url}: {e}"))
}

/// Runs the cases of `groups` (all when empty); the driver's result file.
pub async fn run(cases_dir: &Path, hosts_file: &Path, groups: &[&str]) -> Result<Value, String> {
    let text = std::fs::read_to_string(hosts_file)
        .map_err(|e| format!("{}: {e}", hosts_file.display()))?;
    let ready: Ready = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let client = client(&ready.hosts)?;
    let http = reqwest::Client::new();
    let mut results = Map::new();
    for table in load(cases_dir)? {
        if !groups.is_empty() && !groups.contains(&table.group.as_str()) {
            continue;
        }
        for case in table.cases {
            if let Some(url) = &ready.control {
                let begin = json!({"case": case.id, "item": case.item});
                control(&http, &format!("{url}/begin"), begin).await?;
            }
            let args = Args::new(&case.id, case.args.clone());
            let mut outcome = match ops::find(&case.id) {
                None => {
                    json!({"outcome": "error", "error": "no Rust call for this case (rust/ops)"})
                }
                Some(build) => match build(&client, &args) {
                    Err(error) => json!({"outcome": "error", "error": error}),
                    Ok(_) if !args.unread().is_empty() => json!({
                        "outcome": "error",
                        "error": format!("the Rust call leaves {:?} unsent", args.unread()),
                    }),
                    Ok(call) => match call.send().await {
                        Ok(()) => json!({"outcome": "ok"}),
                        Err(error) => json!({"outcome": "error", "error": error.to_string()}),
                    },
                },
            };
            if let Some(url) = &ready.control {
                outcome["requests"] = control(&http, &format!("{url}/end"), json!({})).await?;
            }
            results.insert(case.id, outcome);
        }
    }
    Ok(json!({
        "sdk": "rust",
        "package": format!("plivo {} (this workspace)", env!("CARGO_PKG_VERSION")),
        "refused": [],
        "cases": results,
    }))
}
