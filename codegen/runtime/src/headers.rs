//! A response's headers, as the runtime's own type: like [`crate::StatusCode`],
//! the HTTP client underneath can change without changing this signature.

use reqwest::header::HeaderMap;
use std::fmt;

/// The headers of a response. Names are matched without regard to case.
///
/// `Debug` lists the names only: a value may be a session cookie or a
/// token that a proxy added.
#[derive(Clone, Default)]
pub struct Headers {
    map: HeaderMap,
}

impl Headers {
    pub(crate) fn new(map: HeaderMap) -> Self {
        Headers { map }
    }

    /// The first value of header `name`, if present and visible ASCII text
    /// (a value with other bytes is left to [`Headers::get_bytes`]).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.map.get(name)?.to_str().ok()
    }

    /// The first value of header `name`, as raw bytes.
    pub fn get_bytes(&self, name: &str) -> Option<&[u8]> {
        self.map.get(name).map(|v| v.as_bytes())
    }

    /// Every value of header `name`, in the order received, as raw bytes.
    pub fn get_all<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.map.get_all(name).iter().map(|v| v.as_bytes())
    }

    /// Every header, name (lower case) and value, in the order received for
    /// each name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.map.iter().map(|(k, v)| (k.as_str(), v.as_bytes()))
    }

    /// How many values there are, repeated names counted once per value.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

impl fmt::Debug for Headers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.map.keys()).finish()
    }
}
