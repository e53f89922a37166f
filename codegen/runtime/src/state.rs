//! What a client holds, in one place: settings fixed when it is built, and
//! the operations on them that building and sending a request need. The
//! builder makes one, the client shares it, the transport asks it; none of
//! them reads its fields.

use crate::auth::{ClientAuth, Used};
use crate::call::CallOptions;
use crate::host::Hosts;
use crate::operation::{Auth, FieldLocation, Operation, PathPart};
use crate::path::{check_segment, push_encoded};
use crate::retry::{Decision, Jitter, Outcome, RetryPolicy};
use crate::transport::Clients;
use crate::{Error, Request, Vendor};
use reqwest::Url;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderName, HeaderValue, USER_AGENT};
use std::fmt;
use std::time::Duration;

/// Time and size limits of a call.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// For a whole call, retries and waits included.
    pub(crate) timeout: Duration,
    /// For one attempt, from connecting to the end of the body.
    pub(crate) attempt_timeout: Duration,
    pub(crate) max_response_bytes: usize,
}

/// A client's state; see the module docs.
pub(crate) struct State {
    vendor: &'static dyn Vendor,
    http: Clients,
    /// The main host's URL and the other hosts' overrides.
    hosts: Hosts,
    credentials: ClientAuth,
    user_agent: HeaderValue,
    retry: RetryPolicy,
    jitter: Jitter,
    limits: Limits,
}

impl State {
    pub(crate) fn new(
        vendor: &'static dyn Vendor,
        http: Clients,
        hosts: Hosts,
        credentials: ClientAuth,
        user_agent: HeaderValue,
        retry: RetryPolicy,
        limits: Limits,
    ) -> Self {
        State {
            vendor,
            http,
            hosts,
            credentials,
            user_agent,
            jitter: retry.jitter_source(),
            retry,
            limits,
        }
    }

