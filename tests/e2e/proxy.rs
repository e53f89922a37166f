//! Proxies from the environment: never for a loopback target, so credentials
//! sent over plain http never reach a proxy; a CONNECT tunnel for an https
//! target still works.
//!
//! Proxy variables are process-wide, so each case runs in a child process:
//! this test binary again, filtered to the one test, with the variables set
//! for it alone. The fake proxy lives in the parent and counts what reaches it.

use plivo::{Client, RetryPolicy};
use plivo_e2e::fault_server::{FaultServer, Step, json};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, add_seed_user};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Set in the child; names the case it runs.
const CHILD: &str = "PLIVO_E2E_PROXY_CHILD";

/// Every variable curl and reqwest read for a proxy, and those that exempt hosts.
const PROXY_VARS: [&str; 6] = [
    "http_proxy",
    "HTTP_PROXY",
    "https_proxy",
    "HTTPS_PROXY",
    "all_proxy",
    "ALL_PROXY",
];
const NO_PROXY_VARS: [&str; 2] = ["no_proxy", "NO_PROXY"];

/// A proxy on 127.0.0.1 that records the bytes of each connection's first
/// message and refuses it with a 502.
struct FakeProxy {
    uri: String,
    received: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl FakeProxy {
    async fn start() -> FakeProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let uri = format!("http://{}", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&received);
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let log = Arc::clone(&log);
                tokio::spawn(async move {
                    let mut seen = Vec::new();
                    let mut buf = [0u8; 4096];
                    while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                        match stream.read(&mut buf).await {
                            Ok(0) | Err(_) => break,
                            Ok(n) => seen.extend_from_slice(&buf[..n]),
                        }
                    }
                    log.lock().unwrap().push(seen);
                    let refusal = b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
                    let _ = stream.write_all(refusal).await;
                });
            }
        });
        FakeProxy { uri, received }
    }

    fn received(&self) -> Vec<String> {
        let all = self.received.lock().unwrap();
        all.iter()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .collect()
    }
}

/// Runs `case` in a child process with every proxy variable pointing at
/// `proxy` and no exemptions; true when the child's checks passed.
async fn run_child(case: &str, proxy: &FakeProxy) -> bool {
    let name = format!("proxy::{case}");
    let mut command = std::process::Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", &name, "--test-threads=1"])
        .env(CHILD, case);
    for var in PROXY_VARS {
        command.env(var, &proxy.uri);
    }
    for var in NO_PROXY_VARS {
        command.env_remove(var);
    }
    let output = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    // The child must have run the case, not filtered it out.
    assert!(
        stdout.contains("1 passed") || !output.status.success(),
        "{stdout}"
    );
    if !output.status.success() {
        eprintln!("{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    }
    output.status.success()
}

fn in_child(case: &str) -> bool {
    std::env::var(CHILD).is_ok_and(|c| c == case)
}

#[tokio::test]
async fn a_loopback_base_is_never_proxied() {
    const CASE: &str = "a_loopback_base_is_never_proxied";
    if in_child(CASE) {
        let server = FaultServer::start(
            vec![],
            Step::Respond(json(201, r#"{"api_id": "a", "error": ""}"#)),
        )
        .await;
        let client = Client::builder(AUTH_ID, AUTH_TOKEN)
            .base_url_for_all_hosts(server.uri())
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        add_seed_user(&client).await.unwrap();
        assert_eq!(server.requests(), 1);
        return;
    }
    let proxy = FakeProxy::start().await;
    let passed = run_child(CASE, &proxy).await;
    assert_eq!(
        proxy.received(),
        Vec::<String>::new(),
        "the proxy saw the request"
    );
    assert!(passed, "the server did not get the request directly");
}

#[tokio::test]
async fn an_https_base_goes_through_a_connect_tunnel_without_credentials_in_clear() {
    const CASE: &str = "an_https_base_goes_through_a_connect_tunnel_without_credentials_in_clear";
    if in_child(CASE) {
        // Never resolved: with a proxy, only the proxy is connected to.
        let client = Client::builder(AUTH_ID, AUTH_TOKEN)
            .base_url_for_all_hosts("https://api.plivo.invalid")
            .retry(RetryPolicy::none())
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap();
        let err = add_seed_user(&client).await.unwrap_err();
        assert_eq!(err.delivery(), plivo::Delivery::NotSent, "{err:?}");
        return;
    }
    let proxy = FakeProxy::start().await;
    let passed = run_child(CASE, &proxy).await;
    let received = proxy.received();
    assert_eq!(received.len(), 1, "{received:?}");
    assert!(
        received[0].starts_with("CONNECT api.plivo.invalid:443 "),
        "{received:?}"
    );
    assert!(
        !received[0].to_ascii_lowercase().contains("authorization"),
        "{received:?}"
    );
    assert!(passed);
}
