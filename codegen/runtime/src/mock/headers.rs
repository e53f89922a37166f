//! The headers of a recorded request: all of them, for the test to read,
//! but never a credential in `Debug` (a failing assertion prints it).

use std::fmt;

/// The headers a request arrived with, names in lower case, in order.
///
/// [`get`](Self::get) returns any value as sent, credentials included, for
/// the test that asks; `Debug` shows headers that may carry a secret
/// (`authorization`, cookies, and any name with `auth`, `key`, `token`,
/// `secret`, `signature` or `session` in it) as `<redacted>`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct RecordedHeaders {
    entries: Vec<(String, String)>,
}

impl RecordedHeaders {
    pub(super) fn from_map(map: &hyper::HeaderMap) -> Self {
        let entries = map
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        RecordedHeaders { entries }
    }

    /// The first value of `name` (any case), as sent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// Every header, in the order received.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// How many headers there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The memory the names and values take, for the recording's budget.
    pub(super) fn weight(&self) -> usize {
        self.entries
            .iter()
            .map(|(n, v)| n.len() + v.len() + 2 * std::mem::size_of::<String>())
            .sum()
    }
}

/// Whether a header of this (lower-case) name may carry a credential.
fn secret(name: &str) -> bool {
    const MARKS: &[&str] = &[
        "auth",
        "key",
        "token",
        "secret",
        "signature",
        "session",
        "cookie",
    ];
    MARKS.iter().any(|mark| name.contains(mark))
}

impl fmt::Debug for RecordedHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in self.iter() {
            if secret(name) {
                map.entry(&name, &format_args!("<redacted>"));
            } else {
                map.entry(&name, &value);
            }
        }
        map.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_readable_but_not_printed() {
        let mut map = hyper::HeaderMap::new();
        map.insert("authorization", "Basic c2VjcmV0".parse().unwrap());
        map.insert("x-api-key", "k-123".parse().unwrap());
        map.insert("user-agent", "sdk/1".parse().unwrap());
        let headers = RecordedHeaders::from_map(&map);
        assert_eq!(headers.get("Authorization"), Some("Basic c2VjcmV0"));
        let printed = format!("{headers:?}");
        assert!(
            !printed.contains("c2VjcmV0") && !printed.contains("k-123"),
            "{printed}"
        );
        assert!(printed.contains("sdk/1"), "{printed}");
    }
}
