//! When to try a call again: a pure function of the attempt, what happened
//! and the time left, so every rule is unit-tested without a network.
//!
//! The rule that matters most: a request that is not idempotent (a POST
//! that dials a phone or places an order) is sent again only when the service
//! cannot have acted on it: the connection was never established, or the
//! service said so (429, or 503 with `Retry-After`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// What one attempt came to, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing was sent: no connection was established, or the HTTP client
    /// reports that it never started writing the request (the connection
    /// closed first).
    ConnectFailed,
    /// The request may have reached the service, but no complete answer
    /// came back (a timeout, a reset, a broken body).
    Interrupted,
    /// The service answered with this status (never 2xx here).
    Status {
        /// The HTTP status code.
        code: u16,
        /// The delay its `Retry-After` header asked for, if any.
        retry_after: Option<Duration>,
    },
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then send the request again.
    RetryAfter(Duration),
    /// Give up and report the last failure.
    Stop,
}

/// How many times, and how far apart, a failed call is tried again.
///
/// The default makes at most 3 attempts, waits `Retry-After` when the
/// service sends it and otherwise backs off exponentially from 200 ms to at
/// most 5 s, with jitter. [`RetryPolicy::none`] turns retries off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    seed: Option<u64>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            seed: None,
        }
    }
}

impl RetryPolicy {
    /// One attempt per call: no retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// At most `attempts` attempts per call, the first included (at least 1).
    #[must_use]
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Backoff starts at `base` and doubles per attempt up to `max`.
    #[must_use]
    pub fn with_backoff(mut self, base: Duration, max: Duration) -> Self {
        self.base_delay = base;
        self.max_delay = max.max(base);
        self
    }

    /// Seeds the jitter, making retry delays reproducible (for tests).
    #[must_use]
    pub fn with_jitter_seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// The most attempts a call makes.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether to retry after `attempt` (1-based) ended in `outcome`, for an
    /// operation that is or is not `idempotent`, `elapsed` into a call whose
    /// deadline is `deadline` from its start. `jitter` in `[0, 1)` spreads
    /// backoff delays between half and all of their nominal length.
    ///
    /// Never returns a delay that would end past the deadline.
    pub fn decide(
        &self,
        idempotent: bool,
        attempt: u32,
        outcome: Outcome,
        elapsed: Duration,
        deadline: Duration,
        jitter: f64,
    ) -> Decision {
        if attempt >= self.max_attempts || !retryable(idempotent, outcome) {
            return Decision::Stop;
        }
        let delay = match outcome {
            Outcome::Status {
                retry_after: Some(wait),
                ..
            } => wait,
            _ => self.backoff(attempt, jitter),
        };
        match elapsed.checked_add(delay) {
            Some(end) if end < deadline => Decision::RetryAfter(delay),
            _ => Decision::Stop,
        }
    }

    /// `base * 2^(attempt-1)`, capped, then scaled into `[1/2, 1)` by jitter.
    fn backoff(&self, attempt: u32, jitter: f64) -> Duration {
        let doublings = attempt.saturating_sub(1).min(20);
        let nominal = self
            .base_delay
            .saturating_mul(1u32 << doublings)
            .min(self.max_delay);
        nominal.mul_f64(0.5 + jitter.clamp(0.0, 1.0) / 2.0)
    }

    pub(crate) fn jitter_source(&self) -> Jitter {
        let seed = self.seed.unwrap_or_else(|| {
            // Any varying value will do: jitter only spreads clients apart.
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
        });
        Jitter {
            state: AtomicU64::new(seed),
        }
    }
}

/// Whether a retry can be safe at all, before counting attempts or time.
fn retryable(idempotent: bool, outcome: Outcome) -> bool {
    match outcome {
        // Nothing was sent: safe for every method.
        Outcome::ConnectFailed => true,
        // The service refused without acting and asked for a later try.
        Outcome::Status { code: 429, .. } => true,
        Outcome::Status {
            code: 503,
            retry_after: Some(_),
        } => true,
        // The service may have acted: only a request that can be repeated.
        Outcome::Status {
            code: 500 | 502 | 503 | 504,
            ..
        }
        | Outcome::Interrupted => idempotent,
        Outcome::Status { .. } => false,
    }
}

/// A shared, lock-free source of jitter fractions (SplitMix64).
#[derive(Debug)]
pub(crate) struct Jitter {
    state: AtomicU64,
}

