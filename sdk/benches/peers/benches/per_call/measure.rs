//! One round of calls and what it costs (throughput and the client's CPU
//! time per call), and the runtimes rounds run on.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What a round of calls cost.
#[derive(Clone, Copy)]
pub struct Figures {
    /// Calls per second of wall time.
    pub throughput: f64,
    /// The client process's CPU time per call, user plus system.
    pub cpu_micros: f64,
}

/// CPU time on a shared machine wanders between rounds; the median of
/// each figure is steadier than the mean.
pub fn median(mut runs: Vec<Figures>) -> Figures {
    let mid = runs.len() / 2;
    runs.sort_by(|a, b| a.throughput.total_cmp(&b.throughput));
    let throughput = runs[mid].throughput;
    runs.sort_by(|a, b| a.cpu_micros.total_cmp(&b.cpu_micros));
    Figures {
        throughput,
        cpu_micros: runs[mid].cpu_micros,
    }
}

/// The tokio runtime the calls run on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// Two worker threads (fixed, so that counts do not depend on the
    /// machine's cores), the main thread waiting on them.
    Multi,
    /// Everything on the main thread.
    Single,
}

impl Flavor {
    /// Both, in the order of the printed tables.
    pub const ALL: [Flavor; 2] = [Flavor::Multi, Flavor::Single];

    /// The name `BENCH_RUNTIME` takes.
    pub fn name(self) -> &'static str {
        match self {
            Flavor::Multi => "multi",
            Flavor::Single => "single",
        }
    }

    /// The name in the printed tables.
    pub fn label(self) -> &'static str {
        match self {
            Flavor::Multi => "multi-thread runtime (2 workers)",
            Flavor::Single => "single-thread runtime",
        }
    }

    /// The flavor `BENCH_RUNTIME` names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// A runtime of this flavor.
    pub fn runtime(self) -> tokio::runtime::Runtime {
        let mut builder = match self {
            Flavor::Multi => {
                let mut b = tokio::runtime::Builder::new_multi_thread();
                b.worker_threads(2);
                b
            }
            Flavor::Single => tokio::runtime::Builder::new_current_thread(),
        };
        builder.enable_all().build().expect("runtime")
    }
}

/// `calls` calls, `concurrency` tasks at a time, each task calling again
/// as soon as its call ends, on whichever runtime runs this.
pub async fn round<F, Fut>(calls: usize, concurrency: usize, call: F) -> Figures
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let cpu_before = cpu_time();
    let started = Instant::now();
    let call = Arc::new(call);
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let (next, failed, call) = (Arc::clone(&next), Arc::clone(&failed), Arc::clone(&call));
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= calls {
                        return;
                    }
                    if !call(i).await {
                        failed.fetch_add(1, Ordering::Relaxed);
                        return;
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        // A task that panicked fails the round rather than passing unseen.
        task.await.expect("a calling task panicked");
    }
    let wall = started.elapsed();
    let cpu = cpu_time().saturating_sub(cpu_before);
    let failed = failed.load(Ordering::Relaxed);
    assert!(failed == 0, "{failed} calls failed");
    Figures {
        throughput: calls as f64 / wall.as_secs_f64(),
        cpu_micros: cpu.as_secs_f64() * 1e6 / calls as f64,
    }
}

/// User plus system CPU time of this process so far.
fn cpu_time() -> Duration {
    // SAFETY: getrusage writes into the zeroed struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let micros = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    Duration::from_micros(micros(usage.ru_utime) + micros(usage.ru_stime))
}
