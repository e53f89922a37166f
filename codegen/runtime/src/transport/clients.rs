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

use std::time::Duration;

/// How much sooner than the attempt's end a connect timeout must fire for
/// the plain client to be used: room for its error to arrive first.
const SLACK: Duration = Duration::from_millis(250);

/// The HTTP clients of one API client.
pub(crate) struct Clients {
    plain: reqwest::Client,
    /// The client with the connect-deadline layer, and the plain client's
    /// connect timeout; `None` for a caller's own client, used as given.
    bounded: Option<(reqwest::Client, Duration)>,
}

impl Clients {
    /// A caller's own client, used for every attempt.
    pub(crate) fn given(http: reqwest::Client) -> Self {
        Clients {
            plain: http,
            bounded: None,
        }
    }

    /// `plain` for attempts that its `connect_timeout` bounds, `bounded`
    /// (with the layer) for shorter ones.
    pub(crate) fn pair(
        plain: reqwest::Client,
        bounded: reqwest::Client,
        connect_timeout: Duration,
    ) -> Self {
        Clients {
            plain,
            bounded: Some((bounded, connect_timeout)),
        }
    }

    /// The client for an attempt limited to `limit`.
    pub(crate) fn for_attempt(&self, limit: Duration) -> &reqwest::Client {
        match &self.bounded {
            Some((bounded, connect_timeout)) if limit < connect_timeout.saturating_add(SLACK) => {
                bounded
            }
            _ => &self.plain,
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
        let clients = Clients::pair(plain, bounded, Duration::from_secs(5));
        let is_bounded = |limit| {
            let chosen: *const reqwest::Client = clients.for_attempt(limit);
            std::ptr::eq(chosen, &clients.bounded.as_ref().unwrap().0)
        };
        assert!(!is_bounded(Duration::from_secs(20)));
        assert!(!is_bounded(Duration::from_millis(5_250)));
        assert!(is_bounded(Duration::from_millis(5_249)));
        assert!(is_bounded(Duration::from_millis(150)));
        let given = Clients::given(reqwest::Client::new());
        assert!(std::ptr::eq(
            given.for_attempt(Duration::from_millis(1)),
            &given.plain
        ));
    }
}
