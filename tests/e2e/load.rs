//! Load: 20,000 calls at concurrency 256 through one client against a local
//! server. Every call is answered, the server saw each request exactly once,
//! and nothing failed.

use plivo::{AddUserRequest, AddUserRequestRequired, Client, Role};
use plivo_e2e::fault_server::{FaultServer, Step, json};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN};
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

const CALLS: usize = 20_000;
const CONCURRENCY: usize = 256;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_thousand_calls_at_concurrency_256() {
    let ok = Step::Respond(json(201, r#"{"api_id": "ok", "error": ""}"#));
    let server = FaultServer::start(vec![], ok).await;
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .build()
        .unwrap();
    let next = Arc::new(AtomicUsize::new(0));
    let succeeded = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (client, next, succeeded) = (client.clone(), Arc::clone(&next), Arc::clone(&succeeded));
        workers.push(tokio::spawn(async move {
            let mut errors = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= CALLS {
                    return errors;
                }
                let body = AddUserRequest::new(AddUserRequestRequired {
                    to: format!("+1415{i:07}"),
                    role: Role::Agent,
                    trigger_source: "+14152223333".into(),
                });
                match client.phlo("p").multi_party_call("n").add_user(&body).await {
                    Ok(_) => {
                        succeeded.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(e) => errors.push(e.to_string()),
                }
            }
        }));
    }
    let mut errors = Vec::new();
    for worker in workers {
        errors.extend(worker.await.unwrap());
    }
    assert!(
        errors.is_empty(),
        "{} errors, first: {:?}",
        errors.len(),
        errors.first()
    );
    assert_eq!(succeeded.load(Ordering::Relaxed), CALLS);
    assert_eq!(server.requests(), CALLS);
    let distinct: HashSet<String> = server
        .bodies()
        .iter()
        .map(|b| {
            let v: serde_json::Value = serde_json::from_slice(b).unwrap();
            v["to"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(distinct.len(), CALLS, "a request was duplicated or lost");
}
