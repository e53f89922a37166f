//! The URL of each host a client sends to, from the spec's defaults and the
//! caller's overrides, checked once when the client is built.

use crate::Error;
use crate::Vendor;
use crate::host::{Hosts, check_url, proxied};

/// The hosts' URLs, and whether any host the client knows of may go
/// through an https proxy.
pub(super) fn resolve(
    vendor: &dyn Vendor,
    base_url: Option<String>,
    overrides: Vec<(String, String)>,
) -> Result<(Hosts, bool), Error> {
    let listed = vendor.hosts();
    let main = listed.iter().find(|h| h.main);
    let mut main_override = None;
    let mut others = Vec::with_capacity(overrides.len());
    let mut proxy = false;
    for (name, url) in overrides {
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
        let (url, parsed) = check_url(&format!("host `{name}`"), &url)?;
        proxy |= proxied(&parsed);
        others.push((name, url));
    }
    let main_url = base_url
        .or(main_override)
        .or_else(|| vendor.default_base_url().map(str::to_owned))
        .or_else(|| main.and_then(|m| m.default_url).map(str::to_owned));
    let (main_url, parsed) = match main_url {
        Some(url) => check_url("base_url", &url)?,
        None => return Err(Error::invalid("base_url", "the spec has none; set one")),
    };
    proxy |= proxied(&parsed);
    // Hosts left at their default: checked when a call goes to them.
    for host in listed.iter().filter(|h| !h.main) {
        if !others.iter().any(|(n, _)| n == host.name)
            && let Some(Ok((_, parsed))) = host.default_url.map(|u| check_url("host", u))
        {
            proxy |= proxied(&parsed);
        }
    }
    let hosts = Hosts {
        main: main_url,
        overrides: others,
    };
    Ok((hosts, proxy))
}