impl Jitter {
    /// The next fraction in `[0, 1)`.
    pub(crate) fn next_fraction(&self) -> f64 {
        let z = self.state.fetch_add(GOLDEN_GAMMA, Ordering::Relaxed);
        // The top 53 bits make an exact f64 in [0, 1).
        (mix64(z.wrapping_add(GOLDEN_GAMMA)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// SplitMix64's step between states.
pub(crate) const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a well-spread 64-bit value from a state.
pub(crate) fn mix64(z: u64) -> u64 {
    let z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: Duration = Duration::from_secs(60);

    fn status(code: u16) -> Outcome {
        Outcome::Status {
            code,
            retry_after: None,
        }
    }

    fn decide(idempotent: bool, outcome: Outcome) -> Decision {
        RetryPolicy::default().decide(idempotent, 1, outcome, Duration::ZERO, MINUTE, 0.0)
    }

    #[test]
    fn posts_retry_only_where_the_service_cannot_have_acted() {
        let retried = |o| matches!(decide(false, o), Decision::RetryAfter(_));
        assert!(retried(Outcome::ConnectFailed));
        assert!(retried(status(429)));
        assert!(retried(Outcome::Status {
            code: 503,
            retry_after: Some(Duration::from_secs(1))
        }));
        for code in [500, 502, 503, 504] {
            assert!(!retried(status(code)), "{code}");
        }
        assert!(!retried(Outcome::Interrupted));
        for code in [400, 401, 403, 404, 405, 409] {
            assert!(!retried(status(code)), "{code}");
        }
    }

    #[test]
    fn gets_also_retry_server_errors_timeouts_and_resets() {
        let retried = |o| matches!(decide(true, o), Decision::RetryAfter(_));
        for code in [500, 502, 503, 504, 429] {
            assert!(retried(status(code)), "{code}");
        }
        assert!(retried(Outcome::Interrupted));
        assert!(retried(Outcome::ConnectFailed));
        assert!(!retried(status(404)));
    }

    #[test]
    fn retry_after_is_honoured_but_never_past_the_deadline() {
        let policy = RetryPolicy::default();
        let asked = Outcome::Status {
            code: 429,
            retry_after: Some(Duration::from_secs(7)),
        };
        assert_eq!(
            policy.decide(false, 1, asked, Duration::ZERO, MINUTE, 0.9),
            Decision::RetryAfter(Duration::from_secs(7))
        );
        assert_eq!(
            policy.decide(false, 1, asked, Duration::from_secs(55), MINUTE, 0.9),
            Decision::Stop
        );
        let forever = Outcome::Status {
            code: 503,
            retry_after: Some(Duration::MAX),
        };
        assert_eq!(
            policy.decide(true, 1, forever, Duration::ZERO, MINUTE, 0.0),
            Decision::Stop
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let policy = RetryPolicy::default()
            .with_max_attempts(10)
            .with_backoff(Duration::from_millis(100), Duration::from_millis(450));
        let delay = |attempt, jitter| match policy.decide(
            true,
            attempt,
            Outcome::Interrupted,
            Duration::ZERO,
            MINUTE,
            jitter,
        ) {
            Decision::RetryAfter(d) => d,
            Decision::Stop => panic!("stopped"),
        };
        assert_eq!(delay(1, 0.0), Duration::from_millis(50));
        assert_eq!(delay(2, 0.0), Duration::from_millis(100));
        assert_eq!(delay(3, 0.0), Duration::from_millis(200));
        assert_eq!(delay(4, 0.0), Duration::from_millis(225));
        assert_eq!(delay(9, 0.0), Duration::from_millis(225));
        assert!(delay(2, 0.999) > Duration::from_millis(199));
        assert!(delay(2, 0.999) < Duration::from_millis(200) + Duration::from_millis(1));
    }

    #[test]
    fn attempts_are_bounded_and_none_means_one() {
        let policy = RetryPolicy::default().with_max_attempts(2);
        let d = |attempt| {
            policy.decide(
                true,
                attempt,
                Outcome::ConnectFailed,
                Duration::ZERO,
                MINUTE,
                0.5,
            )
        };
        assert!(matches!(d(1), Decision::RetryAfter(_)));
        assert_eq!(d(2), Decision::Stop);
        let none = RetryPolicy::none();
        assert_eq!(none.max_attempts(), 1);
        assert_eq!(
            none.decide(true, 1, Outcome::ConnectFailed, Duration::ZERO, MINUTE, 0.5),
            Decision::Stop
        );
    }

    #[test]
    fn seeded_jitter_is_reproducible_and_in_range() {
        let a = RetryPolicy::default().with_jitter_seed(42).jitter_source();
        let b = RetryPolicy::default().with_jitter_seed(42).jitter_source();
        let xs: Vec<f64> = (0..1000).map(|_| a.next_fraction()).collect();
        let ys: Vec<f64> = (0..1000).map(|_| b.next_fraction()).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
        let mean = xs.iter().sum::<f64>() / 1000.0;
        assert!((0.4..0.6).contains(&mean), "{mean}");
    }
}
