//! Instructions per call under callgrind. CPU time on a shared machine
//! wanders by tens of percent between rounds; instruction counts do not.

use crate::contenders::Contender;
use std::process::Command;

/// When valgrind is installed, counts each contender's instructions per
/// call and prints them with the SDK's ratios: two runs of different
/// lengths per contender, so setup cancels out.
pub fn report() {
    let available = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        println!("(install valgrind for instruction counts per call)");
        return;
    }
    let per_call = |who: Contender| Some((count(who, 3000)? - count(who, 1000)?) / 2000.0);
    let mut figures = [0.0; Contender::COUNT];
    for who in Contender::ALL {
        let Some(n) = per_call(who) else {
            println!("(callgrind did not report for {})", who.label());
            return;
        };
        figures[who as usize] = n;
    }
    println!("instructions per call (callgrind, concurrency 8)");
    for who in Contender::ALL {
        println!("{:<26} {:>12.0}", who.label(), figures[who as usize]);
    }
    let sdk = figures[Contender::Sdk as usize];
    for base in [Contender::HandTimeout, Contender::Progenitor] {
        println!(
            "{:<26} {:>12.3}",
            format!("SDK / {}", base.label()),
            sdk / figures[base as usize]
        );
    }
}

/// Total instructions of one run of `calls` calls by `who` alone (the
/// server runs in a child process callgrind does not follow).
fn count(who: Contender, calls: usize) -> Option<f64> {
    let exe = std::env::current_exe().ok()?;
    let out_file = std::env::temp_dir().join(format!(
        "per_call.{}.{calls}.{}.callgrind",
        who.name(),
        std::process::id()
    ));
    let output = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(&exe)
        .env("BENCH_ONLY", who.name())
        .env("BENCH_CALLS", calls.to_string())
        .env("BENCH_CONCURRENCY", "8")
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
}
