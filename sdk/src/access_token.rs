//! Access tokens for Plivo's browser and mobile SDKs: a JWT (HS256, keyed
//! with the Auth Token) that lets an endpoint log in, with the claims and
//! limits of the official helpers (`plivo-python: plivo/utils/jwt.py`,
//! `plivo-go: jwt/jwt.go`, `plivo-node: lib/utils/jwt.js`).
//!
//! ```
//! use plivo::access_token::AccessToken;
//! use std::time::Duration;
//!
//! let jwt = AccessToken::new("MAXXXXXXXXXXXXXXXXXX", "your-auth-token", "alice")?
//!     .lifetime(Duration::from_secs(3600))?
//!     .voice(true, true)
//!     .to_jwt();
//! assert_eq!(jwt.split('.').count(), 3);
//! # Ok::<(), plivo::access_token::TokenError>(())
//! ```
//!
//! The header is `{"alg":"HS256","typ":"JWT","cty":"plivo;v=1"}`; the
//! claims are `jti` (the token's id), `iss` (the Auth ID), `sub` (the
//! endpoint's username), `nbf` and `exp` (Unix seconds), and
//! `grants.voice.incoming_allow` / `outgoing_allow`, always present (false
//! unless [`AccessToken::voice`] allows them, as the Go and Java helpers
//! write them; Python writes `{}` and Node leaves `grants` out when none
//! were added). A lifetime is 180 to 86 400 seconds.

use crate::signature::mac;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The shortest lifetime Plivo's helpers allow, in seconds.
pub const MIN_LIFETIME_SECS: u64 = 180;
/// The longest lifetime Plivo's helpers allow (a day), and the default.
pub const MAX_LIFETIME_SECS: u64 = 86_400;

/// Why an access token cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The Auth ID is not `MA` or `SA` and 18 capital letters or digits.
    #[error("invalid auth_id: must be 20 characters, `MA` or `SA` then capital letters and digits")]
    InvalidAuthId,
    /// The Auth Token is empty.
    #[error("the auth_token is empty")]
    EmptyAuthToken,
    /// The endpoint's username is empty.
    #[error("the username is empty")]
    EmptyUsername,
    /// The token would be valid for a time outside 180..=86400 seconds
    /// (negative when it would expire before it starts).
    #[error("a lifetime of {0} s is outside the permitted 180..=86400 s")]
    LifetimeOutOfRange(i128),
}

/// An access token being built; [`AccessToken::to_jwt`] signs it.
#[derive(Clone)]
pub struct AccessToken {
    auth_id: String,
    auth_token: String,
    username: String,
    valid_from: Option<u64>,
    lifetime: u64,
    id: Option<String>,
    incoming: bool,
    outgoing: bool,
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("auth_id", &self.auth_id)
            .field("auth_token", &"<redacted>")
            .field("username", &self.username)
            .field("valid_from", &self.valid_from)
            .field("lifetime", &self.lifetime)
            .field("id", &self.id)
            .field("incoming", &self.incoming)
            .field("outgoing", &self.outgoing)
            .finish()
    }
}

impl AccessToken {
    /// A token for endpoint `username` of account `auth_id`, signed with
    /// its `auth_token`: valid from when it is signed, for a day, no grant.
    ///
    /// # Errors
    ///
    /// When the Auth ID is malformed, or the token or username empty.
    pub fn new(
        auth_id: impl Into<String>,
        auth_token: impl Into<String>,
        username: impl Into<String>,
    ) -> Result<Self, TokenError> {
        let (auth_id, auth_token, username) = (auth_id.into(), auth_token.into(), username.into());
        let id_ok = auth_id.len() == 20
            && (auth_id.starts_with("MA") || auth_id.starts_with("SA"))
            && auth_id
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !id_ok {
            return Err(TokenError::InvalidAuthId);
        }
        if auth_token.is_empty() {
            return Err(TokenError::EmptyAuthToken);
        }
        if username.is_empty() {
            return Err(TokenError::EmptyUsername);
        }
        Ok(AccessToken {
            auth_id,
            auth_token,
            username,
            valid_from: None,
            lifetime: MAX_LIFETIME_SECS,
            id: None,
            incoming: false,
            outgoing: false,
        })
    }

    /// Valid from this time (Unix seconds; `nbf`) instead of from signing.
    #[must_use]
    pub fn valid_from(mut self, unix_secs: u64) -> Self {
        self.valid_from = Some(unix_secs);
        self
    }

    /// Valid for this long after its start (`exp` = `nbf` + lifetime),
    /// whole seconds.
    ///
    /// # Errors
    ///
    /// Outside 180..=86400 seconds.
    pub fn lifetime(mut self, lifetime: Duration) -> Result<Self, TokenError> {
        let secs = lifetime.as_secs();
        if !(MIN_LIFETIME_SECS..=MAX_LIFETIME_SECS).contains(&secs) || lifetime.subsec_nanos() != 0
        {
            return Err(TokenError::LifetimeOutOfRange(i128::from(secs)));
        }
        self.lifetime = secs;
        Ok(self)
    }

