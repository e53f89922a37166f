//! One call of an operation, as generated methods return it: a future that
//! sends the request when awaited, and before that takes per-call options
//! (deadline, retry policy, extra headers, idempotency key) or asks for
//! the response's status and headers beside the body.

pub(crate) mod options;
#[cfg(test)]
mod size_test;

use crate::reply::{self, Reply};
use crate::{Client, Error, Request, Response, RetryPolicy};
use options::CallOptions;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;

/// The future of the response being sent; boxed because an `async fn`'s
/// future has no name a struct field could give.
pub(crate) type Sending = Pin<Box<dyn Future<Output = Result<Response, Error>> + Send>>;

impl Client {
    /// A [`Call`] that sends `request` (or fails with its error, when
    /// awaited) and decodes the 2xx response with `decode`: what generated
    /// methods return, with its per-call options and
    /// [`Call::with_response`]. Public for a hand-built request.
    pub fn call<T>(
        &self,
        request: Result<Request, Error>,
        decode: fn(Response) -> Result<T, Error>,
    ) -> Call<T> {
        Call::new(self.clone(), request, decode)
    }
}

/// The sending of `request` by `client` with the options of one call,
/// checked here, before the sending future exists: a refused option fails
/// the call without it, and a plain call's future holds no wrapper that
/// checks them.
pub(crate) fn send(
    client: &Client,
    request: Request,
    mut options: Option<Box<CallOptions>>,
) -> Result<Sending, Error> {
    let state = client.state();
    if let Some(options) = options.as_deref_mut() {
        options
            .check(&request, state.vendor())
            .map_err(|e| e.in_operation(request.operation().name))?;
    }
    // Allocated before the future is made, so that it can be made in
    // place rather than on the stack and then copied.
    let slot = Box::new_uninit();
    let sending = Box::write(
        slot,
        crate::execute::execute(Arc::clone(state), request, options),
    );
    Ok(Box::into_pin(sending))
}

/// One call of an operation: await it for the decoded body.
///
/// Generated methods return one. Awaited as it is, it sends the request
/// with the client's settings; its builder methods change this call only:
///
/// - [`Call::timeout`]: the deadline of the whole call, retries included;
/// - [`Call::retry`]: the retry policy;
/// - [`Call::header`]: an extra header (never one the runtime or the
///   credential owns, nor one the request sets already: the call then
///   fails with [`crate::ErrorKind::InvalidInput`], nothing sent);
/// - [`Call::idempotency_key`]: the key the API deduplicates this
///   operation's requests by, which makes a POST as safe to retry as a
///   PUT;
/// - [`Call::with_response`]: the status, headers and request id beside
///   the body.
///
/// The request was built when the method was called, failures included: a
/// refused argument fails the call when it is awaited, before anything is
/// sent. The call owns what it needs and borrows nothing, so it can be
/// spawned or joined; it does nothing until polled.
#[must_use = "a call does nothing until it is awaited"]
pub struct Call<T> {
    client: Client,
    /// Taken when the call is first polled.
    request: Option<Result<Request, Error>>,
    /// `None` on a plain call: the common case pays nothing for options.
    options: Option<Box<CallOptions>>,
    decode: fn(Response) -> Result<T, Error>,
    sending: Option<Sending>,
}

impl<T> Call<T> {
    /// A call that sends `request` (or fails with its error) with `client`
    /// and decodes the 2xx response with `decode` (such as
    /// [`Response::json`]). Generated methods call this; it is public for
    /// a hand-built request.
    pub fn new(
        client: Client,
        request: Result<Request, Error>,
        decode: fn(Response) -> Result<T, Error>,
    ) -> Self {
        Call {
            client,
            request: Some(request),
            options: None,
            decode,
            sending: None,
        }
    }

    fn options(&mut self) -> &mut CallOptions {
        self.options.get_or_insert_with(Box::default)
    }

