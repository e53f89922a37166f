//! One round of calls and what it costs: throughput and the client's CPU
//! time per call.

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

/// `calls` calls, `concurrency` at a time, on the current thread.
pub async fn round<F, Fut>(calls: usize, concurrency: usize, call: F) -> Figures
where
    F: Fn(usize) -> Fut + 'static,
    Fut: std::future::Future<Output = bool> + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    // Counted, not asserted in the task: tokio catches a task's panic, and
    // the round would go on to report figures for calls that never worked.
    let failed = Arc::new(AtomicUsize::new(0));
    let cpu_before = cpu_time();
    let started = Instant::now();
    let local = tokio::task::LocalSet::new();
    let call = Arc::new(call);
    for _ in 0..concurrency {
        let (next, failed, call) = (Arc::clone(&next), Arc::clone(&failed), Arc::clone(&call));
        local.spawn_local(async move {
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
        });
    }
    local.await;
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
