//! Why a callback was refused.

/// Why [`super::CallbackValidator`] refused a callback, or a signature could
/// not be computed. Never shows a token or a signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// A header the check needs is absent: no signature header at all, or
    /// a signature without its nonce.
    #[error("the callback has no `{0}` header")]
    MissingHeader(&'static str),
    /// A header is present but cannot be what Plivo sends: empty, or no
    /// part of it a base64 HMAC-SHA256 (44 characters).
    #[error("the callback's `{header}` header is malformed: {problem}")]
    MalformedHeader {
        /// The header's name.
        header: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The signature is well-formed but not the one the token gives for
    /// this method, URL, parameters and nonce: a forged or altered
    /// callback, a wrong token, or a URL other than the one Plivo called
    /// (see [`super::CallbackValidator::public_url`]).
    #[error(
        "the callback's signature does not match (wrong token, altered request, or a URL other than the one Plivo called)"
    )]
    Mismatch,
    /// The signature is valid but the nonce was seen before
    /// ([`super::NonceCheck`]): a replayed callback.
    #[error("the callback's nonce was seen before: a replay")]
    Replayed,
    /// Only a V2 signature, which does not cover the parameters, and the
    /// validator requires V3 ([`super::CallbackValidator::require_v3`]).
    #[error("the callback carries only a V2 signature and V3 is required")]
    V2NotAccepted,
    /// Plivo calls URLs with `GET` or `POST` only.
    #[error("method `{0}` is not one Plivo calls a URL with (GET or POST)")]
    UnsupportedMethod(String),
    /// The URL cannot be signed (the URL itself is not shown: it may carry
    /// credentials).
    #[error("the callback URL cannot be checked: {0}")]
    InvalidUrl(&'static str),
    /// The request's URL has no scheme and host (`/answer`, as most servers
    /// see it) and no [`super::CallbackValidator::public_url`] was given.
    #[error(
        "the callback URL has no host: give the public URL Plivo calls with CallbackValidator::public_url"
    )]
    NoPublicUrl,
    /// A POST body that is not a form (`application/x-www-form-urlencoded`),
    /// which this validator cannot read the parameters of.
    #[error("the callback body has content type `{0}`; only form bodies can be checked")]
    UnsupportedBody(String),
}