    /// Ends the call with [`crate::ErrorKind::Timeout`] once `timeout` has
    /// passed since it started, retries, their waits and the wait for a
    /// token provider's token included, instead of the client's timeout.
    /// Each attempt keeps the client's attempt timeout, shortened to fit.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options().timeout = Some(timeout);
        self
    }

    /// Retries this call as `policy` allows instead of the client's policy
    /// ([`RetryPolicy::none`] for a single attempt). What is safe to retry
    /// does not change; the jitter stays the client's, seed included.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.options().retry = Some(policy);
        self
    }

    /// Sends header `name: value` on every attempt of this call, beside
    /// the operation's own headers.
    ///
    /// A header the runtime or the credential owns (`Authorization`,
    /// `Proxy-Authorization`, the operation's API-key header, `Host`,
    /// `Content-Length`, `Content-Type`, `Transfer-Encoding`, `Accept`,
    /// `User-Agent`, hop-by-hop headers, and the operation's idempotency
    /// header: use [`Call::idempotency_key`]), a header the request sets
    /// already (a header parameter of the operation) or an extra header
    /// given twice (either would send two values), an invalid name, or a
    /// value a header cannot carry is refused: the call fails, when awaited, with
    /// [`crate::ErrorKind::InvalidInput`] and
    /// [`crate::Delivery::NotSent`]. The error names the header, never
    /// its value.
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        self.options().add_header(name.as_ref(), value.as_ref());
        self
    }

    /// Sends `key` in the header the API deduplicates this operation's
    /// requests by ([`crate::Vendor::idempotency_header`]), the same on
    /// every attempt. The API then acts at most once per key, so the call
    /// is retried as an idempotent one: after a 5xx, a timeout or a reset
    /// too.
    ///
    /// For an operation the API names no such header for (a key the
    /// endpoint ignores would make a POST look safe to send twice), a
    /// request that sets that header already, or a key that is empty or
    /// only whitespace (a server trims it to nothing), the call fails, when
    /// awaited, with [`crate::ErrorKind::InvalidInput`] and
    /// [`crate::Delivery::NotSent`].
    pub fn idempotency_key(mut self, key: impl AsRef<str>) -> Self {
        self.options().set_idempotency_key(key.as_ref());
        self
    }

    /// The same call, resolving to a [`Reply`]: the decoded body with the
    /// response's status, headers and request id. Errors are the plain
    /// call's.
    pub fn with_response(self) -> WithResponse<T> {
        WithResponse { call: self }
    }

    /// Sends the request when first polled, then polls the sending.
    fn poll_response(&mut self, cx: &mut Context<'_>) -> Poll<Result<Response, Error>> {
        let sending = match &mut self.sending {
            Some(sending) => sending,
            None => {
                let sending = match self.request.take() {
                    Some(Ok(request)) => match send(&self.client, request, self.options.take()) {
                        Ok(sending) => sending,
                        Err(error) => return Poll::Ready(Err(error)),
                    },
                    Some(Err(error)) => return Poll::Ready(Err(error)),
                    None => {
                        return Poll::Ready(Err(Error::invalid(
                            "call",
                            "was polled again after it completed",
                        )));
                    }
                };
                self.sending.insert(sending)
            }
        };
        let result = ready!(sending.as_mut().poll(cx));
        self.sending = None;
        Poll::Ready(result)
    }
}

impl<T> Future for Call<T> {
    type Output = Result<T, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let response = ready!(self.poll_response(cx))?;
        Poll::Ready((self.decode)(response))
    }
}

impl<T> fmt::Debug for Call<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let operation = match &self.request {
            Some(Ok(request)) => Some(request.operation().name),
            _ => None,
        };
        f.debug_struct("Call")
            .field("operation", &operation)
            .field("options", &self.options)
            .field("started", &self.sending.is_some())
            .finish_non_exhaustive()
    }
}

/// A [`Call`] that resolves to a [`Reply`]; made by [`Call::with_response`].
#[must_use = "a call does nothing until it is awaited"]
#[derive(Debug)]
pub struct WithResponse<T> {
    call: Call<T>,
}

impl<T> Future for WithResponse<T> {
    type Output = Result<Reply<T>, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let call = &mut self.call;
        let mut response = ready!(call.poll_response(cx))?;
        let headers = std::mem::take(&mut response.headers);
        let request_id = reply::request_id(call.client.vendor(), &headers, &response.body);
        let status = response.status;
        let body = (call.decode)(response)?;
        Poll::Ready(Ok(Reply {
            status,
            headers,
            request_id,
            body,
        }))
    }
}
