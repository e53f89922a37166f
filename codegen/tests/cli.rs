//! The command line, run as a binary: a failed write is an error line and an
//! exit status, never a panic.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_postman-codegen");

/// A collection whose module is far larger than a pipe's buffer, so the
/// writer is still writing when the reader goes away.
fn large_collection() -> PathBuf {
    let items: Vec<String> = (0..300)
        .map(|i| {
            format!(
                r#"{{"name": "Operation {i}", "request": {{"method": "GET", "url": "https://x.io/things{i}/{{id}}"}}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"info": {{"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}, "item": [{}]}}"#,
        items.join(", ")
    );
    // One file per call: the tests run in parallel in one process, and one
    // removing a shared file while another's child still reads it made the
    // reader see an empty output.
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!(
        "postman-codegen-cli-{}-{n}.json",
        std::process::id()
    ));
    std::fs::write(&path, text).unwrap();
    path
}

fn no_panic(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_ne!(out.status.code(), Some(101), "panicked: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn stdout_closed_early_exits_quietly_without_a_panic() {
    let input = large_collection();
    let mut child = Command::new(BIN)
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // What `| head -c 10` does: read a little, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    std::fs::remove_file(&input).ok();
    let stderr = no_panic(&out);
    // The reader chose to stop: like a process killed by SIGPIPE, no message.
    assert_eq!(out.status.code(), Some(141), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn a_full_disk_is_one_error_line() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let input = large_collection();
    let out = Command::new(BIN).arg(&input).stdout(full).output().unwrap();
    std::fs::remove_file(&input).ok();
    let stderr = no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: cannot write the module to stdout: "),
        "{stderr}"
    );
}

#[test]
fn a_full_disk_with_out_is_one_error_line() {
    let input = large_collection();
    let out = Command::new(BIN)
        .arg(&input)
        .args(["--out", "/dev/full"])
        .output()
        .unwrap();
    std::fs::remove_file(&input).ok();
    let stderr = no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: /dev/full: cannot write: "),
        "{stderr}"
    );
}

#[test]
fn every_problem_of_the_spec_is_one_error_line() {
    let text = r#"{"info": {"name": "T"}, "item": [
        {"name": "A", "request": {"method": 5, "url": "https://x.io/a"}},
        {"name": "B", "request": {"method": "GET", "url": "https://x.io/{b"}}
    ]}"#;
    let input = std::env::temp_dir().join(format!(
        "postman-codegen-cli-bad-{}.json",
        std::process::id()
    ));
    std::fs::write(&input, text).unwrap();
    let out = Command::new(BIN).arg(&input).output().unwrap();
    std::fs::remove_file(&input).ok();
    let stderr = no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].starts_with("error: ") && lines[0].ends_with("`method` must be a string"));
    assert!(lines[1].starts_with("error: ") && lines[1].contains("item \"B\": invalid URL"));
    assert_eq!(lines[2], "summary: no module generated, 2 errors");
    assert!(out.stdout.is_empty());
}

/// The run ends with one line that counts what was generated and what was
/// left out, per reason, in a wording scripts can rely on. Before, the
/// warnings had to be counted and sorted by hand.
#[test]
fn the_last_line_sums_the_run_up() {
    let item = |name: &str, request: &str| format!(r#"{{"name": "{name}", "request": {request}}}"#);
    let bearer = r#"{"auth": {"type": "bearer"}, "method": "GET", "url": "https://x.io/a"}"#;
    let form = r#"{"method": "POST", "url": "https://x.io/f", "body": {"mode": "urlencoded", "urlencoded": []}}"#;
    let items = [
        item("Good", r#"{"method": "GET", "url": "https://x.io/good"}"#),
        item("Token 1", bearer),
        item("Token 2", bearer),
        item("Form", form),
        item(
            "Hawk",
            r#"{"auth": {"type": "hawk"}, "method": "GET", "url": "https://x.io/h"}"#,
        ),
        r#"{"name": "No URL", "request": {"method": "GET", "url": null}}"#.to_owned(),
        item("Elsewhere", r#"{"method": "GET", "url": "https://y.io/b"}"#),
        item(
            "Typo",
            r#"{"method": "POST", "url": "https://x.io/t", "body": {"mode": "raw", "raw": "{\"a\": 1,}"}}"#,
        ),
    ];
    let text = format!(
        r#"{{"info": {{"name": "T"}}, "item": [{}]}}"#,
        items.join(", ")
    );
    let input = std::env::temp_dir().join(format!(
        "postman-codegen-cli-summary-{}.json",
        std::process::id()
    ));
    std::fs::write(&input, text).unwrap();
    let out = Command::new(BIN)
        .arg(&input)
        .arg("--skip-unsupported")
        .output()
        .unwrap();
    std::fs::remove_file(&input).ok();
    let stderr = no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    // The bearer, hawk and form items are operations: every auth scheme and
    // body mode is; so is the item on another host.
    assert_eq!(lines.len(), 3, "{stderr}");
    assert_eq!(
        lines[2],
        "summary: 7 operations generated, 1 items skipped (no URL: 1), 1 other warnings"
    );
    assert!(
        lines[..2].iter().all(|l| l.starts_with("warning: ")),
        "{stderr}"
    );
}
