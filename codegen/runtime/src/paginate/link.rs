//! Where a next-page link points, and whether it may be requested: only
//! under the URL the operation is sent to, so that the client's
//! credentials go nowhere else.

use crate::PageLinkProblem;
use crate::base_url::BaseUrl;
use reqwest::Url;

/// The path and query, under `base` (the operation's host URL, without a
/// trailing `/`), of the page `link` names.
///
/// A path (`/v1/items/?offset=20`) is appended to `base`, as an
/// operation's own path is: a base with a path of its own (a proxy, a
/// mock under a prefix) keeps it. Any other reference (`?page=3`,
/// `items?page=3`, `//host/x`, an absolute URL) is resolved against
/// `current`, the URL of the page that carried it, as a browser would.
/// Either way the URL must be under `base`: its scheme, host and port,
/// and a path inside the base's path; no user name or password. Its
/// fragment is never sent.
pub(super) fn resolve(
    link: &str,
    base: &BaseUrl,
    current: &Url,
) -> Result<String, PageLinkProblem> {
    let link = link.trim();
    let link = link.split('#').next().unwrap_or_default();
    // `//` starts a host, and so does `/\` in a URL parser's eyes: both
    // are resolved as references, so that the check below sees their host.
    let path = link.starts_with('/') && !link.starts_with("//") && !link.starts_with("/\\");
    // A path joins the base as an operation's own path does (`BaseUrl::join`),
    // on the base parsed once with the client.
    let url = if path {
        base.join(link)
    } else {
        current.join(link)
    }
    .map_err(|_| PageLinkProblem::Malformed)?;
    under(&url, base.parsed()).ok_or(PageLinkProblem::OutsideHost)
}

/// The path and query of `url` after `base`'s path, when `url` is under
/// `base`.
fn under(url: &Url, base: &Url) -> Option<String> {
    let same_origin = url.scheme() == base.scheme()
        && url.host() == base.host()
        && url.port_or_known_default() == base.port_or_known_default();
    if !same_origin || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let rest = url.path().strip_prefix(base.path().trim_end_matches('/'))?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    let mut out = rest.to_owned();
    if let Some(query) = url.query() {
        out.push('?');
        out.push_str(query);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(base: &str, current: &str, link: &str) -> Result<String, PageLinkProblem> {
        let base = crate::host::check_url("base", base).unwrap();
        resolve(link, &base, &Url::parse(current).unwrap())
    }

    const HOST: &str = "https://api.example";
    const PAGE: &str = "https://api.example/v1/items/?limit=2";

    #[test]
    fn a_path_is_appended_to_the_host_url() {
        let next = "/v1/items/?limit=2&offset=2";
        assert_eq!(at(HOST, PAGE, next).unwrap(), next);
        let proxied = "http://127.0.0.1:9/api";
        let page = "http://127.0.0.1:9/api/v1/items/";
        assert_eq!(at(proxied, page, next).unwrap(), next);
        assert_eq!(at(HOST, PAGE, "/v1/items/#top").unwrap(), "/v1/items/");
    }

    #[test]
    fn references_resolve_against_the_page() {
        assert_eq!(at(HOST, PAGE, "?page=3").unwrap(), "/v1/items/?page=3");
        assert_eq!(at(HOST, PAGE, "more?x=1").unwrap(), "/v1/items/more?x=1");
        let absolute = "https://api.example/v1/items/?offset=4";
        assert_eq!(at(HOST, PAGE, absolute).unwrap(), "/v1/items/?offset=4");
        let default_port = "https://api.example:443/v1/items/?offset=4";
        assert_eq!(at(HOST, PAGE, default_port).unwrap(), "/v1/items/?offset=4");
    }

    #[test]
    fn anywhere_else_is_refused() {
        let outside = [
            "https://evil.example/v1/items/",
            "http://api.example/v1/items/",
            "https://api.example:8443/v1/items/",
            "https://user:pw@api.example/v1/items/",
            "//evil.example/v1/items/",
            "/\\evil.example/v1/items/",
            "\\\\evil.example/v1/items/",
            "ftp://api.example/v1/items/",
        ];
        for link in outside {
            assert_eq!(
                at(HOST, PAGE, link),
                Err(PageLinkProblem::OutsideHost),
                "{link}"
            );
        }
        // Out of the base's path, on the same host.
        let base = "http://127.0.0.1:9/api";
        let page = "http://127.0.0.1:9/api/v1/items/";
        for link in [
            "../../../other",
            "http://127.0.0.1:9/apiary/x",
            "/x/../../y",
        ] {
            assert_eq!(
                at(base, page, link),
                Err(PageLinkProblem::OutsideHost),
                "{link}"
            );
        }
        assert_eq!(
            at(HOST, PAGE, "https://[::1"),
            Err(PageLinkProblem::Malformed)
        );
    }
}
