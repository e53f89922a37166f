//! Runs the mock Plivo API on a chosen port, for curl or any other SDK:
//! `cargo run -p plivo --features mock --bin plivo-mock -- --port 4010`,
//! with faults scripted from the command line (`--inject`).

use plivo::mock::{MockLimits, MockResponse, MockServer};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

/// Every flag, a line each; `--help` prints it to stdout, a usage error to
/// stderr after the problem.
const USAGE: &str = "usage: plivo-mock [<flag> <value>]...
Serves Plivo's API from the spec on 127.0.0.1 until killed.
  --port <port>                     port to serve on (default 4010; 0: a free one)
  --auth-id <id>                    auth id Basic auth must carry (default MAMOCKMOCKMOCKMOCK00)
  --auth-token <token>              auth token it must carry (default mock-auth-token); the one given is never printed
  --max-connections <n>             connections served at once
  --max-body-bytes <n>              largest request body answered (larger: 413)
  --header-read-timeout <seconds>   time for a request's head to arrive
  --body-read-timeout <seconds>     time for a request's body to arrive
  --idle-timeout <seconds>          time a connection may go without a byte moving
  --inject <operation>:<fault>[,<fault>...]   a scripted answer (repeatable)
  -h, --help                        this text
Limits default to those of plivo::mock::MockLimits (docs/mock.md, Limits).
--inject answers the operation's next calls (times=N, default 1) with
status=<code> (200..=599) [retry-after=<seconds>] [error=<message>] (an
error status carries Plivo's error body, its message the status's reason
unless given; no comma in it), or the spec's example
after delay-ms=<ms> (at most 3600000), or reset (the connection, once the
request is read); each fault at most once, times at least 1; e.g.
--inject add_user:status=429,retry-after=1  --inject hold:reset,times=2";

