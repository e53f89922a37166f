//! The text Plivo signs: the callback URL cut into its base and query as the
//! official SDKs cut it, the query decoded and sorted, the POST parameters
//! concatenated (tests/vectors/README.md says where the SDKs differ and
//! which of them this follows).

use super::SignatureError;
use std::collections::BTreeMap;

/// The two methods Plivo calls a URL with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
}

impl Method {
    /// `GET` or `POST`, as HTTP spells them (methods are case-sensitive).
    pub(crate) fn parse(method: &str) -> Result<Self, SignatureError> {
        match method {
            "GET" => Ok(Method::Get),
            "POST" => Ok(Method::Post),
            other => Err(SignatureError::UnsupportedMethod(other.to_owned())),
        }
    }
}

/// A URL as signed: `scheme://host[:port]/path` and the raw query.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SplitUrl<'a> {
    /// Scheme lowercased, host and port as written, user info dropped,
    /// path as written (percent-encoding and `;` parameters kept).
    pub(crate) base: String,
    /// Between `?` and `#`, undecoded; empty when there is none.
    pub(crate) query: &'a str,
}

/// Cuts an absolute `http`/`https` URL; the fragment is dropped.
pub(crate) fn split(url: &str) -> Result<SplitUrl<'_>, SignatureError> {
    let url = url.split('#').next().unwrap_or_default();
    let (head, query) = url.split_once('?').unwrap_or((url, ""));
    let Some((scheme, rest)) = head.split_once("://") else {
        return Err(SignatureError::InvalidUrl(
            "it is not absolute (no `scheme://`)",
        ));
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(SignatureError::InvalidUrl(
            "its scheme is not http or https",
        ));
    }
    let (authority, path) = match rest.find('/') {
        Some(slash) => rest.split_at(slash),
        None => (rest, ""),
    };
    // Node, Go and Java sign the host without user info (Python keeps it).
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if host.is_empty() {
        return Err(SignatureError::InvalidUrl("it has no host"));
    }
    Ok(SplitUrl {
        base: format!("{scheme}://{host}{path}"),
        query,
    })
}

/// Decodes a query or form body as Python's `parse_qs(keep_blank_values=True)`
/// and Node's `querystring.parse` do: `&`-separated, `+` for a space,
/// `%XX` decoded (an invalid escape kept as written), UTF-8 with
/// replacement characters, a pair without `=` given an empty value.
pub(crate) fn parse_pairs(text: &[u8]) -> Vec<(String, String)> {
    text.split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = match pair.iter().position(|b| *b == b'=') {
                Some(eq) => (&pair[..eq], &pair[eq + 1..]),
                None => (pair, &[][..]),
            };
            (unescape(key), unescape(value))
        })
        .collect()
}

fn unescape(text: &[u8]) -> String {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let digit = |at: usize| text.get(at).copied().and_then(hex);
                match (digit(i + 1), digit(i + 2)) {
                    (Some(high), Some(low)) => {
                        out.push(high * 16 + low);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Values by key, keys and each key's values in code point order.
type Grouped = BTreeMap<String, Vec<String>>;

fn group(pairs: impl IntoIterator<Item = (String, String)>) -> Grouped {
    let mut grouped = Grouped::new();
    for (key, value) in pairs {
        grouped.entry(key).or_default().push(value);
    }
    for values in grouped.values_mut() {
        values.sort();
    }
    grouped
}

/// `k=v&k=v2&k2=v3`, sorted, values not re-encoded.
fn query_text(grouped: &Grouped) -> String {
    let mut out = String::new();
    for (key, values) in grouped {
        for value in values {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(key);
            out.push('=');
            out.push_str(value);
        }
    }
    out
}

/// `k1v1k2v2`, sorted: how POST parameters enter the signed text.
fn params_text(grouped: &Grouped) -> String {
    let mut out = String::new();
    for (key, values) in grouped {
        for value in values {
            out.push_str(key);
            out.push_str(value);
        }
    }
    out
}

/// The text a V3 signature covers, before `.` and the nonce.
///
/// GET: the base, then `?` and the query merged with `params` (a key of the
/// query replaces the same key of `params`, as in the Python SDK), sorted.
/// POST: the base, then `?`, the URL's own query sorted, `.` if it has one,
/// and the parameters concatenated; without parameters, only the base and
/// the sorted query if any.
pub(crate) fn v3_text(
    method: Method,
    url: &str,
    params: &[(String, String)],
) -> Result<String, SignatureError> {
    let split = split(url)?;
    let query = group(parse_pairs(split.query.as_bytes()));
    let mut text = split.base;
    match method {
        Method::Get => {
            let mut merged = group(params.iter().cloned());
            merged.extend(query);
            let query = query_text(&merged);
            if !query.is_empty() {
                text.push('?');
                text.push_str(&query);
            }
        }
        Method::Post => {
            let query = query_text(&query);
            if !params.is_empty() || !query.is_empty() {
                text.push('?');
                text.push_str(&query);
            }
            if !params.is_empty() {
                if !query.is_empty() {
                    text.push('.');
                }
                text.push_str(&params_text(&group(params.iter().cloned())));
            }
        }
    }
    Ok(text)
}

/// The text a V2 signature covers, before the nonce: the base only.
pub(crate) fn v2_text(url: &str) -> Result<String, SignatureError> {
    Ok(split(url)?.base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn split_keeps_port_and_path_and_drops_user_info_and_fragment() {
        let s = split("HTTPS://u:p@Example.com:443/a;x/b/?q=1#f").unwrap();
        assert_eq!(s.base, "https://Example.com:443/a;x/b/");
        assert_eq!(s.query, "q=1");
        assert_eq!(split("http://h").unwrap().base, "http://h");
        for bad in ["/relative", "ftp://h/x", "http:///path", "no scheme"] {
            assert!(split(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pairs_decode_as_parse_qs() {
        let got = parse_pairs(b"a=1&&b&c=%zz&d=x+y%2B&e=%C3%A9&f=%C3&=v&g=a=b&h=%4");
        let want = pairs(&[
            ("a", "1"),
            ("b", ""),
            ("c", "%zz"),
            ("d", "x y+"),
            ("e", "é"),
            ("f", "\u{FFFD}"),
            ("", "v"),
            ("g", "a=b"),
            ("h", "%4"),
        ]);
        assert_eq!(got, want);
    }

    #[test]
    fn post_and_get_texts() {
        let p = pairs(&[("b", "2"), ("a", "1"), ("a", "0")]);
        let post = |url| v3_text(Method::Post, url, &p).unwrap();
        assert_eq!(post("https://h/x"), "https://h/x?a0a1b2");
        assert_eq!(post("https://h/x?z=9&y=8"), "https://h/x?y=8&z=9.a0a1b2");
        assert_eq!(
            v3_text(Method::Post, "https://h/x?z=9", &[]).unwrap(),
            "https://h/x?z=9"
        );
        assert_eq!(
            v3_text(Method::Post, "https://h/x", &[]).unwrap(),
            "https://h/x"
        );
        assert_eq!(
            v3_text(
                Method::Get,
                "https://h/x?b=2&a=1",
                &pairs(&[("b", "9"), ("c", "3")])
            )
            .unwrap(),
            "https://h/x?a=1&b=2&c=3"
        );
        assert!(matches!(
            Method::parse("PUT"),
            Err(SignatureError::UnsupportedMethod(m)) if m == "PUT"
        ));
        assert!(Method::parse("get").is_err());
    }
}
