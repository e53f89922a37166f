//! What one call may change: its deadline, its retry policy, extra headers
//! and an idempotency key. Checked when the call starts, so that a refused
//! option fails the call before anything is sent.

use crate::operation::{Auth, Operation, Placement};
use crate::{Error, Request, RetryPolicy, Vendor};
use reqwest::header::{HeaderName, HeaderValue};
use std::fmt;
use std::time::Duration;

/// Headers the runtime writes itself: credentials, framing, content
/// negotiation, hop-by-hop. An extra header of one of these names is
/// refused, not merged: a second `Authorization` or `Content-Length` would
/// be ambiguous at best and a request smuggled at worst.
const OWNED: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "upgrade",
    "expect",
    "accept",
    "user-agent",
];

/// The options of one call; none set on a plain call, which holds no
/// `CallOptions` at all.
#[derive(Default)]
pub(crate) struct CallOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    /// Checked for syntax when added, for ownership when the call starts.
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) idempotency_key: Option<HeaderValue>,
    /// The first option refused by a setter, reported when the call starts.
    pub(crate) refused: Option<Error>,
}

impl CallOptions {
    pub(crate) fn add_header(&mut self, name: &str, value: &str) {
        let name = match HeaderName::try_from(name) {
            Ok(name) => name,
            Err(_) => return self.refuse("header", "is not a valid header name".to_owned()),
        };
        // The value may be a secret: the error names the header only.
        match HeaderValue::try_from(value) {
            Ok(mut value) => {
                value.set_sensitive(true);
                self.headers.push((name, value));
            }
            Err(_) => self.refuse(
                name.as_str(),
                "header value holds a character a header cannot carry".to_owned(),
            ),
        }
    }

    pub(crate) fn set_idempotency_key(&mut self, key: &str) {
        // A server trims the blanks around a header value: a key of blanks
        // arrives empty, as no key, and would deduplicate nothing while
        // the POST was retried as if it did.
        match HeaderValue::try_from(key) {
            Ok(value) if !key.trim().is_empty() => self.idempotency_key = Some(value),
            _ => self.refuse(
                "idempotency key",
                "must be text a header can carry, not empty or only blanks".to_owned(),
            ),
        }
    }

    fn refuse(&mut self, field: &str, reason: String) {
        if self.refused.is_none() {
            self.refused = Some(Error::invalid(field, reason));
        }
    }

    /// Fails, before anything is sent, for an option a setter refused, an
    /// extra header the runtime or the operation's credential owns, one
    /// `request` sets already or one given twice (either would send two
    /// values), or an idempotency key for an operation the API names no
    /// header for, or whose request sets that header already.
    pub(crate) fn check(&mut self, request: &Request, vendor: &dyn Vendor) -> Result<(), Error> {
        if let Some(error) = self.refused.take() {
            return Err(error);
        }
        let operation = request.operation();
        let key_header = vendor.idempotency_header(operation);
        let set_by_request = |name: &str| {
            request
                .headers()
                .iter()
                .any(|(h, _)| h.eq_ignore_ascii_case(name))
        };
        for (index, (name, _)) in self.headers.iter().enumerate() {
            let name = name.as_str();
            let owned_by = if OWNED.contains(&name) {
                Some("the runtime sets it")
            } else if credential_header(operation.auth)
                .is_some_and(|h| h.eq_ignore_ascii_case(name))
            {
                Some("it carries the client's credential")
            } else if key_header.is_some_and(|h| h.eq_ignore_ascii_case(name)) {
                Some("it carries the idempotency key: set it with `idempotency_key`")
            } else if set_by_request(name) {
                Some("the request sets it already")
            } else if self.headers[..index]
                .iter()
                .any(|(n, _)| n.as_str() == name)
            {
                Some("it was given twice")
            } else {
                None
            };
            if let Some(why) = owned_by {
                return Err(Error::invalid(
                    name,
                    format!("cannot be set as an extra header: {why}"),
                ));
            }
        }
        if self.idempotency_key.is_some() {
            match key_header {
                None => {
                    return Err(Error::invalid(
                        "idempotency key",
                        format!(
                            "the {} API names no idempotency header for `{}`",
                            vendor.name(),
                            operation.name
                        ),
                    ));
                }
                Some(header) if set_by_request(header) => {
                    return Err(Error::invalid(
                        "idempotency key",
                        format!("the request sets its header `{header}` already"),
                    ));
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// The same options for another call of the operation (the next page
    /// of a listing), once these passed [`CallOptions::check`]: a refusal
    /// was reported by that call, and is not carried.
    pub(crate) fn copy_checked(&self) -> CallOptions {
        CallOptions {
            timeout: self.timeout,
            retry: self.retry.clone(),
            headers: self.headers.clone(),
            idempotency_key: self.idempotency_key.clone(),
            refused: None,
        }
    }

    /// Whether the call may be retried as an idempotent one: its operation
    /// is, or it carries a key the API deduplicates by.
    pub(crate) fn idempotent(&self, operation: &Operation) -> bool {
        operation.idempotent || self.idempotency_key.is_some()
    }
}

/// The header a scheme puts its credential in, beyond `Authorization`.
fn credential_header(auth: Auth) -> Option<&'static str> {
    match auth {
        Auth::ApiKey {
            name,
            placement: Placement::Header,
        } => Some(name),
        _ => None,
    }
}

impl fmt::Debug for CallOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Header names only: an extra header may carry a token.
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("CallOptions")
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("headers", &names)
            .field("idempotency_key", &self.idempotency_key.is_some())
            .finish()
    }
}
