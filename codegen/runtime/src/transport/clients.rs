//! Which HTTP client an attempt goes through.
//!
//! A connect cut short by an attempt's limit must read as nothing sent,
//! which needs the connect-deadline layer (`connect_deadline.rs`). But any
//! connector layer makes reqwest type-erase its connector, and it clones
//! that connector for every request, pooled connection or not: about 18
//! allocations a call. The layer only matters when an attempt's limit ends
//! before the connect timeout would; otherwise the connect timeout fires
//! first, as a connect error. So the client keeps two: a plain one for the
//! usual attempt, and one with the layer for an attempt whose limit is
//! shorter than a connect may take (a short attempt timeout, or a call
//! close to its deadline), which has its own pool.
//!
//! Both carry the client's attempt timeout as their own: an attempt given
//! the whole of it sets none per request, since reqwest keeps a request's
//! timeout in its extensions, a map allocated for every request that has one.

use std::time::Duration;

/// How much sooner than the attempt's end a connect timeout must fire for
/// the plain client to be used: room for its error to arrive first.
const SLACK: Duration = Duration::from_millis(250);

/// The HTTP clients of one API client.
pub(crate) struct Clients {
    plain: reqwest::Client,
    /// The timeout both clients were built with.
    timeout: Duration,
    /// The client with the connect-deadline layer, and the plain client's
    /// connect timeout; `None` for a caller's own client, used as given.
    bounded: Option<(reqwest::Client, Duration)>,
}

impl Clients {
    /// A caller's own client, used for every attempt, built with `timeout`.
    pub(crate) fn given(http: reqwest::Client, timeout: Duration) -> Self {
        Clients {
            plain: http,
            timeout,
            bounded: None,
        }
    }

    /// `plain` for attempts that its `connect_timeout` bounds, `bounded`
    /// (with the layer) for shorter ones; both built with `timeout`.
    pub(crate) fn pair(
        plain: reqwest::Client,
        bounded: reqwest::Client,
        connect_timeout: Duration,
        timeout: Duration,
    ) -> Self {
        Clients {
            plain,
            timeout,
            bounded: Some((bounded, connect_timeout)),
        }
    }

    /// The timeout a request gets from the clients when it sets none.
    pub(crate) fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The client for an attempt limited to `limit`, and whether it is the
    /// one with the connect-deadline layer (only its connects read the
    /// deadline, so only its attempts need to publish one).
    pub(crate) fn for_attempt(&self, limit: Duration) -> (&reqwest::Client, bool) {
        match &self.bounded {
            Some((bounded, connect_timeout)) if limit < connect_timeout.saturating_add(SLACK) => {
                (bounded, true)
            }
            _ => (&self.plain, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_attempts_the_connect_timeout_cannot_bound_take_the_layered_client() {
        let plain = reqwest::Client::new();
        let bounded = reqwest::Client::new();
        let clients = Clients::pair(plain, bounded, Duration::from_secs(5), Duration::MAX);
        let is_bounded = |limit| {
            let (chosen, layered) = clients.for_attempt(limit);
            let chosen: *const reqwest::Client = chosen;
            assert_eq!(
                layered,
                std::ptr::eq(chosen, &clients.bounded.as_ref().unwrap().0)
            );
            layered
        };
        assert!(!is_bounded(Duration::from_secs(20)));
        assert!(!is_bounded(Duration::from_millis(5_250)));
        assert!(is_bounded(Duration::from_millis(5_249)));
        assert!(is_bounded(Duration::from_millis(150)));
        let given = Clients::given(reqwest::Client::new(), Duration::MAX);
        let (chosen, layered) = given.for_attempt(Duration::from_millis(1));
        assert!(std::ptr::eq(chosen, &given.plain) && !layered);
    }
}
