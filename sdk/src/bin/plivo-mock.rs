//! Runs the mock PHLO API on a chosen port, for curl or any other SDK:
//! `cargo run -p plivo --features mock --bin plivo-mock -- --port 4010`.

use plivo::mock::{MockLimits, MockServer};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: plivo-mock [--port <port>] [--auth-id <id>] [--auth-token <token>]
                  [--max-connections <n>] [--max-body-bytes <n>]
                  [--header-read-timeout <seconds>] [--body-read-timeout <seconds>]
                  [--idle-timeout <seconds>]
Limits default to those of plivo::mock::MockLimits (see the README).";

#[tokio::main]
async fn main() -> ExitCode {
    let mut port = 4010u16;
    let mut auth_id = MockServer::AUTH_ID.to_owned();
    let mut auth_token = MockServer::AUTH_TOKEN.to_owned();
    // Nothing outside this process can read what the mock records: keep none.
    let mut limits = MockLimits::default().with_max_recorded(0);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let Some(value) = args.next() else {
            return usage(&format!("{arg} needs a value"));
        };
        let parsed = match arg.as_str() {
            "--port" => number(&value).map(|p| port = p),
            "--auth-id" => {
                auth_id = value;
                Ok(())
            }
            "--auth-token" => {
                auth_token = value;
                Ok(())
            }
            flag => limit(limits.clone(), flag, &value).map(|l| limits = l),
        };
        if let Err(problem) = parsed {
            return usage(&problem);
        }
    }
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mock = match MockServer::bind_with(addr, &auth_id, &auth_token, limits).await {
        Ok(mock) => mock,
        Err(e) => {
            eprintln!("error: cannot start the mock on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "mock PHLO API on {} (auth id {auth_id}, auth token {auth_token})",
        mock.base_url()
    );
    println!(
        "try: curl -u {auth_id}:{auth_token} {}/v1/phlo/e564a84a-7910-4447-b16f-65c541dd552c",
        mock.base_url()
    );
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

/// `limits` with the one named by `flag` set to `value`.
fn limit(limits: MockLimits, flag: &str, value: &str) -> Result<MockLimits, String> {
    Ok(match flag {
        "--max-connections" => limits.with_max_connections(number(value)?),
        "--max-body-bytes" => limits.with_max_body_bytes(number(value)?),
        "--header-read-timeout" => limits.with_header_read_timeout(seconds(value)?),
        "--body-read-timeout" => limits.with_body_read_timeout(seconds(value)?),
        "--idle-timeout" => limits.with_idle_timeout(seconds(value)?),
        _ => return Err(format!("unexpected argument {flag}")),
    })
}

fn number<T: std::str::FromStr>(value: &str) -> Result<T, String> {
    value.parse().map_err(|_| format!("not a number: {value}"))
}

/// Seconds, fractions allowed: `0.5`.
fn seconds(value: &str) -> Result<Duration, String> {
    value
        .parse()
        .ok()
        .and_then(|s: f64| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| format!("not a duration in seconds: {value}"))
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\n{USAGE}");
    ExitCode::from(2)
}
