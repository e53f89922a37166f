//! Instructions per call under callgrind. CPU time on a shared machine
//! wanders by tens of percent between rounds; instruction counts do not.

use crate::contenders::Contender;
use crate::measure::Flavor;
use std::process::Command;

/// The calls of the short and the long run of one count: their difference
/// is the calls alone, without the setup (clients, connections) both pay.
const SHORT: usize = 1_000;
const LONG: usize = 3_000;

/// When valgrind is installed, counts each contender's instructions per
/// call on each runtime, `reps` times, the repetitions interleaved (every
/// contender on both runtimes, then again), and prints them with the
/// SDK's ratios.
pub fn report(base: &str, server: &str, concurrency: usize, reps: usize) {
    let available = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        println!("(install valgrind for instruction counts per call)");
        return;
    }
    let mut figures: [[Vec<f64>; Contender::COUNT]; 2] = Default::default();
    for rep in 0..reps {
        for (f, flavor) in Flavor::ALL.into_iter().enumerate() {
            for who in Contender::ALL {
                eprintln!(
                    "callgrind: repetition {}/{reps}, {}, {}",
                    rep + 1,
                    flavor.name(),
                    who.name()
                );
                let count = |calls| count(base, flavor, who, calls, concurrency);
                let Some(n) = count(LONG).zip(count(SHORT)).map(|(l, s)| l - s) else {
                    println!("(callgrind did not report for {})", who.label());
                    return;
                };
                figures[f][who as usize].push(n / (LONG - SHORT) as f64);
            }
        }
    }
    for (f, flavor) in Flavor::ALL.into_iter().enumerate() {
        print(flavor, server, concurrency, &figures[f]);
    }
}

fn print(flavor: Flavor, server: &str, concurrency: usize, figures: &[Vec<f64>; Contender::COUNT]) {
    println!(
        "\ninstructions per call (callgrind), {}, {server}, concurrency {concurrency}: each repetition, then the median",
        flavor.label()
    );
    let median = |who: Contender| {
        let mut runs = figures[who as usize].clone();
        runs.sort_by(f64::total_cmp);
        runs[runs.len() / 2]
    };
    for who in Contender::ALL {
        let runs: Vec<String> = figures[who as usize]
            .iter()
            .map(|n| format!("{n:>9.0}"))
            .collect();
        println!(
            "{:<26} {}  {:>9.0}",
            who.label(),
            runs.join(" "),
            median(who)
        );
    }
    for sdk in Contender::SDK {
        for base in [Contender::HandTimeout, Contender::Progenitor] {
            println!(
                "{:<26} {:>9.3}",
                format!("{} / {}", sdk.short(), base.short()),
                median(sdk) / median(base)
            );
        }
    }
}

/// Total instructions of one run of `calls` calls by `who` alone, on a
/// `flavor` runtime, against the server at `base` (which runs in a
/// process callgrind does not follow).
fn count(
    base: &str,
    flavor: Flavor,
    who: Contender,
    calls: usize,
    concurrency: usize,
) -> Option<f64> {
    let exe = std::env::current_exe().ok()?;
    // Kept for `callgrind_annotate` when BENCH_CALLGRIND_DIR names a folder.
    let keep = std::env::var_os("BENCH_CALLGRIND_DIR").map(std::path::PathBuf::from);
    let dir = keep.clone().unwrap_or_else(std::env::temp_dir);
    let out_file = dir.join(format!(
        "per_call.{}.{}.{calls}.{}.callgrind",
        who.name(),
        flavor.name(),
        std::process::id()
    ));
    let output = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(&exe)
        .env("BENCH_ONLY", who.name())
        .env("BENCH_RUNTIME", flavor.name())
        .env("BENCH_BASE", base)
        .env("BENCH_CALLS", calls.to_string())
        .env("BENCH_CONCURRENCY", concurrency.to_string())
        .output()
        .ok()?;
    if keep.is_none() {
        let _ = std::fs::remove_file(&out_file);
    }
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stderr);
    let line = text.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':')
        .next()?
        .trim()
        .replace(',', "")
        .parse()
        .ok()
}
