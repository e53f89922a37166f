//! The vendor the runtime's own unit tests use: a name, every other
//! behaviour the trait's default.

use crate::Vendor;

/// A vendor with nothing of its own.
#[derive(Debug)]
pub(crate) struct Test;

impl Vendor for Test {
    fn name(&self) -> &'static str {
        "test"
    }
}

/// The one value of [`Test`], for `&'static dyn Vendor`.
pub(crate) static TEST: Test = Test;
