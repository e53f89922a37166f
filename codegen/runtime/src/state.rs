//! What a client holds, in one place: settings fixed when it is built, and
//! the operations on them that building a request needs (its path, its
//! URL). The builder makes one, the client shares it, each layer of a
//! call's path reads it; none of them reads its fields.

use crate::auth::ClientAuth;
use crate::base_url::BaseUrl;
use crate::host::Hosts;
use crate::operation::{Auth, FieldLocation, Operation, PathPart};
use crate::path::{check_segment, push_encoded};
use crate::retry::{Jitter, RetryPolicy};
use crate::transport::Clients;
use crate::{Error, Vendor};
use reqwest::Url;
use reqwest::header::HeaderValue;
use std::borrow::Cow;
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
        self.hosts.main.as_str()
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

    /// The HTTP clients attempts go through.
    pub(crate) fn http(&self) -> &Clients {
        &self.http
    }

    /// The credentials, which each attempt's operation picks from.
    pub(crate) fn credentials(&self) -> &ClientAuth {
        &self.credentials
    }

    pub(crate) fn user_agent(&self) -> &HeaderValue {
        &self.user_agent
    }

    /// The client's retry policy, which a call's own replaces.
    pub(crate) fn retry(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The jitter of every retry's wait, the client's whatever the policy.
    pub(crate) fn jitter(&self) -> &Jitter {
        &self.jitter
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
                        crate::vendor::check_format(self.vendor, field.name, format, value)?;
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

    /// The URL of `operation`'s host, without a trailing `/`: what its
    /// paths are appended to.
    pub(crate) fn base_of(&self, operation: &Operation) -> Result<Cow<'_, BaseUrl>, Error> {
        crate::host::url_of(operation.host, &self.hosts)
    }

    /// The URL a request of `operation` goes to: on its own host, so that
    /// its credentials go nowhere else.
    pub(crate) fn url(&self, operation: &Operation, path_and_query: &str) -> Result<Url, Error> {
        let base = self.base_of(operation)?;
        // The message leaves the URL out: its path may hold personal data.
        base.join(path_and_query).map_err(|e| {
            Error::invalid(
                "url",
                format!("the base URL and the path do not form a URL: {e}"),
            )
        })
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
