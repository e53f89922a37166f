//! A host's URL, parsed once, and the URL of each request on it.
//!
//! Parsing the whole URL again for every attempt cost about 9,700
//! instructions a call under callgrind, a tenth of the call, most of it the
//! host going through IDNA mapping (`docs/benchmarks.md`). The base is
//! parsed once, when the client is built; a request's URL is that base with
//! its path and query set, which cannot change the scheme or the host
//! whatever the path holds. A path the setters might read differently from
//! a full parse (a `#`, a backslash, a space or control character, no
//! leading `/`) takes the full parse instead: the two give the same URL
//! (`base_url_test.rs` checks it on arbitrary paths).

use reqwest::Url;

/// Why a URL does not parse (the `url` crate's error, named through reqwest's
/// re-export of its `Url`).
pub(crate) type ParseError = <Url as std::str::FromStr>::Err;

/// A host's URL: its text without a trailing `/`, and parsed.
#[derive(Clone)]
pub(crate) struct BaseUrl {
    text: String,
    url: Url,
}

impl BaseUrl {
    /// `url` parsed from `text`, which has no trailing `/`.
    pub(crate) fn new(text: String, url: Url) -> Self {
        BaseUrl { text, url }
    }

    /// The URL as text, without a trailing `/`.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The URL, parsed.
    pub(crate) fn parsed(&self) -> &Url {
        &self.url
    }

    /// The URL of `path_and_query` (which starts with `/`) on this host:
    /// what parsing the two written one after the other gives.
    pub(crate) fn join(&self, path_and_query: &str) -> Result<Url, ParseError> {
        if !plain(path_and_query) {
            let mut text = String::with_capacity(self.text.len() + path_and_query.len());
            text.push_str(&self.text);
            text.push_str(path_and_query);
            return Url::parse(&text);
        }
        let (path, query) = match path_and_query.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (path_and_query, None),
        };
        let mut url = self.url.clone();
        let prefix = self.url.path().trim_end_matches('/');
        if prefix.is_empty() {
            url.set_path(path);
        } else {
            let mut full = String::with_capacity(prefix.len() + path.len());
            full.push_str(prefix);
            full.push_str(path);
            url.set_path(&full);
        }
        url.set_query(query);
        Ok(url)
    }
}

/// Whether the setters read `path_and_query` as a full parse would: it
/// starts with `/`, and holds no fragment, backslash (a `/` to the URL
/// parser in http URLs), space, or control character (which the parser
/// drops or trims).
fn plain(path_and_query: &str) -> bool {
    // The setters panic past 4 GiB where a parse fails; the URL cannot be
    // sent at that length anyway (the call refuses one over 64 KiB).
    path_and_query.len() < 1 << 30
        && path_and_query.starts_with('/')
        && path_and_query
            .bytes()
            .all(|b| b > b' ' && b != 0x7f && b != b'#' && b != b'\\')
}

impl std::fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.text, f)
    }
}

impl PartialEq<&str> for BaseUrl {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

#[cfg(test)]
#[path = "base_url_test.rs"]
mod tests;
