//! Callbacks (webhooks) the mock sends to a server under test, signed the
//! way the vendor signs them, so that a webhook handler and its signature
//! check can be tested with no account.

use crate::form::Form;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper_util::rt::TokioIo;
use std::fmt;
use std::time::Duration;

/// Computes the headers that authenticate a callback, as the vendor's
/// servers do (an HMAC of URL and parameters with a nonce, say); given to
/// [`super::MockApi::callback_signer`].
pub trait CallbackSigner: fmt::Debug + Send + Sync + 'static {
    /// The headers to send with `callback`, signed with `secret` (the
    /// password the mock accepts, such as an auth token).
    ///
    /// # Errors
    ///
    /// Whatever keeps the signer from signing; the callback is not sent.
    fn sign(
        &self,
        callback: &MockCallback,
        secret: &str,
    ) -> Result<Vec<(String, String)>, Box<dyn std::error::Error + Send + Sync>>;
}

/// A callback to send: `POST` with a form body, or `GET` with the
/// parameters in the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockCallback {
    post: bool,
    url: String,
    params: Vec<(String, String)>,
}

impl MockCallback {
    /// A `POST` of a form to `url` (on loopback: `http://127.0.0.1:<port>/...`).
    pub fn post(url: impl Into<String>) -> Self {
        MockCallback {
            post: true,
            url: url.into(),
            params: Vec::new(),
        }
    }

    /// A `GET` of `url`, the parameters appended to its query.
    pub fn get(url: impl Into<String>) -> Self {
        MockCallback {
            post: false,
            ..MockCallback::post(url)
        }
    }

    /// Adds a parameter.
    #[must_use]
    pub fn param(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.params.push((key.into(), value.into()));
        self
    }

    /// `GET` or `POST`.
    pub fn method(&self) -> &'static str {
        if self.post { "POST" } else { "GET" }
    }

    /// The URL requested: for a `GET`, with the parameters form-encoded
    /// into its query.
    pub fn url(&self) -> String {
        if self.post || self.params.is_empty() {
            return self.url.clone();
        }
        let head = self.url.split('#').next().unwrap_or_default();
        let separator = if head.contains('?') { '&' } else { '?' };
        format!("{head}{separator}{}", self.encoded())
    }

    /// The parameters of the body: those given for a `POST`, none for a
    /// `GET`.
    pub fn body_params(&self) -> &[(String, String)] {
        if self.post { &self.params } else { &[] }
    }

    fn encoded(&self) -> String {
        let mut out = String::new();
        let mut form = Form::new(&mut out);
        for (key, value) in &self.params {
            form.pair(key, value);
        }
        out
    }
}

/// What the server under test answered.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallbackReply {
    /// The status.
    pub status: u16,
    /// The `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body, as text (invalid UTF-8 replaced).
    pub body: String,
}

/// Why a callback could not be sent or answered.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallbackError {
    /// The URL is not plain `http` to a loopback address: the mock sends
    /// nothing anywhere else.
    NotLoopback,
    /// The URL cannot be parsed.
    InvalidUrl(String),
    /// The signer failed.
    Signer(String),
    /// Connecting, sending or reading failed, or took over 10 seconds.
    Transport(String),
}

impl fmt::Display for CallbackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallbackError::NotLoopback => {
                f.write_str("the mock sends callbacks only to http://127.0.0.1, [::1] or localhost")
            }
            CallbackError::InvalidUrl(e) => write!(f, "invalid callback URL: {e}"),
            CallbackError::Signer(e) => write!(f, "the callback signer failed: {e}"),
            CallbackError::Transport(e) => write!(f, "the callback failed: {e}"),
        }
    }
}

impl std::error::Error for CallbackError {}

/// The largest answer read back.
const MAX_REPLY: usize = 1 << 20;
const TIMEOUT: Duration = Duration::from_secs(10);

/// Signs `callback` with `secret` and sends it, on a connection of its own.
pub(super) async fn send(
    signer: Option<&dyn CallbackSigner>,
    secret: &str,
    callback: &MockCallback,
) -> Result<CallbackReply, CallbackError> {
    let url = reqwest::Url::parse(&callback.url())
        .map_err(|e| CallbackError::InvalidUrl(e.to_string()))?;
    if url.scheme() != "http" || !crate::host::is_loopback(&url) {
        return Err(CallbackError::NotLoopback);
    }
    let headers = match signer {
        Some(signer) => signer
            .sign(callback, secret)
            .map_err(|e| CallbackError::Signer(e.to_string()))?,
        None => Vec::new(),
    };
    tokio::time::timeout(TIMEOUT, exchange(&url, callback, headers))
        .await
        .map_err(|_| CallbackError::Transport("no answer within 10 s".to_owned()))?
}

async fn exchange(
    url: &reqwest::Url,
    callback: &MockCallback,
    headers: Vec<(String, String)>,
) -> Result<CallbackReply, CallbackError> {
    let transport = |e: &dyn fmt::Display| CallbackError::Transport(e.to_string());
    let addrs = url.socket_addrs(|| Some(80)).map_err(|e| transport(&e))?;
    let stream = tokio::net::TcpStream::connect(&*addrs)
        .await
        .map_err(|e| transport(&e))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| transport(&e))?;
    tokio::spawn(connection);
    let host = url.host_str().unwrap_or("127.0.0.1");
    let authority = match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    };
    let target = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    };
    let body = if callback.post {
        callback.encoded()
    } else {
        String::new()
    };
    let mut request = hyper::Request::builder()
        .method(callback.method())
        .uri(target)
        .header(hyper::header::HOST, authority);
    if callback.post {
        request = request.header(
            hyper::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        );
    }
    for (name, value) in &headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let request = request
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| transport(&e))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| transport(&e))?;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(hyper::header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let body = Limited::new(response.into_body(), MAX_REPLY)
        .collect()
        .await
        .map_err(|e| transport(&e))?
        .to_bytes();
    Ok(CallbackReply {
        status,
        content_type,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}
