//! Callbacks from the `http` crate's types, which hyper, axum and most of
//! the Rust web stack share.

use super::validator::HEADERS;
use super::{Callback, CallbackValidator, SignatureError, Verified};

impl Callback {
    /// The callback in an `http::Request` whose body is already read
    /// (`Request<Bytes>`, `Request<Vec<u8>>`, `Request<String>`).
    pub fn from_http_request<B: AsRef<[u8]>>(request: &http::Request<B>) -> Self {
        Callback::from_http(
            request.method(),
            request.uri(),
            request.headers(),
            request.body().as_ref(),
        )
    }

    /// The callback from its parts, as an axum handler receives them
    /// (`Method`, `Uri`, `HeaderMap`, `Bytes`). A POST body is read as a
    /// form unless its `Content-Type` says otherwise (then validating
    /// refuses it with [`SignatureError::UnsupportedBody`]).
    pub fn from_http(
        method: &http::Method,
        uri: &http::Uri,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Self {
        let mut callback = Callback::new(method.as_str(), uri.to_string());
        for name in HEADERS {
            for value in headers.get_all(name) {
                // A value that is not text cannot be a signature; it is kept
                // (lossily) so that the check says the header is malformed.
                let value = String::from_utf8_lossy(value.as_bytes());
                callback = callback.header(name, value);
            }
        }
        if body.is_empty() {
            return callback;
        }
        let content_type = headers
            .get(http::header::CONTENT_TYPE)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        let is_form = content_type.as_deref().is_none_or(|ct| {
            ct.split(';').next().is_some_and(|t| {
                t.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            })
        });
        if is_form {
            callback.form_body(body)
        } else {
            callback.unreadable_body = content_type;
            callback
        }
    }
}

impl CallbackValidator {
    /// [`CallbackValidator::validate`] for an `http::Request` whose body is
    /// already read; see [`Callback::from_http`] for other shapes.
    ///
    /// # Errors
    ///
    /// As [`CallbackValidator::validate`].
    pub fn validate_http<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
    ) -> Result<Verified, SignatureError> {
        self.validate(&Callback::from_http_request(request))
    }
}
