//! Checking that a callback comes from Plivo: the `X-Plivo-Signature-V3`
//! and `-V2` headers it signs the requests to your URLs with.
//!
//! [`CallbackValidator`] takes the callback as your server received it
//! (method, URL, headers, body) and says whether it is genuine; it never
//! panics on what a request carries, and refuses with a
//! [`SignatureError`] saying why. It compares in constant time, accepts a
//! header carrying several signatures, checks the main account's headers
//! (`X-Plivo-Signature-Ma-V3`) with the main account's token, and can
//! refuse a nonce seen before ([`NonceCheck`], [`RecentNonces`]).
//!
//! ```
//! use plivo::signature::{Callback, CallbackValidator, sign_v3};
//!
//! let validator = CallbackValidator::new("your-auth-token")
//!     // What Plivo called, when a proxy or load balancer stands between:
//!     .public_url("https://example.com")?;
//!
//! // A callback as a server behind the proxy sees it (signed here the way
//! // Plivo signs it, for the example).
//! let body = b"CallUUID=abc&From=%2B14155551234&Event=Hangup";
//! let signature = sign_v3(
//!     "your-auth-token",
//!     "POST",
//!     "https://example.com/hangup?id=7",
//!     &[("CallUUID", "abc"), ("From", "+14155551234"), ("Event", "Hangup")],
//!     "05429567804466091622",
//! )?;
//! let callback = Callback::new("POST", "/hangup?id=7")
//!     .header("X-Plivo-Signature-V3", &signature)
//!     .header("X-Plivo-Signature-V3-Nonce", "05429567804466091622")
//!     .form_body(body);
//! let verified = validator.validate(&callback)?;
//! assert_eq!(verified.nonce(), "05429567804466091622");
//!
//! // One changed parameter, and it is refused.
//! let forged = Callback::new("POST", "/hangup?id=7")
//!     .header("X-Plivo-Signature-V3", &signature)
//!     .header("X-Plivo-Signature-V3-Nonce", "05429567804466091622")
//!     .form_body(b"CallUUID=abc&From=%2B14155550000&Event=Hangup");
//! assert!(validator.validate(&forged).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The URL
//!
//! A V3 signature covers the URL exactly as Plivo called it: scheme, host,
//! port as written in your answer or callback URL, path, and query. A
//! server behind a TLS-terminating proxy or a load balancer sees another
//! scheme, host or port (and sometimes a path with a prefix stripped), so
//! give the public one with [`CallbackValidator::public_url`]: it replaces
//! the scheme and host of the URL a callback arrived on, and is prefixed to
//! its path. A request whose URL has no host (`/answer?x=1`, as most
//! servers see it) needs it. Forwarding headers (`X-Forwarded-Host`, ...)
//! are not read: a client can set them.
//!
//! # Versions
//!
//! V3 covers the method, URL, query and POST parameters; V2 covers only the
//! URL without its query, so a V2 callback's body could be changed without
//! notice. A callback with a V3 header is checked against V3 only; one with
//! only V2 headers is checked against V2 unless
//! [`CallbackValidator::require_v3`] refuses it.
//!
//! # Replays
//!
//! A signature stays valid forever: a request captured once can be sent
//! again. V3 and V2 carry a nonce; a validator with a [`NonceCheck`]
//! ([`CallbackValidator::nonce_check`]) asks it about each nonce after the
//! signature is found valid, and refuses one it has seen. [`RecentNonces`]
//! remembers a bounded number in memory; a server with several instances
//! needs a shared store behind its own [`NonceCheck`].
//!
//! # Where the official SDKs differ
//!
//! The signed text follows the official SDKs; where they disagree (user
//! info in the URL, `;` path parameters, the sort order of characters
//! outside the Basic Multilingual Plane, non-ASCII in a query, a GET
//! parameter also in the query), the repository's `tests/vectors/README.md`
//! says which one this follows and why. [`signed_text_v3`] shows the text,
//! to debug a mismatch.

mod canonical;
mod error;
mod http_adapter;
pub(crate) mod mac;
#[cfg(feature = "mock")]
pub(crate) mod mock_signer;
mod replay;
mod validator;

pub use error::SignatureError;
pub use replay::{NonceCheck, RecentNonces};
pub use validator::{Callback, CallbackValidator, SignatureVersion, SignedBy, Verified};

use canonical::Method;

/// Decodes a form body or query as Plivo's SDKs do (for
/// [`crate::callbacks`]).
pub(crate) fn parse_form(body: &[u8]) -> Vec<(String, String)> {
    canonical::parse_pairs(body)
}

/// The `X-Plivo-Signature-V3` value Plivo would send for a callback: the
/// base64 HMAC-SHA256, keyed with `auth_token`, of
/// [`signed_text_v3`]` + "." + nonce`.
///
/// `url` is the absolute URL as Plivo calls it, with its query; `params`
/// are the POST body's parameters (for GET, extra parameters merged with
/// the query).
///
/// # Errors
///
/// When `method` is not `GET` or `POST`, or `url` is not an absolute
/// `http`/`https` URL.
pub fn sign_v3(
    auth_token: &str,
    method: &str,
    url: &str,
    params: &[(&str, &str)],
    nonce: &str,
) -> Result<String, SignatureError> {
    let text = signed_text_v3(method, url, params)?;
    Ok(mac::sign(
        auth_token,
        &[text.as_bytes(), b".", nonce.as_bytes()],
    ))
}

/// The text a V3 signature covers before `.` and the nonce, such as
/// `https://example.com/answer?a=1.CallUUIDabcFrom+1415…`: to compare with
/// what you expected when a signature does not match.
///
/// # Errors
///
/// As [`sign_v3`].
pub fn signed_text_v3(
    method: &str,
    url: &str,
    params: &[(&str, &str)],
) -> Result<String, SignatureError> {
    let params: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    canonical::v3_text(Method::parse(method)?, url, &params)
}

/// The `X-Plivo-Signature-V2` value Plivo would send: the base64
/// HMAC-SHA256, keyed with `auth_token`, of the URL without its query,
/// followed by the nonce.
///
/// # Errors
///
/// When `url` is not an absolute `http`/`https` URL.
pub fn sign_v2(auth_token: &str, url: &str, nonce: &str) -> Result<String, SignatureError> {
    let text = canonical::v2_text(url)?;
    Ok(mac::sign(auth_token, &[text.as_bytes(), nonce.as_bytes()]))
}
