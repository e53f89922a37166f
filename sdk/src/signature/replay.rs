//! Refusing a nonce seen before: the hook, and a bounded in-memory store.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

/// Remembers the nonces of callbacks already accepted, so that a replayed
/// callback is refused ([`super::SignatureError::Replayed`]).
///
/// [`super::CallbackValidator`] calls it only once a signature is valid,
/// so forged requests cannot fill the store. Implement it over a shared
/// store (Redis `SET NX` with an expiry, a database table with a unique
/// key) when several instances receive callbacks; [`RecentNonces`] is the
/// in-memory one.
pub trait NonceCheck: Send + Sync {
    /// Records `nonce` and says whether it was new: `false` refuses the
    /// callback.
    fn first_use(&self, nonce: &str) -> bool;
}

/// The last `capacity` nonces accepted, in memory; the oldest is forgotten
/// first. A replay older than that is not caught: size it to the number of
/// callbacks received in the window to be covered.
#[derive(Debug)]
pub struct RecentNonces {
    capacity: usize,
    seen: Mutex<Seen>,
}

#[derive(Debug, Default)]
struct Seen {
    set: HashSet<String>,
    order: VecDeque<String>,
}

impl RecentNonces {
    /// A store remembering up to `capacity` nonces (at least one).
    pub fn new(capacity: usize) -> Self {
        RecentNonces {
            capacity: capacity.max(1),
            seen: Mutex::new(Seen::default()),
        }
    }
}

impl NonceCheck for RecentNonces {
    fn first_use(&self, nonce: &str) -> bool {
        // A poisoned lock still holds a usable set.
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.set.contains(nonce) {
            return false;
        }
        if seen.order.len() >= self.capacity
            && let Some(oldest) = seen.order.pop_front()
        {
            seen.set.remove(&oldest);
        }
        seen.set.insert(nonce.to_owned());
        seen.order.push_back(nonce.to_owned());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_seen_nonce_and_forgets_the_oldest() {
        let nonces = RecentNonces::new(2);
        assert!(nonces.first_use("a"));
        assert!(!nonces.first_use("a"));
        assert!(nonces.first_use("b"));
        assert!(nonces.first_use("c"));
        assert!(nonces.first_use("a"), "a was the oldest, forgotten");
        assert!(!nonces.first_use("c"));
    }
}
