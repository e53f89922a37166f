//! Accepting connections: no more at once than the cap, a connection that
//! has never sent a byte giving its slot up to a newcomer, and a pause
//! after each failed `accept` rather than a hot retry loop.

use std::collections::VecDeque;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::task::{AbortHandle, JoinSet};

/// A seam so that failures can be simulated.
pub(super) trait Listener {
    type Stream;

    fn accept(&mut self) -> impl Future<Output = std::io::Result<Self::Stream>> + Send;
}

impl Listener for tokio::net::TcpListener {
    type Stream = tokio::net::TcpStream;

    async fn accept(&mut self) -> std::io::Result<Self::Stream> {
        tokio::net::TcpListener::accept(self).await.map(|(s, _)| s)
    }
}

/// Whether a connection has sent anything yet; set by whoever reads it.
#[derive(Debug, Clone, Default)]
pub(super) struct FirstByte(Arc<AtomicBool>);

impl FirstByte {
    /// Notes that bytes arrived.
    pub(super) fn seen(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    fn is_seen(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// A connection that has not sent a byte yet, oldest first in the queue.
struct Silent {
    task: AbortHandle,
    first: FirstByte,
}

/// Accepts from `listener` forever, serving each connection on a task of
/// its own (`serve` is told when its first byte arrives), at most
/// `max_connections` at a time. The connections live in the loop's future:
/// dropping or aborting it closes them all.
///
/// At the cap, a connection that has never sent a byte does not keep a
/// newcomer waiting: the oldest such connection is closed to make room (as
/// servers such as nginx reclaim connections waiting for a request when
/// they run out). A client that connected and said nothing loses nothing a
/// request could have started, whereas waiting for its header timeout (10 s
/// by default) stalls every real client behind a few hundred silent
/// sockets. Connections that have sent something, kept-alive ones between
/// requests included, keep their slot: closing one could race a request its
/// client is writing, which for a POST is a call of unknown outcome. At the
/// cap with none silent, further clients wait in the listen queue, where
/// they cost no file descriptor; at most one accepted newcomer waits
/// beside the cap.
pub(super) async fn accept_loop<L, F>(
    mut listener: L,
    max_connections: usize,
    serve: impl Fn(L::Stream, FirstByte) -> F,
) where
    L: Listener,
    F: Future<Output = ()> + Send + 'static,
{
    let mut connections = JoinSet::new();
    let mut silent = VecDeque::new();
    let mut backoff = Backoff::default();
    loop {
        reap(&mut connections, &mut silent);
        let full = connections.len() >= max_connections;
        let accepted = match (full, silent.is_empty()) {
            (false, _) => listener.accept().await,
            (true, false) => tokio::select! {
                accepted = listener.accept() => accepted,
                _ = connections.join_next() => continue,
            },
            (true, true) => {
                connections.join_next().await;
                continue;
            }
        };
        let stream = match accepted {
            Ok(stream) => stream,
            Err(error) => {
                // Out of file descriptors, say: retrying at once would spin
                // a core and starve the connections that could free some.
                let pause = backoff.failed();
                tracing::warn!(%error, ?pause, "mock: accept failed");
                tokio::time::sleep(pause).await;
                continue;
            }
        };
        backoff.succeeded();
        reap(&mut connections, &mut silent);
        if connections.len() >= max_connections && !evict_oldest_silent(&mut silent) {
            // All spoke while this one was accepted: it waits its turn.
            connections.join_next().await;
        }
        let first = FirstByte::default();
        let task = connections.spawn(serve(stream, first.clone()));
        silent.push_back(Silent { task, first });
    }
}

/// Closes the oldest connection still silent, if any (aborting its task
/// drops its stream); each is looked at again first, as it may have spoken
/// since the queue was pruned.
fn evict_oldest_silent(silent: &mut VecDeque<Silent>) -> bool {
    while let Some(oldest) = silent.pop_front() {
        if !oldest.task.is_finished() && !oldest.first.is_seen() {
            oldest.task.abort();
            return true;
        }
    }
    false
}

/// Forgets the connections that ended, and those that spoke.
fn reap(connections: &mut JoinSet<()>, silent: &mut VecDeque<Silent>) {
    while connections.try_join_next().is_some() {}
    silent.retain(|s| !s.task.is_finished() && !s.first.is_seen());
}

/// The pause after consecutive `accept` failures: doubling from 5 ms to 1 s,
/// back to nothing after a success.
#[derive(Debug, Default)]
struct Backoff {
    last: Option<Duration>,
}

const FIRST_PAUSE: Duration = Duration::from_millis(5);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

impl Backoff {
    fn failed(&mut self) -> Duration {
        let next = self
            .last
            .map_or(FIRST_PAUSE, |last| (last * 2).min(LONGEST_PAUSE));
        self.last = Some(next);
        next
    }

    fn succeeded(&mut self) {
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// A listener whose every `accept` fails, as with no file descriptor left.
    struct Exhausted(Arc<AtomicUsize>);

    impl Listener for Exhausted {
        type Stream = ();

        async fn accept(&mut self) -> std::io::Result<()> {
            self.0.fetch_add(1, Ordering::Relaxed);
            // A real failing accept returns at once too; yielding only lets
            // the test's timer run on this one thread.
            tokio::task::yield_now().await;
            Err(std::io::Error::from_raw_os_error(24))
        }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn failing_accepts_are_retried_with_pauses_not_in_a_hot_loop() {
        let attempts = Arc::new(AtomicUsize::new(0));
        let run = accept_loop(Exhausted(Arc::clone(&attempts)), 8, |(), _| async {});
        let _ = tokio::time::timeout(Duration::from_millis(200), run).await;
        // 5 + 10 + 20 + 40 + 80 ms of pauses fit in 200 ms: about 6 tries.
        let attempts = attempts.load(Ordering::Relaxed);
        assert!((2..=10).contains(&attempts), "{attempts} accepts in 200 ms");
    }

    #[test]
    fn pauses_double_up_to_a_second_and_reset_after_a_success() {
        let mut backoff = Backoff::default();
        let pauses: Vec<u64> = (0..10)
            .map(|_| backoff.failed().as_millis() as u64)
            .collect();
        assert_eq!(pauses, [5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000]);
        backoff.succeeded();
        assert_eq!(backoff.failed(), FIRST_PAUSE);
    }
}
