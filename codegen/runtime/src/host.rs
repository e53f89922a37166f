//! The hosts an API's operations go to, and which URLs are safe to send
//! credentials to.
//!
//! One collection may send its requests to several hosts (a maps API and
//! its places API, a payments API and its files host). Each operation names
//! its host; the client holds one URL per host: the spec's default, unless
//! the caller overrides it ([`crate::ClientBuilder::host`]). The main host
//! is the one [`crate::ClientBuilder::base_url`] sets.

use crate::Error;
use reqwest::Url;
use std::borrow::Cow;

/// A host an operation is sent to, as the spec writes it; built with
/// [`Host::main`] or [`Host::new`].
///
/// ```
/// use postman_runtime::Host;
///
/// const MAPS: Host = Host::new("mapsUrl", Some("https://maps.example"));
/// assert_eq!(MAPS.name, "mapsUrl");
/// assert!(!MAPS.main);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Host {
    /// The name a caller overrides it by: the collection variable it is
    /// written as (`{{baseUrl}}`), else its default URL.
    pub name: &'static str,
    /// Where it is, from the spec (a variable's value is a default); `None`
    /// when the spec leaves it to the caller.
    pub default_url: Option<&'static str>,
    /// Whether it is the main host: its URL is the client's base URL.
    pub main: bool,
}

impl Host {
    /// The main host of an operation that names no other: the client's
    /// base URL ([`crate::Client::base_url`]).
    pub const MAIN: Host = Host {
        name: "",
        default_url: None,
        main: true,
    };

    /// The main host, called `name`, at `default_url` unless overridden.
    pub const fn main(name: &'static str, default_url: Option<&'static str>) -> Self {
        Host {
            name,
            default_url,
            main: true,
        }
    }

    /// Another host, called `name`, at `default_url` unless overridden.
    pub const fn new(name: &'static str, default_url: Option<&'static str>) -> Self {
        Host {
            name,
            default_url,
            main: false,
        }
    }
}

/// `url` without a trailing `/`, and parsed, if it is safe to send
/// credentials to: https, or plain http to loopback only; no user info,
/// query or fragment. `field` names the setting in the error.
pub(crate) fn check_url(field: &str, url: &str) -> Result<(String, Url), Error> {
    let invalid = |reason: &str| Error::invalid(field, reason);
    let parsed = Url::parse(url).map_err(|e| invalid(&format!("is not a URL: {e}")))?;
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
    Ok((parsed.as_str().trim_end_matches('/').to_owned(), parsed))
}

/// Whether `url` names this machine.
pub(crate) fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let ip = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || ip
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The URLs a client sends to, checked when it was built.
#[derive(Debug, Clone)]
pub(crate) struct Hosts {
    /// The main host's: scheme, host and optional path prefix, without a
    /// trailing `/`.
    pub(crate) main: String,
    /// Other hosts the caller overrode: name, URL.
    pub(crate) overrides: Vec<(String, String)>,
}

/// The URL `host`'s requests go to: the main URL, the caller's override,
/// or the spec's default, checked as an override is.
pub(crate) fn url_of(host: Host, hosts: &Hosts) -> Result<Cow<'_, str>, Error> {
    if host.main {
        return Ok(Cow::Borrowed(&hosts.main));
    }
    if let Some((_, url)) = hosts.overrides.iter().find(|(name, _)| name == host.name) {
        return Ok(Cow::Borrowed(url));
    }
    let field = format!("host `{}`", host.name);
    match host.default_url {
        Some(url) => Ok(Cow::Owned(check_url(&field, url)?.0)),
        None => Err(Error::invalid(
            field,
            "the spec gives no URL for it; set one with `ClientBuilder::host`",
        )),
    }
}

/// Whether requests to `url` may go through an https proxy: https to
/// another machine (a proxy only relays its TLS).
pub(crate) fn proxied(url: &Url) -> bool {
    url.scheme() == "https" && !is_loopback(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_rules() {
        let ok = |url: &str| check_url("base_url", url).map(|(u, _)| u);
        assert_eq!(ok("https://x.example/").unwrap(), "https://x.example");
        assert_eq!(
            ok("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert!(ok("http://localhost:1/api/").is_ok());
        assert!(ok("http://[::1]:9").is_ok());
        assert!(ok("http://example.com").is_err());
        assert!(ok("https://user:pw@example.com").is_err());
        assert!(ok("ftp://example.com").is_err());
        assert!(ok("https://example.com/?q=1").is_err());
        assert!(ok("not a url").is_err());
    }
}
