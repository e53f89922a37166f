//! What building a `Client` costs: the first one in a process, and each one
//! after it, for a plain-http loopback base (a mock) and for the default
//! https base. Nothing is sent; only construction is measured.
//!
//! `cargo bench -p plivo --bench client_build`. With valgrind installed it
//! also counts instructions (callgrind), which repeat from run to run where
//! time on a shared machine does not.

use plivo::Client;
use std::process::Command;
use std::time::Instant;

const AUTH_ID: &str = "MABENCHBENCHBENCH000";
const AUTH_TOKEN: &str = "bench-token";
/// Clients built after the first, for the time per client.
const REPEAT: usize = 200;

/// Builds `count` clients for `base` (`None`: the default https base).
fn build(base: Option<&str>, count: usize) {
    for _ in 0..count {
        let builder = Client::builder(AUTH_ID, AUTH_TOKEN);
        let builder = match base {
            Some(base) => builder.base_url(base),
            None => builder,
        };
        std::hint::black_box(builder.build().expect("a client"));
    }
}

fn base_of(case: &str) -> Option<&'static str> {
    match case {
        "loopback" => Some("http://127.0.0.1:9"),
        _ => None,
    }
}

fn main() {
    // A run for callgrind (see `instructions`): build and report nothing.
    if let Ok(case) = std::env::var("BENCH_ONLY") {
        let count = std::env::var("BENCH_CLIENTS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1);
        build(base_of(&case), count);
        return;
    }
    println!("client construction, time (this process; first, then each further)");
    for case in ["loopback", "https"] {
        let start = Instant::now();
        build(base_of(case), 1);
        let first = start.elapsed();
        let start = Instant::now();
        build(base_of(case), REPEAT);
        let each = start.elapsed() / REPEAT as u32;
        println!("{case:<10} first {first:>12.2?}   each further {each:>12.2?}");
    }
    instructions();
}

/// Instructions for the first client of a process and for each one after
/// it, by difference between runs that build 0, 1 and 11 clients.
fn instructions() {
    let available = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        println!("(install valgrind for instruction counts)");
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    let count = |case: &str, clients: usize| -> Option<f64> {
        let out_file = std::env::temp_dir().join(format!("client_build.{case}.{clients}.cg"));
        let output = Command::new("valgrind")
            .arg("--tool=callgrind")
            .arg(format!("--callgrind-out-file={}", out_file.display()))
            .arg(&exe)
            .env("BENCH_ONLY", case)
            .env("BENCH_CLIENTS", clients.to_string())
            .output()
            .ok()?;
        let _ = std::fs::remove_file(&out_file);
        let text = String::from_utf8_lossy(&output.stderr);
        let line = text.lines().find(|l| l.contains("Collected :"))?;
        line.rsplit(':')
            .next()?
            .trim()
            .replace(',', "")
            .parse()
            .ok()
    };
    println!("client construction, instructions (callgrind)");
    for case in ["loopback", "https"] {
        let (Some(none), Some(one), Some(eleven)) =
            (count(case, 0), count(case, 1), count(case, 11))
        else {
            println!("(callgrind did not report)");
            return;
        };
        println!(
            "{case:<10} first {:>12.0}   each further {:>12.0}",
            one - none,
            (eleven - one) / 10.0
        );
    }
}
