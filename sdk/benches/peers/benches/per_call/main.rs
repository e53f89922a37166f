//! Per-call cost of the SDK against its peers, side by side in one run: the
//! same add-user request written by hand with `reqwest` (with and without a
//! per-request timeout), sent by progenitor's generated client, and sent by
//! the SDK, against one minimal hyper server in a separate process (so the
//! server's work is not counted).
//!
//! `cargo bench --manifest-path sdk/benches/peers/Cargo.toml`;
//! `BENCH_CALLS`, `BENCH_CONCURRENCY` and `BENCH_ROUNDS` change the load
//! (default 20,000 calls at 64, 5 rounds). With valgrind installed it also
//! counts instructions per call, which, unlike CPU time on a shared machine,
//! repeat from run to run.

mod callgrind;
mod contenders;
mod hand;
mod measure;
mod server;

use contenders::{Contender, Contenders};
use measure::{Figures, median};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn main() {
    if std::env::args().nth(1).as_deref() == Some("serve") {
        server::serve();
        return;
    }
    let setting = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let calls = setting("BENCH_CALLS", 20_000);
    let concurrency = setting("BENCH_CONCURRENCY", 64);
    let rounds = setting("BENCH_ROUNDS", 5);

    let exe = std::env::current_exe().expect("own path");
    let mut server = Command::new(exe)
        .arg("serve")
        .stdout(Stdio::piped())
        .spawn()
        .expect("server process");
    let mut line = String::new();
    let stdout = server.stdout.take().expect("server stdout");
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("server port");
    let base = format!("http://127.0.0.1:{}", line.trim());

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let only = std::env::var("BENCH_ONLY").ok();
    let results = runtime.block_on(async {
        let contenders = Contenders::new(&base);
        match only.as_deref().map(Contender::from_name) {
            // A run for a profiler (see `callgrind`): one contender, one round.
            Some(Some(who)) => {
                contenders.run(who, calls, concurrency).await;
                None
            }
            Some(None) => panic!("BENCH_ONLY names no contender"),
            None => Some(compare(&contenders, calls, concurrency, rounds).await),
        }
    });
    let _ = server.kill();
    let _ = server.wait();
    let Some(results) = results else { return };

    println!(
        "per-call cost: {calls} calls at concurrency {concurrency}, median of {rounds} rounds, client CPU only"
    );
    println!("{:<26} {:>12} {:>14}", "", "calls/s", "CPU µs/call");
    for who in Contender::ALL {
        let f = results[who as usize];
        println!(
            "{:<26} {:>12.0} {:>14.2}",
            who.label(),
            f.throughput,
            f.cpu_micros
        );
    }
    let sdk = results[Contender::Sdk as usize];
    for base in [Contender::HandTimeout, Contender::Progenitor] {
        let b = results[base as usize];
        println!(
            "{:<26} {:>12.3} {:>14.3}",
            format!("SDK / {}", base.label()),
            sdk.throughput / b.throughput,
            sdk.cpu_micros / b.cpu_micros
        );
    }
    callgrind::report();
}

/// Each round runs every contender, in an order that rotates between
/// rounds; each contender's median is kept.
async fn compare(
    contenders: &Contenders,
    calls: usize,
    concurrency: usize,
    rounds: usize,
) -> [Figures; Contender::COUNT] {
    // Warm every pool and code path.
    for who in Contender::ALL {
        contenders.run(who, calls / 10, concurrency).await;
    }
    let mut runs: [Vec<Figures>; Contender::COUNT] = Default::default();
    for r in 0..rounds {
        for k in 0..Contender::COUNT {
            let who = Contender::ALL[(r + k) % Contender::COUNT];
            runs[who as usize].push(contenders.run(who, calls, concurrency).await);
        }
    }
    if std::env::var_os("BENCH_VERBOSE").is_some() {
        for r in 0..rounds {
            // `runs` is indexed by contender, in the order of `ALL`.
            let line: Vec<String> = Contender::ALL
                .iter()
                .zip(&runs)
                .map(|(who, figures)| {
                    let f = figures[r];
                    format!("{} {:.0}/s {:.2}µs", who.name(), f.throughput, f.cpu_micros)
                })
                .collect();
            eprintln!("round {r}: {}", line.join(", "));
        }
    }
    runs.map(median)
}
