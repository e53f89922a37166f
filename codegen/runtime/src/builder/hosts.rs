//! The URL of each host a client sends to, from the spec's defaults and the
//! caller's overrides, checked once when the client is built.

use crate::Error;
use crate::Vendor;
use crate::host::{Hosts, check_url, is_loopback, left_in_production, proxied};

/// What the caller set: the main host's URL, every host's, and some hosts'
/// by name.
pub(super) struct Settings {
    pub(super) base_url: Option<String>,
    pub(super) all: Option<String>,
    pub(super) overrides: Vec<(String, String)>,
}

/// The hosts' URLs, and whether any host the client knows of may go
/// through an https proxy.
///
/// The most particular setting wins: a host set by name, then (for the
/// main host) the base URL, then the URL for all hosts, then the default.
/// When any URL the caller set is loopback, a host the caller did not set
/// whose default is elsewhere is refused: the main one and those the
/// vendor lists here, the others when they are called.
pub(super) fn resolve(vendor: &dyn Vendor, set: Settings) -> Result<(Hosts, bool), Error> {
    let listed = vendor.hosts();
    let main = listed.iter().find(|h| h.main);
    let mut main_override = None;
    let mut others = Vec::with_capacity(set.overrides.len());
    let mut proxy = false;
    let mut local = false;
    for (name, url) in set.overrides {
        if !listed.is_empty() && !listed.iter().any(|h| h.name == name) {
            return Err(Error::invalid(
                "host",
                format!("the API has no host called `{name}`"),
            ));
        }
        if main.is_some_and(|m| m.name == name) {
            main_override = Some(url);
            continue;
        }
        let url = check_url(&format!("host `{name}`"), &url)?;
        proxy |= proxied(url.parsed());
        local |= is_loopback(url.parsed());
        others.push((name, url));
    }
    let all = match set.all {
        Some(url) => {
            let url = check_url("base_url_for_all_hosts", &url)?;
            proxy |= proxied(url.parsed());
            local |= is_loopback(url.parsed());
            Some(url)
        }
        None => None,
    };
    let chosen = set.base_url.or(main_override);
    let main_set = chosen.is_some() || all.is_some();
    let main_url = chosen
        .or_else(|| all.as_ref().map(|u| u.as_str().to_owned()))
        .or_else(|| vendor.default_base_url().map(str::to_owned))
        .or_else(|| main.and_then(|m| m.default_url).map(str::to_owned));
    let main_url = match main_url {
        Some(url) => check_url("base_url", &url)?,
        None => return Err(Error::invalid("base_url", "the spec has none; set one")),
    };
    proxy |= proxied(main_url.parsed());
    let main_local = is_loopback(main_url.parsed());
    if main_set {
        local |= main_local;
    } else if local && !main_local {
        return Err(Error::invalid(
            "base_url",
            left_in_production(main_url.as_str()),
        ));
    }
    // Hosts left at their default: kept parsed for their calls. One whose
    // default is not a URL to send credentials to is checked again, and
    // refused, when a call goes to it.
    let left = listed
        .iter()
        .filter(|h| !h.main && all.is_none() && !others.iter().any(|(n, _)| n == h.name));
    let mut defaults = Vec::new();
    for host in left {
        if let Some(Ok(url)) = host.default_url.map(|u| check_url("host", u)) {
            if local && !is_loopback(url.parsed()) {
                let field = format!("host `{}`", host.name);
                return Err(Error::invalid(field, left_in_production(url.as_str())));
            }
            proxy |= proxied(url.parsed());
            defaults.push((*host, url));
        }
    }
    let hosts = Hosts {
        main: main_url,
        overrides: others,
        all,
        defaults,
        local,
    };
    Ok((hosts, proxy))
}
