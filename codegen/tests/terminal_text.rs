//! Spec text the command line prints (item names in warnings and errors,
//! names in a diff) cannot act on the terminal: ESC, CSI, OSC, BEL, C1
//! controls, line breaks and text-direction overrides come out escaped.

use serde_json::json;
use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_postman-codegen");

/// A name holding every kind of terminal control: a colour (CSI by ESC
/// and by C1), a window title (OSC ended by BEL), a clear screen, a line
/// of its own that pretends to be a summary, a text-direction override.
const HOSTILE: &str = "Get\u{1b}[31m red\u{9b}2J\u{1b}]0;owned\u{7}\u{9d}8;;x\u{9c}\nsummary: fake\r\u{202e}txt.exe\u{7f}";

/// Whether `text` holds a character a terminal acts on (line ends aside).
fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

fn write(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "postman-codegen-terminal-{}-{name}",
        std::process::id()
    ));
    std::fs::write(&path, text).unwrap();
    path
}

fn collection(items: serde_json::Value) -> String {
    json!({
        "info": {
            "name": "T",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "item": items
    })
    .to_string()
}

#[test]
fn warnings_and_errors_escape_spec_text() {
    let path = write(
        "warn.json",
        &collection(json!([
            { "name": "Good", "request": { "method": "GET", "url": "https://x.io/a" } },
            { "name": HOSTILE, "request": { "method": "GET", "url": null } },
            { "name": "Bad method", "request": { "method": HOSTILE, "url": "https://x.io/b" } }
        ])),
    );
    for skip in [true, false] {
        let mut command = Command::new(BIN);
        command.arg(&path);
        if skip {
            command.arg("--skip-unsupported");
        }
        let out = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(controls(&stderr), [], "{stderr:?}");
        // One line per problem, and the last line is the real summary.
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 3, "{stderr}");
        assert!(
            lines[..2].iter().all(|l| !l.starts_with("summary")),
            "{stderr}"
        );
        assert!(lines[0].contains(r"Get\u{1b}[31m red\u{9b}2J"), "{stderr}");
        assert!(
            lines[0].contains(r"\nsummary: fake\r\u{202e}txt.exe"),
            "{stderr}"
        );
    }
    std::fs::remove_file(&path).ok();
}

#[test]
fn diff_output_escapes_spec_text() {
    let old = collection(json!([
        { "name": "List", "request": { "method": "GET", "url": "https://x.io/things" } }
    ]));
    let new = collection(json!([
        {
            "name": "List",
            "request": {
                "method": "GET",
                "description": HOSTILE,
                "url": {
                    "raw": "https://x.io/things",
                    "protocol": "https",
                    "host": ["x", "io"],
                    "path": ["things"],
                    "query": [{ "key": HOSTILE, "value": "1" }]
                }
            }
        },
        {
            "name": HOSTILE,
            "request": {
                "method": "POST",
                "url": {
                    "raw": "https://x.io/more",
                    "protocol": "https",
                    "host": ["x", "io"],
                    "path": ["more", HOSTILE]
                }
            }
        }
    ]));
    let (old, new) = (write("old.json", &old), write("new.json", &new));
    for flag in [None, Some("--changelog")] {
        let mut command = Command::new(BIN);
        command.arg("diff").arg(&old).arg(&new).args(flag);
        let out = command.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        assert_eq!(controls(&stdout), [], "{stdout:?}");
        assert!(stdout.contains(r"Get\u{1b}[31m"), "{stdout}");
        assert!(
            !stdout.lines().any(|l| l.starts_with("summary")),
            "{stdout}"
        );
    }
    std::fs::remove_file(&old).ok();
    std::fs::remove_file(&new).ok();
}
