//! Runs the mock PHLO API on a chosen port, for curl or any other SDK:
//! `cargo run -p plivo --features mock --bin plivo-mock -- --port 4010`,
//! with faults scripted from the command line (`--inject`).

use plivo::mock::{MockLimits, MockResponse, MockServer};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: plivo-mock [--port <port>] [--auth-id <id>] [--auth-token <token>]
                  [--max-connections <n>] [--max-body-bytes <n>]
                  [--header-read-timeout <seconds>] [--body-read-timeout <seconds>]
                  [--idle-timeout <seconds>]
                  [--inject <operation>:<fault>[,<fault>...]]...
Limits default to those of plivo::mock::MockLimits (see the README).
--inject answers the operation's next calls (times=N, default 1) with
status=<code> [retry-after=<seconds>], or the spec's example after
delay-ms=<ms>, or reset (the connection, once the request is read); e.g.
--inject add_user:status=429,retry-after=1  --inject hold:reset,times=2";

#[tokio::main]
async fn main() -> ExitCode {
    let mut port = 4010u16;
    let mut auth_id = MockServer::AUTH_ID.to_owned();
    let mut auth_token = MockServer::AUTH_TOKEN.to_owned();
    // Nothing outside this process can read what the mock records: keep none.
    let mut limits = MockLimits::default().with_max_recorded(0);
    let mut injections = Vec::new();
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
            "--inject" => injection(&value).map(|i| injections.push(i)),
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
    for (operation, times, response) in injections {
        if let Err(unknown) = mock.try_respond_next(&operation, times, response) {
            return usage(&unknown.to_string());
        }
    }
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

/// `operation:fault,...` as the operation, how many calls, and the answer.
fn injection(value: &str) -> Result<(String, usize, MockResponse), String> {
    let (operation, faults) = value
        .split_once(':')
        .ok_or_else(|| format!("--inject needs <operation>:<fault>: {value}"))?;
    let (mut times, mut status, mut retry_after, mut reset) = (1, None, None, false);
    let mut delay = Duration::ZERO;
    // Any order: the answer is built once every fault is read.
    for fault in faults.split(',') {
        let (key, arg) = fault.split_once('=').unwrap_or((fault, ""));
        match key {
            "times" => times = number(arg)?,
            "status" => status = Some(number(arg)?),
            "retry-after" => retry_after = Some(arg),
            "delay-ms" => delay = Duration::from_millis(number(arg)?),
            "reset" => reset = true,
            _ => return Err(format!("unknown fault {fault:?} in --inject {value}")),
        }
    }
    let mut response = match (reset, status) {
        (true, _) => MockResponse::reset(),
        (false, Some(status)) => MockResponse::status(status),
        (false, None) => MockResponse::example(),
    };
    if let Some(seconds) = retry_after {
        response = response.header("Retry-After", seconds);
    }
    Ok((operation.to_owned(), times, response.delay(delay)))
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