/// The flags that take a value; one of them where a value should be means
/// that value is missing.
const FLAGS: [&str; 9] = [
    "--port",
    "--auth-id",
    "--auth-token",
    "--max-connections",
    "--max-body-bytes",
    "--header-read-timeout",
    "--body-read-timeout",
    "--idle-timeout",
    "--inject",
];

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "--help" || arg == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let mut port = 4010u16;
    let mut auth_id = MockServer::AUTH_ID.to_owned();
    let mut auth_token = None;
    // Nothing outside this process can read what the mock records: keep none.
    let mut limits = MockLimits::default().with_max_recorded(0);
    let mut injections = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if !arg.starts_with('-') {
            // Not repeated: a stray word is most often the rest of a value
            // cut at a space, such as a token, and credentials are never
            // printed.
            return usage("a value with no flag before it (each value follows its flag)");
        }
        let Some(value) = args.next().filter(|v| !FLAGS.contains(&v.as_str())) else {
            return usage(&format!("{arg} needs a value"));
        };
        let parsed = match arg.as_str() {
            "--port" => number(&arg, &value).map(|p| port = p),
            "--auth-id" => {
                auth_id = value;
                Ok(())
            }
            "--auth-token" => {
                auth_token = Some(value);
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
    let token = auth_token.as_deref().unwrap_or(MockServer::AUTH_TOKEN);
    let mock = match MockServer::bind_with(addr, &auth_id, token, limits).await {
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
        "{}",
        startup_lines(&mock.base_url(), &auth_id, auth_token.is_some())
    );
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

/// What the mock prints once serving: its URL first, followed by a space
/// (suites read it from there, docs/mock.md), the auth id, and a curl to
/// try; never the token, as credentials never appear in logs.
fn startup_lines(base_url: &str, auth_id: &str, token_given: bool) -> String {
    let token = if token_given {
        "auth token as given"
    } else {
        "auth token the default: see --help"
    };
    format!(
        "mock Plivo API on {base_url} (auth id {auth_id}, {token})\n\
         try: curl -u {auth_id}:<auth token> {base_url}/v1/phlo/e564a84a-7910-4447-b16f-65c541dd552c"
    )
}

/// The longest `delay-ms`: an hour, past any client timeout worth testing;
/// a longer one is a typo.
const MAX_DELAY_MS: u64 = 3_600_000;

/// `limits` with the one named by `flag` set to `value`: a count of at
/// least one, a time above zero (nothing could be served within zero).
fn limit(limits: MockLimits, flag: &str, value: &str) -> Result<MockLimits, String> {
    let bad = |what: &str| format!("{flag} {value}: not {what}");
    let count = || match value.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(bad("a count of at least 1")),
    };
    let time = || {
        value
            .parse()
            .ok()
            .filter(|s: &f64| *s > 0.0)
            .and_then(|s| Duration::try_from_secs_f64(s).ok())
            .ok_or_else(|| bad("a time in seconds above 0 (fractions allowed: 0.5)"))
    };
    Ok(match flag {
        "--max-connections" => limits.with_max_connections(count()?),
        "--max-body-bytes" => limits.with_max_body_bytes(number(flag, value)?),
        "--header-read-timeout" => limits.with_header_read_timeout(time()?),
        "--body-read-timeout" => limits.with_body_read_timeout(time()?),
        "--idle-timeout" => limits.with_idle_timeout(time()?),
        _ => return Err(format!("unexpected argument {flag}")),
    })
}

/// `operation:fault,...` as the operation, how many calls, and the answer;
/// a fault no server could give, or one that applies to no call, is an
/// error naming it.
fn injection(value: &str) -> Result<(String, usize, MockResponse), String> {
    let (operation, faults) = value
        .split_once(':')
        .ok_or_else(|| format!("--inject needs <operation>:<fault>: {value}"))?;
    let bad = |fault: &str, why: &str| format!("{fault} in --inject {value}: {why}");
    let (mut times, mut status, mut retry_after, mut reset) = (1, None, None, false);
    let mut message = None;
    let mut delay = Duration::ZERO;
    let mut given = Vec::new();
    // Any order: the answer is built once every fault is read.
    for fault in faults.split(',') {
        let (key, arg) = fault.split_once('=').unwrap_or((fault, ""));
        if given.contains(&key) {
            return Err(bad(fault, "given twice"));
        }
        given.push(key);
        match key {
            "times" => match arg.parse::<usize>() {
                Ok(n) if n > 0 => times = n,
                _ => return Err(bad(fault, "not a count of calls of at least 1")),
            },
            "status" => {
                let code = arg
                    .parse::<u16>()
                    .map_err(|_| bad(fault, "not a status code (200..=599)"))?;
                MockResponse::try_status(code).map_err(|e| bad(fault, &e.to_string()))?;
                status = Some(code);
            }
            "error" if !arg.trim().is_empty() => message = Some(arg),
            "error" => return Err(bad(fault, "an empty message")),
            "retry-after" if is_header_value(arg) => retry_after = Some(arg),
            "retry-after" => return Err(bad(fault, "not a header value (seconds, or a date)")),
            "delay-ms" => match arg.parse::<u64>() {
                Ok(ms) if ms <= MAX_DELAY_MS => delay = Duration::from_millis(ms),
                _ => return Err(bad(fault, "not milliseconds from 0 to 3600000 (an hour)")),
            },
            "reset" if arg.is_empty() => reset = true,
            _ => {
                return Err(bad(
                    fault,
                    "unknown fault (times=N, status=<code>, retry-after=<s>, error=<message>, delay-ms=<ms>, reset)",
                ));
            }
        }
    }
    if reset && (status.is_some() || retry_after.is_some() || message.is_some()) {
        let why = "a reset sends no answer: no status, retry-after or error with it";
        return Err(bad("reset", why));
    }
    let mut response = match (reset, status) {
        (true, _) => MockResponse::reset(),
        // What Plivo answers an error with, so that an SDK raises the error
        // it would raise against Plivo (docs/mock.md).
        (false, Some(code)) if code >= 400 => {
            let reason = http::StatusCode::from_u16(code)
                .ok()
                .and_then(|c| c.canonical_reason())
                .unwrap_or("Error");
            MockResponse::plivo_error(code, message.unwrap_or(reason))
        }
        (false, Some(_)) if message.is_some() => {
            return Err(bad(
                "error",
                "an error message needs an error status (400..=599)",
            ));
        }
        (false, Some(code)) => MockResponse::status(code),
        (false, None) if message.is_some() => {
            return Err(bad("error", "an error message needs status=<code>"));
        }
        (false, None) => MockResponse::example(),
    };
    if let Some(seconds) = retry_after {
        response = response.header("Retry-After", seconds);
    }
    Ok((operation.to_owned(), times, response.delay(delay)))
}

/// Text a header can carry: visible ASCII and spaces, not empty.
fn is_header_value(text: &str) -> bool {
    !text.trim().is_empty() && text.bytes().all(|b| b == b' ' || b.is_ascii_graphic())
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} {value}: not a number"))
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\n{USAGE}");
    ExitCode::from(2)
}
