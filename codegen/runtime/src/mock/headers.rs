//! The headers of a recorded request: all of them, for the test to read,
//! but never a credential in `Debug` (a failing assertion prints it).

use std::fmt;

/// The headers a request arrived with, names in lower case, in order.
///
/// [`get`](Self::get) returns any value as sent, credentials included, for
/// the test that asks; `Debug` shows headers that may carry a secret
/// (`authorization`, cookies, any name with `auth`, `key`, `token`,
/// `secret`, `signature` or `session` in it, and the operation's own API
/// key header) as `<redacted>`.
#[derive(Clone, Default)]
pub struct RecordedHeaders {
    entries: Vec<(String, String)>,
    /// The operation's API key header (lower case), redacted whatever its name.
    credential: Option<String>,
}

/// Two sets of headers are equal when they were sent alike.
impl PartialEq for RecordedHeaders {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Eq for RecordedHeaders {}

impl RecordedHeaders {
    pub(super) fn from_map(map: &hyper::HeaderMap) -> Self {
        let entries = map
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        RecordedHeaders {
            entries,
            credential: None,
        }
    }

    /// The same headers, with `name` a credential (redacted in `Debug`).
    pub(super) fn with_credential(mut self, name: Option<&str>) -> Self {
        self.credential = name.map(str::to_ascii_lowercase);
        self
    }

    /// Whether the header `name` may carry a credential.
    pub(super) fn is_secret(&self, name: &str) -> bool {
        let name = name.to_ascii_lowercase();
        self.credential.as_deref() == Some(name.as_str()) || secret(&name)
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
pub(super) fn secret(name: &str) -> bool {
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
            if self.is_secret(name) {
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
