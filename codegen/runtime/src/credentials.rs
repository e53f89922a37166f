//! The Basic auth credentials, kept out of every `Debug` and log.

use crate::{Error, Vendor};
use reqwest::header::HeaderValue;
use std::fmt;

/// The credentials; the password is never printed.
#[derive(Clone)]
pub(crate) struct Credentials {
    username: String,
    password: String,
    /// `Basic base64(username:password)`, computed once and marked sensitive.
    header: HeaderValue,
    /// The vendor's names for the two, as `Debug` shows them.
    names: (&'static str, &'static str),
}

impl Credentials {
    /// Checks what every API needs (neither empty nor holding control
    /// characters), then what `vendor` checks.
    pub(crate) fn new(
        vendor: &dyn Vendor,
        username: String,
        password: String,
    ) -> Result<Self, Error> {
        let names = vendor.credential_names();
        for (name, value) in [(names.0, &username), (names.1, &password)] {
            if value.is_empty() {
                return Err(Error::invalid(name, "must not be empty"));
            }
            if value.chars().any(char::is_control) {
                return Err(Error::invalid(name, "must not contain control characters"));
            }
        }
        vendor
            .check_credentials(&username, &password)
            .map_err(|(name, reason)| Error::invalid(name, reason))?;
        let mut header = HeaderValue::try_from(format!(
            "Basic {}",
            base64(format!("{username}:{password}").as_bytes())
        ))
        .map_err(|_| Error::invalid(names.1, "cannot be sent in a header"))?;
        header.set_sensitive(true);
        Ok(Credentials {
            username,
            password,
            header,
            names,
        })
    }

    pub(crate) fn username(&self) -> &str {
        &self.username
    }

    pub(crate) fn password(&self) -> &str {
        &self.password
    }

    /// The `Authorization` header value, marked sensitive.
    pub(crate) fn header(&self) -> &HeaderValue {
        &self.header
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field(self.names.0, &self.username)
            .field(self.names.1, &"<redacted>")
            .finish()
    }
}

/// Standard base64 with padding (RFC 4648), as Basic auth requires.
fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[derive(Debug)]
    struct Plain;

    impl Vendor for Plain {
        fn name(&self) -> &'static str {
            "plain"
        }
    }

    #[test]
    fn debug_hides_the_password() {
        let c = Credentials::new(&Plain, "someone".into(), "s3cret-token".into()).unwrap();
        let shown = format!("{c:?}");
        assert!(shown.contains("someone"));
        assert!(shown.contains("password"));
        assert!(!shown.contains("s3cret-token"));
    }

    #[test]
    fn empty_or_control_characters_are_rejected() {
        let new = |u: &str, p: &str| Credentials::new(&Plain, u.into(), p.into());
        assert!(new("", "t").is_err());
        assert!(new("u", "").is_err());
        assert!(new("u", "to\nken").is_err());
        let err = new("u\u{7}", "t").unwrap_err();
        assert!(err.to_string().starts_with("invalid username"), "{err}");
        assert!(new("anything at all", "t").is_ok());
    }
}
