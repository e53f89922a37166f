//! How long generation takes: the SDK's spec, each collection of the corpus
//! (when `POSTMAN_CORPUS_DIR` names it), and synthetic collections of 10 to
//! 10,000 requests, to see how the time grows; then 1,000 against 10,000
//! path parameters, and 1,000 against 10,000 items of one name.
//!
//! `cargo bench -p postman-codegen --bench generate`

use postman_codegen::{DocExamples, Options, Output, Source, generate};
use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let options = Options::default().with_doc_examples(DocExamples {
        types_path: "sdk".into(),
        prologue: vec!["let client = sdk::Client::local();".into()],
        epilogue: Vec::new(),
    });
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    println!("generation time (median), this machine");
    println!(
        "{:<44} {:>9} {:>12} {:>14}",
        "input", "requests", "ms", "µs/request"
    );

    let collection = read(&root.join("spec/plivo-phlo.postman_collection.json"));
    let overlay = read(&root.join("spec/plivo-phlo.overlay.json"));
    let spec = || {
        generate(
            Source {
                name: "spec",
                text: &collection,
            },
            Some(Source {
                name: "overlay",
                text: &overlay,
            }),
            &options,
        )
    };
    report(
        "spec/ (Plivo PHLO)",
        spec().map_or(0, |o| o.operations),
        time(200, || drop(spec())),
    );

    let corpus = std::env::var_os("POSTMAN_CORPUS_DIR")
        .map(std::path::PathBuf::from)
        .or_else(|| Some(root.join("../shared/postman-corpus")).filter(|p| p.is_dir()));
    let lenient = options.clone().with_skip_unsupported(true);
    if let Some(dir) = corpus {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "json"));
        files.sort();
        for file in files {
            let text = read(&file);
            let run = || without_overlay("corpus", &text, &lenient);
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            report(
                &format!("corpus/{name}"),
                run().map_or(0, |o| o.operations),
                time(50, || drop(run())),
            );
        }
    }

    let mut per_request = Vec::new();
    let largest: usize = std::env::var("BENCH_MAX_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    for n in [10usize, 100, 1_000, 10_000]
        .into_iter()
        .filter(|&n| n <= largest)
    {
        let text = synthetic(n).to_string();
        let run = || without_overlay("synthetic", &text, &options);
        let operations = run()
            .map(|o| o.operations)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(operations, n);
        let reps = if n >= 10_000 { 3 } else { 20 };
        let t = time(reps, || drop(run()));
        per_request.push((n, t.as_secs_f64() / n as f64));
        report(&format!("synthetic, {n} requests"), n, t);
    }
    if let (Some((_, small)), Some((_, large))) = (per_request.get(1), per_request.last()) {
        println!(
            "growth: time per request at 10,000 is {:.2}x that at 100 (1.00 is linear)",
            large / small
        );
    }

    // Two inputs that once cost quadratic time: one path with many
    // parameters (each handle held every earlier one) and many items of one
    // name (each name tried every earlier suffix).
    println!();
    println!(
        "{:<36} {:>12} {:>12} {:>14}",
        "input", "1,000: ms", "10,000: ms", "10,000 / 1,000"
    );
    side_by_side("path parameters", deep_path, &options);
    side_by_side("items of one name", same_names, &options);
    println!("(10.0 is linear)");
}

/// Generates a collection that comes without an overlay.
fn without_overlay(
    name: &'static str,
    text: &str,
    options: &Options,
) -> Result<Output, postman_codegen::Errors> {
    generate(Source { name, text }, None, options)
}

/// Times `make(1_000)` and `make(10_000)` and prints them on one line.
fn side_by_side(what: &str, make: fn(usize) -> Value, options: &Options) {
    let times: Vec<Duration> = [1_000, 10_000]
        .into_iter()
        .map(|n| {
            let text = make(n).to_string();
            let run = || without_overlay("synthetic", &text, options);
            if let Err(e) = run() {
                panic!("{what}, {n}: {e}");
            }
            time(if n >= 10_000 { 3 } else { 10 }, || drop(run()))
        })
        .collect();
    let ms = |t: &Duration| t.as_secs_f64() * 1e3;
    println!(
        "{what:<36} {:>12.1} {:>12.1} {:>14.2}",
        ms(&times[0]),
        ms(&times[1]),
        times[1].as_secs_f64() / times[0].as_secs_f64()
    );
}

/// One request whose path holds `n` parameters.
fn deep_path(n: usize) -> Value {
    let path: Vec<String> = (0..n).map(|i| format!("{{p{i}}}")).collect();
    envelope(vec![json!({
        "name": "Deep",
        "request": {"method": "GET", "url": format!("https://api.example.com/{}", path.join("/"))}
    })])
}

/// `n` requests all named alike, on different paths.
fn same_names(n: usize) -> Value {
    envelope(
        (0..n)
            .map(|i| {
                json!({
                    "name": "Same",
                    "request": {"method": "GET", "url": format!("https://api.example.com/things{i}")}
                })
            })
            .collect(),
    )
}

fn envelope(items: Vec<Value>) -> Value {
    json!({
        "info": {"name": "Synthetic", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items
    })
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn report(what: &str, requests: usize, t: Duration) {
    let ms = t.as_secs_f64() * 1e3;
    let per = if requests == 0 {
        0.0
    } else {
        t.as_secs_f64() * 1e6 / requests as f64
    };
    println!("{what:<44} {requests:>9} {ms:>12.3} {per:>14.1}");
}

/// The median of `reps` runs.
fn time(reps: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut runs: Vec<Duration> = (0..reps)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect();
    runs.sort();
    runs[reps / 2]
}

/// A collection of `n` requests in folders of 100, each with a path
/// parameter, a JSON body, an argument table and an example response.
fn synthetic(n: usize) -> Value {
    let folders: Vec<Value> = (0..n.div_ceil(100))
        .map(|f| {
            let items: Vec<Value> = (f * 100..((f + 1) * 100).min(n))
                .map(|i| {
                    let body = json!({"name": format!("n{i}"), "count": i, "tags": ["a"], "nested": {"on": true}});
                    json!({
                        "name": format!("Operation {i}"),
                        "request": {
                            "method": if i % 3 == 0 { "GET" } else { "POST" },
                            "url": format!("https://api.example.com/v1/group{f}/{{item_id}}/op{i}"),
                            "body": if i % 3 == 0 { Value::Null } else { json!({"mode": "raw", "raw": body.to_string(), "options": {"raw": {"language": "json"}}}) },
                            "description": format!("Operation number {i}.\n\n| Argument | Description | Required |\n|---|---|---|\n| name | The name. | Required |\n| count | How many. | Optional |")
                        },
                        "response": [{"name": "ok", "code": 200, "body": json!({"id": format!("x{i}"), "created": "2020-01-01", "detail": {"n": i}}).to_string()}]
                    })
                })
                .collect();
            json!({"name": format!("Folder {f}"), "item": items})
        })
        .collect();
    json!({
        "info": {"name": "Synthetic", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": folders
    })
}
