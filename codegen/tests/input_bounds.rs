//! Input of any size or shape costs bounded time and memory: files are read
//! up to a limit, names and folder depth are bounded (each an error naming
//! the file and the limit), text that once took quadratic time takes
//! linear time; and a leading byte order mark is no reason to refuse JSON.

use postman_codegen::{Limits, Options, Source, generate, generate_dir};
use serde_json::json;
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_postman-codegen");

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

fn get(name: &str, path: &str) -> serde_json::Value {
    json!({ "name": name, "request": { "method": "GET", "url": format!("https://x.io/{path}") } })
}

fn run(text: &str, options: &Options) -> Result<postman_codegen::Output, String> {
    let source = Source {
        name: "spec/t.postman.json",
        text,
    };
    generate(source, None, options).map_err(|e| e.to_string())
}

/// `/dev/zero` never ends: only the limit and one byte are read (it once
/// read 2.1 GB before failing).
#[test]
fn an_endless_file_is_read_only_to_the_limit() {
    let started = Instant::now();
    let out = Command::new(BIN).arg("/dev/zero").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.lines().next(),
        Some(
            "error: /dev/zero: is larger than the limit of 67108864 bytes (`Limits::max_file_bytes`)"
        ),
        "{stderr}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}

/// The limit is an option; a spec folder's files and texts given directly
/// are held to it, each error naming the file.
#[test]
fn a_file_over_the_limit_is_an_error_naming_it() {
    let small = Options::default().with_limits(Limits {
        max_file_bytes: 100,
        ..Limits::default()
    });
    let text = collection(json!([get("A", "a"), get("B", "b")]));
    assert!(text.len() > 100);
    assert_eq!(
        run(&text, &small).unwrap_err(),
        "spec/t.postman.json: is larger than the limit of 100 bytes (`Limits::max_file_bytes`)"
    );
    let dir = std::env::temp_dir().join(format!("postman-codegen-bounds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("api.postman_collection.json"), &text).unwrap();
    let err = generate_dir(&dir, &small).unwrap_err().to_string();
    assert!(
        err.ends_with("/api.postman_collection.json: is larger than the limit of 100 bytes (`Limits::max_file_bytes`)"),
        "{err}"
    );
    assert!(generate_dir(&dir, &Options::default()).is_ok());
    std::fs::remove_dir_all(&dir).ok();
}

/// A name longer than the limit makes its item unreadable, and only it;
/// a name of megabytes is refused at once (5 MB once took 14 s).
#[test]
fn a_name_over_the_limit_costs_only_its_item() {
    let long = "n".repeat(5 << 20);
    let text = collection(json!([get("Fine", "a"), get(&long, "b")]));
    let started = Instant::now();
    let err = run(&text, &Options::default()).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(
        err.starts_with("spec/t.postman.json: item \"nnnn"),
        "{err:.200}"
    );
    assert!(
        err.ends_with(
            "…\": unexpected format: the name is 5242880 bytes, longer than the limit of 1024 (`Limits::max_name_bytes`)"
        ),
        "{err:.200}"
    );
    assert!(err.len() < 300, "the name is not printed in full");
    let output = run(&text, &Options::default().with_skip_unsupported(true)).unwrap();
    assert_eq!(output.operations, 1);
    assert_eq!(output.warnings.len(), 1);
}

#[test]
fn folders_nested_past_the_limit_cost_only_their_items() {
    let mut deep = get("Deep", "deep");
    for level in 0..40 {
        deep = json!({ "name": format!("F{level}"), "item": [deep] });
    }
    let text = collection(json!([get("Fine", "a"), deep]));
    let err = run(&text, &Options::default()).unwrap_err();
    assert!(
        err.ends_with(
            "unexpected format: folders nest deeper than the limit of 32 (`Limits::max_depth`)"
        ),
        "{err}"
    );
    let output = run(&text, &Options::default().with_skip_unsupported(true)).unwrap();
    assert_eq!(output.operations, 1);
    let raised = Options::default().with_limits(Limits {
        max_depth: 40,
        ..Limits::default()
    });
    assert_eq!(run(&text, &raised).unwrap().operations, 2);
}

/// Doc text that made the escaper search the rest of the line at every
/// character (a line of `[` or `<`: 2 MB took over two minutes).
#[test]
fn pathological_doc_text_takes_linear_time() {
    for c in ["[", "<", "[x](", "<http://"] {
        let description = c.repeat((2 << 20) / c.len());
        let text = collection(json!([{
            "name": "A",
            "request": { "method": "GET", "url": "https://x.io/a", "description": description }
        }]));
        let started = Instant::now();
        run(&text, &Options::default()).unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{c}: {:?}",
            started.elapsed()
        );
    }
}

/// Editors on some systems start a UTF-8 file with a byte order mark; JSON
/// parsers refuse it, the generator reads past it, in every file it reads.
#[test]
fn a_leading_byte_order_mark_is_read_past() {
    let text = format!("\u{feff}{}", collection(json!([get("A", "a")])));
    let overlay = "\u{feff}{\"operations\": [{\"item\": [\"A\"], \"name\": \"fetch\"}]}";
    let source = Source {
        name: "t.postman.json",
        text: &text,
    };
    let overlay = Source {
        name: "t.overlay.json",
        text: overlay,
    };
    let output = generate(source, Some(overlay), &Options::default()).unwrap();
    assert!(output.code.contains("pub fn fetch("), "{}", output.code);
    let dir = std::env::temp_dir().join(format!("postman-codegen-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("t.postman.json"), &text).unwrap();
    std::fs::write(dir.join("t.overlay.json"), overlay.text).unwrap();
    let (output, _) = generate_dir(&dir, &Options::default()).unwrap();
    assert!(output.code.contains("pub fn fetch("));
    let out = Command::new(BIN)
        .arg(dir.join("t.postman.json"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}