    pub(crate) fn vendor(&self) -> &'static dyn Vendor {
        self.vendor
    }

    pub(crate) fn base_url(&self) -> &str {
        &self.hosts.main
    }

    /// The Basic auth user name; empty without Basic credentials.
    pub(crate) fn username(&self) -> &str {
        self.credentials
            .basic
            .as_ref()
            .map_or("", |basic| basic.username())
    }

    /// Fails, naming the scheme, when the client holds no credential for
    /// `operation`'s.
    pub(crate) fn check_auth(&self, operation: &Operation) -> Result<(), Error> {
        self.credentials.check_configured(operation.auth)
    }

    pub(crate) fn limits(&self) -> Limits {
        self.limits
    }

    /// The path of a call of `operation` with path parameters `args`,
    /// checked and percent-encoded.
    pub(crate) fn path<S: AsRef<str>>(
        &self,
        operation: &Operation,
        args: &[S],
    ) -> Result<String, Error> {
        let params = operation
            .fields
            .iter()
            .take_while(|f| f.location == FieldLocation::Path)
            .count();
        if args.len() != params {
            return Err(Error::invalid(
                "path parameters",
                format!("expected {params}, got {}", args.len()),
            ));
        }
        // Room for the literals and the arguments, so the path grows once.
        let literals: usize = operation
            .path
            .iter()
            .map(|part| match part {
                PathPart::Literal(text) => text.len(),
                _ => 0,
            })
            .sum();
        let arguments: usize = args.iter().map(|a| a.as_ref().len()).sum();
        let mut path = String::with_capacity(literals + arguments + 32);
        for part in operation.path {
            match *part {
                PathPart::Literal(text) => path.push_str(text),
                PathPart::Param(i) => {
                    let (Some(field), Some(value)) = (operation.fields.get(i), args.get(i)) else {
                        return Err(Error::invalid("path", "parameter index out of range"));
                    };
                    let value = value.as_ref();
                    check_segment(field.name, value)?;
                    if let Some(format) = field.format {
                        let format = format.name();
                        crate::request::check_format(self.vendor, field.name, format, value)?;
                    }
                    push_encoded(&mut path, value);
                }
                PathPart::Username | PathPart::Password => {
                    // A spec may put the Basic credentials in the path.
                    let Some(basic) = &self.credentials.basic else {
                        return Err(crate::auth::missing(Auth::Basic));
                    };
                    let value = if *part == PathPart::Username {
                        basic.username()
                    } else {
                        basic.password()
                    };
                    push_encoded(&mut path, value);
                }
            }
        }
        // Appended to the base URL, a path that does not start with `/` could
        // turn the base's host into user info (`https://base` + `@other.host`).
        if !path.starts_with('/') {
            path.insert(0, '/');
        }
        Ok(path)
    }

    /// The URL a request of `operation` goes to: on its own host, so that
    /// its credentials go nowhere else.
    pub(crate) fn url(&self, operation: &Operation, path_and_query: &str) -> Result<Url, Error> {
        let base = crate::host::url_of(operation.host, &self.hosts)?;
        // The message leaves the URL out: its path may hold personal data.
        let mut text = String::with_capacity(base.len() + path_and_query.len());
        text.push_str(&base);
        text.push_str(path_and_query);
        Url::parse(&text).map_err(|e| {
            Error::invalid(
                "url",
                format!("the base URL and the path do not form a URL: {e}"),
            )
        })
    }

    /// One attempt of `request` to `url`, limited to `limit`, with the
    /// call's extra headers and idempotency key (`options`, checked
    /// already), without its credentials yet ([`State::authorize`] adds
    /// them).
    pub(crate) fn attempt(
        &self,
        request: &Request,
        options: Option<&CallOptions>,
        url: Url,
        limit: Duration,
    ) -> reqwest::RequestBuilder {
        let operation = request.operation();
        let mut builder = self
            .http
            .for_attempt(limit)
            .request(operation.method.to_http(), url)
            .timeout(limit)
            .header(ACCEPT, request.accept())
            .header(USER_AGENT, self.user_agent.clone());
        for (name, value) in request.headers() {
            // Checked when the request was built.
            if let (Ok(name), Ok(value)) = (
                HeaderName::try_from(*name),
                HeaderValue::try_from(value.as_str()),
            ) {
                builder = builder.header(name, value);
            }
        }
        if let Some(options) = options {
            for (name, value) in &options.headers {
                builder = builder.header(name, value.clone());
            }
            if let (Some(key), Some(name)) = (
                &options.idempotency_key,
                self.vendor.idempotency_header(operation),
            ) {
                builder = builder.header(name, key.clone());
            }
        }
        if let Some((content_type, body)) = request.http_body() {
            builder = builder.header(CONTENT_TYPE, content_type).body(body);
        }
        builder
    }

    /// Puts the credential of `operation`'s scheme on `attempt`, the
    /// finished request: last, so that a signer sees every other header.
    /// A token provider's wait is bounded by `remaining`, the call's time
    /// left: past it, the error is [`crate::ErrorKind::Timeout`].
    pub(crate) fn authorize<'a>(
        &'a self,
        operation: &'static Operation,
        attempt: &'a mut reqwest::Request,
        remaining: Duration,
    ) -> impl Future<Output = Result<Used, Error>> + Send + 'a {
        // The credentials' own future, not one wrapping it: it is part of
        // every call's future.
        self.credentials.apply(operation, attempt, remaining)
    }

    /// Tells the token provider that the API refused `token`; whether the
    /// client has one to refresh.
    pub(crate) fn refused(&self, used: &Used) -> bool {
        match (used, &self.credentials.token) {
            (Used::ProviderToken(token), Some(crate::auth::TokenSource::Provider(provider))) => {
                provider.invalidate(token);
                true
            }
            _ => false,
        }
    }

    /// The HTTP client for an attempt limited to `limit`.
    pub(crate) fn http(&self, limit: Duration) -> &reqwest::Client {
        self.http.for_attempt(limit)
    }

    /// Whether to try again after `attempt` ended in `outcome`, `elapsed`
    /// into a call whose deadline is `deadline`, under the call's `policy`
    /// or else the client's.
    pub(crate) fn decide(
        &self,
        policy: Option<&RetryPolicy>,
        idempotent: bool,
        attempt: u32,
        outcome: Outcome,
        elapsed: Duration,
        deadline: Duration,
    ) -> Decision {
        policy.unwrap_or(&self.retry).decide(
            idempotent,
            attempt,
            outcome,
            elapsed,
            deadline,
            self.jitter.next_fraction(),
        )
    }
}

impl fmt::Debug for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("api", &self.vendor.name())
            .field("base_url", &self.hosts.main)
            .field("hosts", &self.hosts.overrides)
            .field("credentials", &self.credentials)
            .field("retry", &self.retry)
            .field("timeout", &self.limits.timeout)
            .field("attempt_timeout", &self.limits.attempt_timeout)
            .finish_non_exhaustive()
    }
}
