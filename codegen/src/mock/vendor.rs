//! The vendor a collection served with no crate of its own stands for: the
//! runtime's neutral wording and error shape, and no format refused.

use postman_runtime::Vendor;

/// An API known only by its collection.
#[derive(Debug)]
pub(crate) struct Collection {
    /// The collection's title (kept for the process: the seam wants a
    /// `&'static str`).
    pub(crate) name: &'static str,
}

impl Vendor for Collection {
    fn name(&self) -> &'static str {
        self.name
    }

    /// What a format means is a vendor crate's to say (`Vendor::check_format`);
    /// with none, the mock cannot tell a good value from a bad one, and
    /// refusing every one would make the operation unusable.
    fn check_format(&self, _format: &str, _value: &str) -> Result<(), String> {
        Ok(())
    }
}
