//! The mock's locks, taken whatever a panicking test thread left in them.

use std::sync::{Mutex, MutexGuard};

/// A poisoned lock still holds usable data: a panicking test thread must
/// not take the mock down with it.
pub(super) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
