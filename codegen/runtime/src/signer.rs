//! Schemes no generator can apply alone (request signatures such as AWS v4,
//! hawk or OAuth 1.0), applied by code the caller writes.

use crate::Error;
use crate::operation::Method;
use reqwest::header::{HeaderName, HeaderValue};
use std::fmt;

/// Signs the requests of operations whose scheme needs it
/// ([`crate::Auth::Signer`]), for a client built with
/// [`crate::ClientBuilder::signer`].
///
/// Called on every attempt (a retry is signed afresh, with a fresh time or
/// nonce) with the finished request: the method, the URL with its query,
/// every header the client sends (`Content-Length` and `Host` aside, which
/// the HTTP layer adds from the body and the URL) and the body's bytes.
///
/// ```
/// use postman_runtime::{SignRequest, Signer};
///
/// /// Puts a (toy) digest of method, path and body in `X-Signature`.
/// struct Toy;
///
/// impl Signer for Toy {
///     fn sign(&self, request: &mut SignRequest<'_>) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
///         let sum: u32 = request.body().iter().map(|b| u32::from(*b)).sum();
///         let signature = format!("{} {} {sum}", request.method(), request.path());
///         request.set_header("x-signature", &signature)?;
///         Ok(())
///     }
/// }
/// ```
pub trait Signer: Send + Sync + 'static {
    /// Adds what `request`'s scheme ([`SignRequest::scheme`]) needs. An
    /// error ends the call before anything is sent, as
    /// [`crate::ErrorKind::InvalidInput`] naming the signer.
    ///
    /// # Errors
    ///
    /// Whatever keeps the signer from signing.
    fn sign(
        &self,
        request: &mut SignRequest<'_>,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>>;
}

/// The finished request a [`Signer`] sees and may add headers and query
/// parameters to. Its `Debug` shows neither URL nor headers.
pub struct SignRequest<'a> {
    scheme: &'static str,
    method: Method,
    inner: &'a mut reqwest::Request,
}

impl<'a> SignRequest<'a> {
    pub(crate) fn new(
        scheme: &'static str,
        method: Method,
        inner: &'a mut reqwest::Request,
    ) -> Self {
        SignRequest {
            scheme,
            method,
            inner,
        }
    }

    /// The scheme the spec names (`awsv4`, `hawk`, `oauth1`, ...).
    pub fn scheme(&self) -> &'static str {
        self.scheme
    }

    /// The HTTP method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The whole URL, query included, as sent.
    pub fn url(&self) -> &str {
        self.inner.url().as_str()
    }

    /// The host, without port.
    pub fn host(&self) -> &str {
        self.inner.url().host_str().unwrap_or_default()
    }

    /// The percent-encoded path.
    pub fn path(&self) -> &str {
        self.inner.url().path()
    }

    /// The percent-encoded query, without `?`.
    pub fn query(&self) -> Option<&str> {
        self.inner.url().query()
    }

    /// Every header, in the order they are sent; names are lowercase.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.inner
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_bytes()))
    }

    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&[u8]> {
        self.inner.headers().get(name).map(HeaderValue::as_bytes)
    }

    /// The body's bytes; empty when there is no body.
    pub fn body(&self) -> &[u8] {
        self.inner
            .body()
            .and_then(reqwest::Body::as_bytes)
            .unwrap_or_default()
    }

    /// Sets header `name` to `value`, replacing any value it had. The value
    /// is marked sensitive, as a signature is.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] when either is not valid in a
    /// header.
    pub fn set_header(&mut self, name: &str, value: &str) -> Result<(), Error> {
        let name = HeaderName::try_from(name)
            .map_err(|_| Error::invalid("signer", "set a header name that is not valid"))?;
        let mut value = HeaderValue::try_from(value)
            .map_err(|_| Error::invalid("signer", "set a header value that is not valid"))?;
        value.set_sensitive(true);
        self.inner.headers_mut().insert(name, value);
        Ok(())
    }

    /// Appends `key=value` to the query, form-encoded.
    pub fn append_query(&mut self, key: &str, value: &str) {
        self.inner
            .url_mut()
            .query_pairs_mut()
            .append_pair(key, value);
    }
}

impl fmt::Debug for SignRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignRequest")
            .field("scheme", &self.scheme)
            .field("method", &self.method)
            .finish_non_exhaustive()
    }
}
