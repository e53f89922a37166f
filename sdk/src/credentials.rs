//! Auth ID and Auth Token, kept out of every `Debug` and log.

use crate::Error;
use reqwest::header::HeaderValue;
use std::fmt;

/// The account credentials; the token is never printed.
#[derive(Clone)]
pub(crate) struct Credentials {
    pub(crate) auth_id: String,
    auth_token: String,
    /// `Basic base64(id:token)`, computed once and marked sensitive.
    pub(crate) header: HeaderValue,
}

impl Credentials {
    pub(crate) fn new(auth_id: String, auth_token: String) -> Result<Self, Error> {
        for (name, value) in [("auth_id", &auth_id), ("auth_token", &auth_token)] {
            if value.is_empty() {
                return Err(Error::invalid(name, "must not be empty"));
            }
            if value.chars().any(char::is_control) {
                return Err(Error::invalid(name, "must not contain control characters"));
            }
        }
        // The shape Plivo issues, and the official SDKs check: MA (main
        // account) or SA (subaccount), then 18 capital letters or digits.
        let well_formed = auth_id.len() == 20
            && (auth_id.starts_with("MA") || auth_id.starts_with("SA"))
            && auth_id
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !well_formed {
            return Err(Error::invalid(
                "auth_id",
                "must be 20 characters: `MA` or `SA` then capital letters and digits",
            ));
        }
        let mut header = HeaderValue::try_from(format!(
            "Basic {}",
            base64(format!("{auth_id}:{auth_token}").as_bytes())
        ))
        .map_err(|_| Error::invalid("auth_token", "cannot be sent in a header"))?;
        header.set_sensitive(true);
        Ok(Credentials {
            auth_id,
            auth_token,
            header,
        })
    }

    pub(crate) fn auth_token(&self) -> &str {
        &self.auth_token
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("auth_id", &self.auth_id)
            .field("auth_token", &"<redacted>")
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

    #[test]
    fn debug_hides_the_token() {
        let c = Credentials::new("MAXXXXXXXXXXXXXXXXXX".into(), "s3cret-token".into()).unwrap();
        let shown = format!("{c:?}");
        assert!(shown.contains("MAXXXXXXXXXXXXXXXXXX"));
        assert!(!shown.contains("s3cret-token"));
    }

    #[test]
    fn empty_malformed_or_control_characters_are_rejected() {
        let id = "MAXXXXXXXXXXXXXXXXXX";
        assert!(Credentials::new(String::new(), "t".into()).is_err());
        assert!(Credentials::new(id.into(), String::new()).is_err());
        assert!(Credentials::new(id.into(), "to\nken".into()).is_err());
        assert!(Credentials::new("MAXXXXXXXXXXXXXXXX\u{7}X".into(), "t".into()).is_err());
        for bad in [
            "MAXXXXXXXXXXXXXXXXX",
            "MAXXXXXXXXXXXXXXXXXXX",
            "XAXXXXXXXXXXXXXXXXXX",
            "maxxxxxxxxxxxxxxxxxx",
        ] {
            let err = Credentials::new(bad.into(), "t".into()).unwrap_err();
            assert!(
                err.to_string().starts_with("invalid auth_id"),
                "{bad}: {err}"
            );
        }
        assert!(Credentials::new("SA0123456789ABCDEF01".into(), "t".into()).is_ok());
    }
}
