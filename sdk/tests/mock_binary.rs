//! The `plivo-mock` binary serves the API on the port it is given, for curl
//! or any other language's SDK, within the limits its flags set.

use std::io::{BufRead, BufReader, Read};
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

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port()
}

/// Starts the binary with `args` on `port`, and returns it once it answers
/// with the spec's example.
async fn serve(port: u16, args: &[&str]) -> Running {
    let server = Running(
        Command::new(env!("CARGO_BIN_EXE_plivo-mock"))
            .args(["--port", &port.to_string()])
            .args(args)
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
    server
}

/// `serve` fails unless the binary answers an authenticated GET on `port`
/// with 200 and the spec's example body.
#[tokio::test]
async fn serves_on_the_chosen_port() {
    let port = free_port();
    let _server = serve(port, &[]).await;
}

#[tokio::test]
async fn limits_are_set_from_the_command_line() {
    let port = free_port();
    let _server = serve(
        port,
        &["--header-read-timeout", "0.2", "--max-connections", "8"],
    )
    .await;
    let mut silent = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    silent
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    let started = Instant::now();
    // The mock closes it (0 bytes read) before the read times out.
    let read = silent.read(&mut [0u8; 64]);
    assert!(
        matches!(read, Ok(0)),
        "{read:?} after {:?}",
        started.elapsed()
    );
    assert!(started.elapsed() >= Duration::from_millis(150));
}

#[test]
fn a_bad_limit_is_a_usage_error() {
    let status = Command::new(env!("CARGO_BIN_EXE_plivo-mock"))
        .args(["--idle-timeout", "soon"])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}

#[tokio::test]
async fn faults_are_injected_from_the_command_line() {
    let port = free_port();
    let inject = "phlo_multi_party_call_get:retry-after=7,delay-ms=150,status=429";
    let _server = serve(port, &["--inject", inject]).await;
    let url = format!(
        "http://127.0.0.1:{port}/v1/phlo/e564a84a-7910-4447-b16f-65c541dd552c/multi_party_call/b4b48fc2-f47a-4a93-97c3-749ed9a40fa8"
    );
    let get = || {
        reqwest::Client::new()
            .get(&url)
            .basic_auth(
                plivo::mock::MockServer::AUTH_ID,
                Some(plivo::mock::MockServer::AUTH_TOKEN),
            )
            .send()
    };
    let started = Instant::now();
    let limited = get().await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert_eq!(limited.status().as_u16(), 429);
    assert_eq!(limited.headers()["retry-after"], "7");
    // Plivo's error body, so that an SDK raises what it would against Plivo
    // (before, the body was empty).
    let body: serde_json::Value = serde_json::from_str(&limited.text().await.unwrap()).unwrap();
    assert_eq!(body["error"], "Too Many Requests", "{body}");
    assert!(body["api_id"].is_string(), "{body}");
    // Once only (times=1 by default): then the spec's example.
    assert_eq!(get().await.unwrap().status().as_u16(), 200);
}

#[test]
fn an_injection_on_an_unknown_operation_is_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_plivo-mock"))
        .args([
            "--port",
            &free_port().to_string(),
            "--inject",
            "add_usr:reset",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("known operations: "), "{stderr}");
}

/// Runs the binary with `args` on a free port and returns its exit code and
/// what it wrote to stderr; a binary still running after 10 s (serving,
/// having taken the arguments) is killed and reported with no code.
fn exit_of(args: &[&str]) -> (Option<i32>, String) {
    let port = free_port().to_string();
    let (code, _, stderr) = output_of(&[&["--port", port.as_str()][..], args].concat());
    (code, stderr)
}

/// As `exit_of`, with no port added, and what it wrote to stdout too.
fn output_of(args: &[&str]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plivo-mock"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (mut stdout, mut stderr) = (String::new(), String::new());
    if let Some(mut pipe) = child.stdout.take() {
        let _ = pipe.read_to_string(&mut stdout);
    }
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    (code, stdout, stderr)
}

/// A fault no server could give, or that applies to no call, is a usage
/// error naming the value, not a mock that silently serves something else.
#[test]
fn nonsense_injections_are_usage_errors_naming_the_value() {
    for (inject, named) in [
        ("phlo_get:status=0", "status=0"),
        ("phlo_get:status=600", "status=600"),
        ("phlo_get:status=100", "status=100"),
        ("phlo_get:status=-1", "status=-1"),
        ("phlo_get:times=0", "times=0"),
        ("phlo_get:delay-ms=-5", "delay-ms=-5"),
        ("phlo_get:delay-ms=99999999999", "delay-ms=99999999999"),
        ("phlo_get:reset,status=500", "reset"),
        ("phlo_get:retry-after=", "retry-after="),
        ("phlo_get:status=503,status=429", "status=429"),
    ] {
        let (code, stderr) = exit_of(&["--inject", inject]);
        assert_eq!(code, Some(2), "{inject}: {stderr}");
        assert!(stderr.contains(named), "{inject}: {stderr}");
    }
}

#[test]
fn a_zero_limit_is_a_usage_error() {
    for (flag, value) in [
        ("--max-connections", "0"),
        ("--header-read-timeout", "0"),
        ("--idle-timeout", "-1"),
    ] {
        let (code, stderr) = exit_of(&[flag, value]);
        assert_eq!(code, Some(2), "{flag} {value}: {stderr}");
        assert!(stderr.contains(flag), "{flag} {value}: {stderr}");
    }
}

#[tokio::test]
async fn an_injected_error_carries_its_message() {
    let port = free_port();
    let inject = "phlo_multi_party_call_get:status=400,error=node_id is invalid";
    let _server = serve(port, &["--inject", inject]).await;
    let url = format!(
        "http://127.0.0.1:{port}/v1/phlo/e564a84a-7910-4447-b16f-65c541dd552c/multi_party_call/b4b48fc2-f47a-4a93-97c3-749ed9a40fa8"
    );
    let answer = reqwest::Client::new()
        .get(&url)
        .basic_auth(
            plivo::mock::MockServer::AUTH_ID,
            Some(plivo::mock::MockServer::AUTH_TOKEN),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 400);
    let body: serde_json::Value = serde_json::from_str(&answer.text().await.unwrap()).unwrap();
    assert_eq!(body["error"], "node_id is invalid", "{body}");
}

#[test]
fn an_error_message_without_an_error_status_is_a_usage_error() {
    for inject in [
        "phlo_get:error=boom",
        "phlo_get:status=200,error=boom",
        "phlo_get:reset,error=boom",
    ] {
        let status = Command::new(env!("CARGO_BIN_EXE_plivo-mock"))
            .args(["--port", &free_port().to_string(), "--inject", inject])
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(2), "{inject}");
    }
}

