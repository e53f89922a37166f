//! The query string of a recorded request: kept as sent, read decoded, and
//! never printed with a credential in it.

use super::headers::secret;
use std::fmt;

/// The query string a request arrived with (without the `?`), as sent.
///
/// [`get`](Self::get) and [`iter`](Self::iter) read it decoded (`%20` and
/// `+` as spaces); `Debug` shows a parameter that may carry a secret (its
/// name holds `key`, `token`, `auth`, `secret`, `signature`, ..., or it is
/// the operation's own API key parameter) as `<redacted>`.
#[derive(Clone, Default)]
pub struct RecordedQuery {
    raw: String,
    pairs: Vec<(String, String)>,
    /// The operation's API key parameter, redacted whatever its name.
    credential: Option<&'static str>,
}

impl RecordedQuery {
    /// `raw` (what follows `?`), decoded once.
    pub(super) fn parse(raw: &str) -> Self {
        RecordedQuery {
            raw: raw.to_owned(),
            pairs: pairs(raw),
            credential: None,
        }
    }

    /// The same query, with `name` a credential (redacted in `Debug`).
    pub(super) fn with_credential(mut self, name: Option<&'static str>) -> Self {
        self.credential = name;
        self
    }

    /// The query as sent, percent-encoding included, without the `?`.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The first value of `name`, decoded.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Every parameter, decoded, in the order sent.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// How many parameters there are.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Whether `name`'s value may be a credential.
    pub(super) fn is_secret(&self, name: &str) -> bool {
        self.credential == Some(name) || secret(&name.to_ascii_lowercase())
    }

    /// The query as `Debug` would print it, `a=1&key=<redacted>`.
    pub(super) fn redacted(&self) -> String {
        let shown: Vec<String> = self
            .iter()
            .map(|(name, value)| {
                if self.is_secret(name) {
                    format!("{name}=<redacted>")
                } else {
                    format!("{name}={value}")
                }
            })
            .collect();
        shown.join("&")
    }

    /// The memory it takes, for the recording's budget.
    pub(super) fn weight(&self) -> usize {
        self.raw.len()
            + self
                .pairs
                .iter()
                .map(|(n, v)| n.len() + v.len() + 2 * std::mem::size_of::<String>())
                .sum::<usize>()
    }
}

/// Two queries are equal when they were sent alike.
impl PartialEq for RecordedQuery {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl Eq for RecordedQuery {}

impl fmt::Debug for RecordedQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.redacted())
    }
}

/// The `name=value` pairs of a query or form body, decoded; a key without
/// `=` has an empty value.
pub(super) fn pairs(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            (decode(name), decode(value))
        })
        .collect()
}

/// Form decoding: `+` is a space, `%XX` a byte; an escape that is not one
/// stays as written, and bytes that are not UTF-8 are replaced.
pub(super) fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoded_for_reading_kept_as_sent_and_redacted_when_printed() {
        let query = RecordedQuery::parse("q=blue+bolts&page=2&api_key=k%2D1&flag&appid=s3")
            .with_credential(Some("appid"));
        assert_eq!(
            query.as_str(),
            "q=blue+bolts&page=2&api_key=k%2D1&flag&appid=s3"
        );
        assert_eq!(query.get("q"), Some("blue bolts"));
        assert_eq!(query.get("api_key"), Some("k-1"));
        assert_eq!(query.get("flag"), Some(""));
        assert_eq!(query.len(), 5);
        let printed = format!("{query:?}");
        assert!(
            !printed.contains("k-1") && !printed.contains("k%2D1"),
            "{printed}"
        );
        assert!(!printed.contains("s3"), "{printed}");
        assert!(printed.contains("page=2"), "{printed}");
    }

    #[test]
    fn a_broken_escape_stays_as_written() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%41"), "%zzA");
    }
}
