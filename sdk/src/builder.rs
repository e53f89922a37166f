//! Client settings, checked once when the client is built.

use crate::Error;
use crate::client::{Client, Inner};
use crate::credentials::Credentials;
use reqwest::header::HeaderValue;
use std::sync::Arc;
use std::time::Duration;

/// Default limit for a whole call.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default limit for opening a connection.
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Settings for a [`Client`]; start from [`Client::builder`].
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    auth_id: String,
    auth_token: String,
    base_url: Option<String>,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: Option<String>,
    http: Option<reqwest::Client>,
}

impl ClientBuilder {
    /// Settings with defaults for the given credentials.
    pub fn new(auth_id: impl Into<String>, auth_token: impl Into<String>) -> Self {
        ClientBuilder {
            auth_id: auth_id.into(),
            auth_token: auth_token.into(),
            base_url: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            user_agent: None,
            http: None,
        }
    }

    /// Settings with credentials from `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN`.
    ///
    /// # Errors
    ///
    /// Fails when either variable is unset or not Unicode.
    pub fn from_env() -> Result<Self, Error> {
        let var = |name: &str| {
            std::env::var(name).map_err(|e| match e {
                std::env::VarError::NotPresent => Error::invalid(name, "is not set"),
                std::env::VarError::NotUnicode(_) => Error::invalid(name, "is not valid Unicode"),
            })
        };
        Ok(ClientBuilder::new(
            var("PLIVO_AUTH_ID")?,
            var("PLIVO_AUTH_TOKEN")?,
        ))
    }

    /// Sends requests to `url` instead of the spec's base URL; for a proxy,
    /// a regional endpoint or a local mock. Plain `http` is accepted only for
    /// loopback hosts.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Limits each call, from sending to the end of the body (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Limits opening a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Replaces the `User-Agent` header (default `plivo-rust/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Uses the caller's own HTTP client (its pool, proxy and TLS settings).
    /// Its own timeouts then apply instead of [`ClientBuilder::timeout`] and
    /// [`ClientBuilder::connect_timeout`]; it should not follow redirects.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Checks the settings and builds the client.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] for invalid credentials, base URL or
    /// user agent; [`crate::ErrorKind::Transport`] when the HTTP client cannot
    /// be set up.
    pub fn build(self) -> Result<Client, Error> {
        let credentials = Credentials::new(self.auth_id, self.auth_token)?;
        let base_url = match self.base_url.as_deref().or(crate::DEFAULT_BASE_URL) {
            Some(url) => check_base_url(url)?,
            None => return Err(Error::invalid("base_url", "the spec has none; set one")),
        };
        let user_agent = self
            .user_agent
            .unwrap_or_else(|| format!("plivo-rust/{}", env!("CARGO_PKG_VERSION")));
        let user_agent = HeaderValue::try_from(user_agent)
            .map_err(|_| Error::invalid("user_agent", "is not a valid header value"))?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .timeout(self.timeout)
                .connect_timeout(self.connect_timeout)
                // A redirect could carry the credentials to another host.
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(Error::transport)?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                credentials,
                user_agent,
            }),
        })
    }
}

/// The base URL without a trailing `/`, if it is safe to send credentials to.
fn check_base_url(url: &str) -> Result<String, Error> {
    let invalid = |reason: &str| Error::invalid("base_url", reason);
    let parsed = reqwest::Url::parse(url).map_err(|e| invalid(&format!("is not a URL: {e}")))?;
    match parsed.scheme() {
        "https" => {}
        "http" if is_loopback(&parsed) => {}
        "http" => return Err(invalid("plain http is allowed only for loopback hosts")),
        _ => return Err(invalid("must be an http or https URL")),
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(invalid(
            "must not contain user info; credentials go to the builder",
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(invalid("must not have a query or fragment"));
    }
    Ok(parsed.as_str().trim_end_matches('/').to_owned())
}

fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let ip = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || ip
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_rules() {
        assert_eq!(
            check_base_url("https://x.example/").unwrap(),
            "https://x.example"
        );
        assert_eq!(
            check_base_url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert!(check_base_url("http://localhost:1/api/").is_ok());
        assert!(check_base_url("http://[::1]:9").is_ok());
        assert!(check_base_url("http://example.com").is_err());
        assert!(check_base_url("https://user:pw@example.com").is_err());
        assert!(check_base_url("ftp://example.com").is_err());
        assert!(check_base_url("https://example.com/?q=1").is_err());
        assert!(check_base_url("not a url").is_err());
    }
}
