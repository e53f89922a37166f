//! Per-call cost of the SDK against its peers, side by side in one run: the
//! same add-user request written by hand with `reqwest` (with and without a
//! per-request timeout), sent by progenitor's generated client, and sent by
//! the SDK (its handle kept, and its handles built for each call), against
//! nginx on loopback (`nginx.rs`; the bench's own server when nginx is
//! missing), on a multi-thread and a single-thread tokio runtime.
//!
//! `cargo bench --manifest-path sdk/benches/peers/Cargo.toml`. Settings:
//! `BENCH_CALLS` (20,000) calls per round at `BENCH_CONCURRENCY` (64),
//! `BENCH_ROUNDS` (5) rounds of CPU time, `BENCH_REPS` (3) repetitions of
//! the instruction counts under callgrind (0 skips either), `BENCH_SERVER`
//! (`nginx`, else `strict` for the bench's own server).

mod callgrind;
mod contenders;
mod hand;
mod measure;
mod nginx;
mod server;

use contenders::{Contender, Contenders};
use measure::{Figures, Flavor, median};

fn main() {
    if std::env::args().nth(1).as_deref() == Some("serve") {
        server::serve();
        return;
    }
    let calls = setting("BENCH_CALLS", 20_000);
    let concurrency = setting("BENCH_CONCURRENCY", 64);
    if let Ok(only) = std::env::var("BENCH_ONLY") {
        // A run for a profiler (see `callgrind.rs`): one contender, one
        // round, against the server the parent started.
        let who = Contender::from_name(&only).expect("BENCH_ONLY names no contender");
        let flavor = std::env::var("BENCH_RUNTIME").unwrap_or_default();
        let flavor = Flavor::from_name(&flavor).expect("BENCH_RUNTIME is multi or single");
        let base = std::env::var("BENCH_BASE").expect("BENCH_BASE");
        flavor.runtime().block_on(async {
            Contenders::new(&base).run(who, calls, concurrency).await;
        });
        return;
    }
    let rounds = setting("BENCH_ROUNDS", 5);
    let reps = setting("BENCH_REPS", 3);

    let strict = server::spawn();
    check(&strict.base);
    let nginx = match std::env::var("BENCH_SERVER").as_deref() {
        Ok("strict") => None,
        _ => match nginx::start() {
            Ok(nginx) => Some(nginx),
            Err(why) => {
                println!(
                    "nginx could not run ({why}): measuring against the bench's own hyper \
                     server instead, whose figures are not comparable with nginx's. \
                     Install nginx (Debian: apt-get install nginx) for docs/benchmarks.md's."
                );
                None
            }
        },
    };
    let base = nginx.as_ref().map_or(&strict.base, |n| &n.base);
    let server = if nginx.is_some() {
        "nginx"
    } else {
        "the bench's server"
    };
    if rounds > 0 {
        for flavor in Flavor::ALL {
            let results = flavor.runtime().block_on(async {
                compare(&Contenders::new(base), calls, concurrency, rounds).await
            });
            print_times(flavor, server, calls, concurrency, rounds, &results);
        }
    }
    if reps > 0 {
        callgrind::report(base, server, concurrency, reps);
    }
}

/// A setting from the environment, else `default`.
pub fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Every contender sends the whole add-user call: the strict server
/// answers anything else with a 400, which fails the round. nginx checks
/// all but the body.
fn check(base: &str) {
    Flavor::Single.runtime().block_on(async {
        let contenders = Contenders::new(base);
        for who in Contender::ALL {
            contenders.run(who, 256, 8).await;
        }
    });
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
    runs.map(median)
}

fn print_times(
    flavor: Flavor,
    server: &str,
    calls: usize,
    concurrency: usize,
    rounds: usize,
    results: &[Figures; Contender::COUNT],
) {
    println!(
        "\n{}, {server}: {calls} calls at concurrency {concurrency}, median of {rounds} rounds, client CPU only",
        flavor.label()
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
    for sdk in Contender::SDK {
        let s = results[sdk as usize];
        for base in [Contender::HandTimeout, Contender::Progenitor] {
            let b = results[base as usize];
            println!(
                "{:<26} {:>12.3} {:>14.3}",
                format!("{} / {}", sdk.short(), base.short()),
                s.throughput / b.throughput,
                s.cpu_micros / b.cpu_micros
            );
        }
    }
}
