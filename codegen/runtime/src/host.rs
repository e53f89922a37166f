//! The hosts an API's operations go to, and which URLs are safe to send
//! credentials to.
//!
//! One collection may send its requests to several hosts (a maps API and
//! its places API, a payments API and its files host). Each operation names
//! its host; the client holds one URL per host: the spec's default, unless
//! the caller overrides it ([`crate::ClientBuilder::host`]). The main host
//! is the one [`crate::ClientBuilder::base_url`] sets;
//! [`crate::ClientBuilder::base_url_for_all_hosts`] sets every host at once,
//! for a local mock or a recording proxy.
//!
//! A client that sends some host to loopback is taken to be a client for a
//! local server: a host left at a default elsewhere is then refused (when
//! the client is built if the vendor lists its hosts, else at the call,
//! before anything is sent), so that a test's credentials and calls cannot
//! reach production by omission. Setting that host by name is the way to
//! mean it.

use crate::Error;
use crate::base_url::BaseUrl;
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
pub(crate) fn check_url(field: &str, url: &str) -> Result<BaseUrl, Error> {
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
    Ok(BaseUrl::new(
        parsed.as_str().trim_end_matches('/').to_owned(),
        parsed,
    ))
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
    /// The main host's: scheme, host and optional path prefix.
    pub(crate) main: BaseUrl,
    /// Other hosts the caller overrode: name, URL.
    pub(crate) overrides: Vec<(String, BaseUrl)>,
    /// The URL of every host not overridden by name
    /// ([`crate::ClientBuilder::base_url_for_all_hosts`]).
    pub(crate) all: Option<BaseUrl>,
    /// The hosts the vendor lists that are left at their default, with
    /// that URL checked and parsed once.
    pub(crate) defaults: Vec<(Host, BaseUrl)>,
    /// Some host the caller set is on loopback: no other host may be left at
    /// a default elsewhere.
    pub(crate) local: bool,
}

/// The URL `host`'s requests go to: the main URL, the caller's override,
/// the URL for all hosts, or the spec's default, checked as an override is
/// (and refused when the client is for a local server and it is not).
pub(crate) fn url_of(host: Host, hosts: &Hosts) -> Result<Cow<'_, BaseUrl>, Error> {
    if host.main {
        return Ok(Cow::Borrowed(&hosts.main));
    }
    if let Some((_, url)) = hosts.overrides.iter().find(|(name, _)| name == host.name) {
        return Ok(Cow::Borrowed(url));
    }
    if let Some(url) = &hosts.all {
        return Ok(Cow::Borrowed(url));
    }
    // The same name and the same default: an operation built by hand may
    // name a listed host with another default, which is its own to check.
    if let Some((_, url)) = hosts.defaults.iter().find(|(listed, _)| *listed == host) {
        return Ok(Cow::Borrowed(url));
    }
    // A host the vendor does not list: checked at each call.
    let field = format!("host `{}`", host.name);
    match host.default_url {
        Some(url) => {
            let url = check_url(&field, url)?;
            if hosts.local && !is_loopback(url.parsed()) {
                return Err(Error::invalid(field, left_in_production(url.as_str())));
            }
            Ok(Cow::Owned(url))
        }
        None => Err(Error::invalid(
            field,
            "the spec gives no URL for it; set one with `ClientBuilder::host` \
             (or `ClientBuilder::base_url_for_all_hosts`)",
        )),
    }
}

/// Why a host left at its default `url` is refused in a client whose other
/// hosts are on loopback.
pub(crate) fn left_in_production(url: &str) -> String {
    format!(
        "is left at its default {url} while the client sends another host to \
         loopback (a local mock?): its operations and their credentials would \
         go there; send every host to the local server with \
         `ClientBuilder::base_url_for_all_hosts`, or set this host explicitly \
         (`ClientBuilder::host`, `base_url` for the main one) if production \
         is meant"
    )
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
        let ok = |url: &str| check_url("base_url", url).map(|u| u.as_str().to_owned());
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

    const ELSEWHERE: Host = Host::new("otherUrl", Some("https://other.example"));
    const LOCAL: Host = Host::new("localUrl", Some("http://127.0.0.1:9/x"));

    fn hosts(overrides: &[(&str, &str)], all: Option<&str>, local: bool) -> Hosts {
        Hosts {
            main: check_url("main", "http://127.0.0.1:1").unwrap(),
            overrides: overrides
                .iter()
                .map(|(n, u)| ((*n).to_owned(), check_url("host", u).unwrap()))
                .collect(),
            all: all.map(|u| check_url("all", u).unwrap()),
            defaults: Vec::new(),
            local,
        }
    }

    /// A host set by name wins, then the URL for all hosts, then the
    /// default; a default elsewhere is refused in a client for a local
    /// server, while one set by name (production meant) or on loopback is not.
    #[test]
    fn which_url_a_host_gets() {
        let url = |host, hosts: &Hosts| url_of(host, hosts).map(|u| u.into_owned());
        let set = hosts(&[("otherUrl", "https://prod.example")], None, true);
        assert_eq!(url(ELSEWHERE, &set).unwrap(), "https://prod.example");
        let all = hosts(&[], Some("http://127.0.0.1:2"), true);
        assert_eq!(url(ELSEWHERE, &all).unwrap(), "http://127.0.0.1:2");
        assert_eq!(url(Host::MAIN, &all).unwrap(), "http://127.0.0.1:1");
        let local = hosts(&[], None, true);
        let refused = url(ELSEWHERE, &local).unwrap_err().to_string();
        assert!(refused.contains("base_url_for_all_hosts"), "{refused}");
        assert_eq!(url(LOCAL, &local).unwrap(), "http://127.0.0.1:9/x");
        let remote = hosts(&[], None, false);
        assert_eq!(url(ELSEWHERE, &remote).unwrap(), "https://other.example");
    }
}