/// `--help` or `-h`, wherever it is, prints the usage to stdout, a line per
/// flag, and exits 0 (it was "error: --help needs a value", exit 2).
#[test]
fn help_prints_a_line_per_flag_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &["--port", "0", "--help"]] {
        let (code, stdout, stderr) = output_of(args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        for flag in [
            "--port <",
            "--auth-id <",
            "--auth-token <",
            "--max-connections <",
            "--max-body-bytes <",
            "--header-read-timeout <",
            "--body-read-timeout <",
            "--idle-timeout <",
            "--inject <",
            "-h, --help",
        ] {
            let line = stdout.lines().find(|l| l.trim_start().starts_with(flag));
            assert!(line.is_some(), "{args:?}: no line for {flag} in\n{stdout}");
        }
    }
}

/// The lines the binary prints once serving (with `args` and `--port 0`),
/// and what it wrote to stderr by then; it is killed after two lines.
fn startup_of(args: &[&str]) -> (Vec<String>, String) {
    let mut server = Running(
        Command::new(env!("CARGO_BIN_EXE_plivo-mock"))
            .args(["--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = server.0.stdout.take().unwrap();
    let (sender, lines) = std::sync::mpsc::channel();
    // A thread, so that a binary that never prints fails the test, not hangs it.
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    let printed: Vec<String> = (0..2)
        .map_while(|_| lines.recv_timeout(Duration::from_secs(20)).ok())
        .collect();
    let _ = server.0.kill();
    let _ = server.0.wait();
    let mut stderr = String::new();
    if let Some(mut pipe) = server.0.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    (printed, stderr)
}

/// Credentials never appear in logs: the startup lines name the auth id,
/// and the URL where the suites read it (` on <url> `), but not the token,
/// given or the default (they printed it, in the first line and the curl
/// hint).
#[test]
fn the_startup_lines_name_the_auth_id_but_never_the_token() {
    let token = "fake-token-9f3a1c";
    let given = ["--auth-id", "MAXXXXXXXXXXXXXXXXXX", "--auth-token", token];
    let default = plivo::mock::MockServer::AUTH_TOKEN;
    for (args, auth_id, token) in [
        (&given[..], "MAXXXXXXXXXXXXXXXXXX", token),
        (&[][..], plivo::mock::MockServer::AUTH_ID, default),
    ] {
        let (lines, stderr) = startup_of(args);
        assert_eq!(lines.len(), 2, "{args:?}: {lines:?} {stderr}");
        assert!(lines[0].contains(" on http://127.0.0.1:"), "{lines:?}");
        assert!(lines[0].contains(auth_id), "{lines:?}");
        assert!(lines[0].contains("auth token"), "{lines:?}");
        for text in lines.iter().chain([&stderr]) {
            assert!(!text.contains(token), "{args:?}: {text}");
        }
    }
}

/// A usage error never repeats a credential: not a token taken for a flag's
/// missing value, nor the second half of a token split at a space.
#[test]
fn usage_errors_never_repeat_a_token() {
    for args in [
        &["--auth-id", "--auth-token", "fake-secret-1"][..],
        &["--auth-token", "fake-secret-2a", "fake-secret-2b"],
    ] {
        let (code, stderr) = exit_of(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(!stderr.contains("fake-secret"), "{args:?}: {stderr}");
    }
}