    /// Expires at this time (Unix seconds; `exp`). The start is the one
    /// given by [`AccessToken::valid_from`], else now, fixed here.
    ///
    /// # Errors
    ///
    /// When that leaves a lifetime outside 180..=86400 seconds.
    pub fn valid_until(mut self, unix_secs: u64) -> Result<Self, TokenError> {
        let start = self.valid_from.unwrap_or_else(now);
        let lifetime = i128::from(unix_secs) - i128::from(start);
        let in_range = u64::try_from(lifetime)
            .is_ok_and(|secs| (MIN_LIFETIME_SECS..=MAX_LIFETIME_SECS).contains(&secs));
        if !in_range {
            return Err(TokenError::LifetimeOutOfRange(lifetime));
        }
        self.valid_from = Some(start);
        self.lifetime = unix_secs - start;
        Ok(self)
    }

    /// The token's id (`jti`); by default the username, `-` and the time
    /// of signing in nanoseconds, as the official helpers make it.
    #[must_use]
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Whether the endpoint may receive (`incoming`) and make (`outgoing`)
    /// calls.
    #[must_use]
    pub fn voice(mut self, incoming: bool, outgoing: bool) -> Self {
        self.incoming = incoming;
        self.outgoing = outgoing;
        self
    }

    /// The signed JWT.
    pub fn to_jwt(&self) -> String {
        let nbf = self.valid_from.unwrap_or_else(now);
        let jti = self.id.clone().unwrap_or_else(|| {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            format!("{}-{nanos}", self.username)
        });
        let claims = Claims {
            jti: &jti,
            iss: &self.auth_id,
            sub: &self.username,
            nbf,
            exp: nbf.saturating_add(self.lifetime),
            grants: Grants {
                voice: Voice {
                    incoming_allow: self.incoming,
                    outgoing_allow: self.outgoing,
                },
            },
        };
        // Strings, integers and booleans: serializing cannot fail.
        let claims = serde_json::to_string(&claims).unwrap_or_default();
        let header = URL_SAFE_NO_PAD.encode(HEADER);
        let claims = URL_SAFE_NO_PAD.encode(claims);
        let input = format!("{header}.{claims}");
        let signature = sign_hs256(&self.auth_token, &input);
        format!("{input}.{signature}")
    }
}

/// The claims, in the order the official helpers write them.
#[derive(serde::Serialize)]
struct Claims<'a> {
    jti: &'a str,
    iss: &'a str,
    sub: &'a str,
    nbf: u64,
    exp: u64,
    grants: Grants,
}

#[derive(serde::Serialize)]
struct Grants {
    voice: Voice,
}

#[derive(serde::Serialize)]
struct Voice {
    incoming_allow: bool,
    outgoing_allow: bool,
}

/// Key order as jsonwebtoken (Node's helper) writes it.
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT","cty":"plivo;v=1"}"#;

/// The HS256 signature (base64url, no padding) of a JWT's
/// `header.claims`, keyed with `auth_token`.
pub fn sign_hs256(auth_token: &str, signing_input: &str) -> String {
    URL_SAFE_NO_PAD.encode(mac::hmac_sha256(auth_token, &[signing_input.as_bytes()]))
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "MAXXXXXXXXXXXXXXXXXX";

    fn token() -> AccessToken {
        AccessToken::new(ID, "s3cret-token", "alice").unwrap()
    }

    #[test]
    fn lifetimes_outside_the_limits_are_typed_errors() {
        for secs in [0, 179, 86_401, u64::MAX] {
            let err = token().lifetime(Duration::from_secs(secs)).unwrap_err();
            assert_eq!(err, TokenError::LifetimeOutOfRange(i128::from(secs)));
        }
        assert!(token().lifetime(Duration::from_millis(180_500)).is_err());
        for secs in [180, 3600, 86_400] {
            assert!(token().lifetime(Duration::from_secs(secs)).is_ok());
        }
        let from = token().valid_from(1_000_000);
        assert_eq!(
            from.clone().valid_until(999_000).unwrap_err(),
            TokenError::LifetimeOutOfRange(-1000)
        );
        assert!(from.clone().valid_until(1_000_179).is_err());
        assert!(from.clone().valid_until(1_086_401).is_err());
        let jwt = from.valid_until(1_000_180).unwrap().id("x").to_jwt();
        let claims = jwt.split('.').nth(1).unwrap();
        let claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
        assert_eq!(claims["nbf"], 1_000_000);
        assert_eq!(claims["exp"], 1_000_180);
        assert_eq!(claims["grants"]["voice"]["incoming_allow"], false);
    }

    #[test]
    fn bad_inputs_are_refused() {
        assert_eq!(
            AccessToken::new("MA123", "t", "u").unwrap_err(),
            TokenError::InvalidAuthId
        );
        assert_eq!(
            AccessToken::new(ID, "", "u").unwrap_err(),
            TokenError::EmptyAuthToken
        );
        assert_eq!(
            AccessToken::new(ID, "t", "").unwrap_err(),
            TokenError::EmptyUsername
        );
    }

    #[test]
    fn debug_hides_the_auth_token() {
        let shown = format!("{:?}", token());
        assert!(shown.contains("alice"), "{shown}");
        assert!(!shown.contains("s3cret"), "{shown}");
    }

    #[test]
    fn default_id_and_times() {
        let jwt = token().to_jwt();
        let claims = jwt.split('.').nth(1).unwrap();
        let claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
        assert!(claims["jti"].as_str().unwrap().starts_with("alice-"));
        let nbf = claims["nbf"].as_u64().unwrap();
        assert_eq!(claims["exp"].as_u64().unwrap(), nbf + 86_400);
        assert!(nbf.abs_diff(now()) < 60);
    }
}
