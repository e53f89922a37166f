//! Which proxy, if any, the client's own HTTP client goes through.
//!
//! The rule: credentials never travel in clear text to anyone but a loopback
//! target. A host's URL may be plain `http` only on loopback, and loopback is
//! never proxied, so `http_proxy`/`HTTP_PROXY` have nothing to apply to. An
//! `https` host may go through the proxy that `https_proxy`, `HTTPS_PROXY`,
//! `all_proxy` or `ALL_PROXY` names (first set wins), less the hosts
//! `no_proxy`/`NO_PROXY` exempt: the proxy gets a `CONNECT` and sees only
//! TLS from then on.

use crate::Error;
use reqwest::Url;

/// The variables that may name a proxy for an https target, in the order
/// curl reads them.
const HTTPS_PROXY_VARS: [&str; 4] = ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"];

/// The proxy for https requests, from the environment; `None` when no
/// host the client knows of may be proxied (every one loopback or plain
/// http), or when no variable is set.
pub(super) fn from_env(needed: bool) -> Result<Option<reqwest::Proxy>, Error> {
    if !needed {
        return Ok(None);
    }
    let Some((var, value)) = HTTPS_PROXY_VARS.iter().find_map(|&var| {
        std::env::var(var)
            .ok()
            .filter(|v| !v.trim().is_empty())
            .map(|v| (var, v))
    }) else {
        return Ok(None);
    };
    // The message leaves the value out: it may carry the proxy's password.
    let invalid = |reason: &str| Error::invalid(var, reason);
    let url = Url::parse(value.trim()).map_err(|_| invalid("is not a proxy URL"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("must be an http:// or https:// proxy URL"));
    }
    let proxy = reqwest::Proxy::https(url.as_str())
        .map_err(|_| invalid("is not a proxy URL"))?
        .no_proxy(reqwest::NoProxy::from_env());
    Ok(Some(proxy))
}
