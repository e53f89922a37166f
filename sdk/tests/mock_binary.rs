//! The `plivo-mock` binary serves the API on the port it is given, for curl
//! or any other language's SDK.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the server when the test ends, pass or fail.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn serves_on_the_chosen_port() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let _server = Running(
        Command::new(env!("CARGO_BIN_EXE_plivo-mock"))
            .args(["--port", &port.to_string()])
            .stdout(Stdio::null())
            .spawn()
            .expect("the binary starts"),
    );
    let url = format!("http://127.0.0.1:{port}/v1/phlo/e564a84a-7910-4447-b16f-65c541dd552c");
    let http = reqwest::Client::new();
    let started = Instant::now();
    let response = loop {
        let attempt = http
            .get(&url)
            .basic_auth(
                plivo::mock::MockServer::AUTH_ID,
                Some(plivo::mock::MockServer::AUTH_TOKEN),
            )
            .send()
            .await;
        match attempt {
            Ok(response) => break response,
            Err(_) if started.elapsed() < Duration::from_secs(20) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(e) => panic!("the mock never answered: {e}"),
        }
    };
    assert_eq!(response.status().as_u16(), 200);
    let text = response.text().await.unwrap_or_default();
    let body: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(body["name"], "assignment_mpc");
}
