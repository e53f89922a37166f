//! The URL side of the comparison: method, path, query, the headers the
//! item sets and where auth goes. What the item leaves open (a variable
//! without a value, the username Basic auth fills in) is matched
//! structurally and counted under its reason, never by text prefix.

use super::reader::{Auth, Body, Described, Piece, Segment};
use super::{API_KEY, SIGNED, TOKEN, USER, percent_decode};
use wiremock::Request;

/// The item gives no value for a path variable (undefined or empty in the
/// collection, or a `:name` without one), or one the generator withholds
/// (its name looks like a credential).
pub const PATH_UNSET: &str = "the item gives no value for a path variable (or a credential's, withheld): the example call passes a placeholder";
/// The generator's documented rule (docs/generator.md, "What the generator reads and writes").
pub const PATH_USER: &str = "a path variable Basic auth's username is written with is the client's user: the generator fills it from the credential";
/// A query value that is a variable the collection leaves without a
/// value, or the value of a credential-named parameter, withheld.
pub const QUERY_UNSET: &str = "the item gives no value for a query parameter (a variable without one, or a credential's, withheld): the example call leaves it out";
/// The same for a header.
pub const HEADER_UNSET: &str = "the item gives no value for a header (a variable without one, or a credential's, withheld): the example call leaves it out";

/// The generator never makes `Authorization` a parameter of a call.
pub const SCHEME_HEADER: &str = "the item lists its own Authorization header under an auth scheme in force: the scheme writes that header (the client's credential, or a signer)";

/// `Authorization` for the fake user and password (base64 of
/// `fake-user:fake-password-rt`).
const BASIC: &str = "Basic ZmFrZS11c2VyOmZha2UtcGFzc3dvcmQtcnQ=";

/// The item lists a `Content-Type` for a request without a body.
pub const CONTENT_TYPE_NO_BODY: &str =
    "the item lists a Content-Type but no body goes out: the runtime writes none without one";

/// What differs on the URL side, and the reasons of what matched only
/// because the item leaves it open.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Each way the request differs, as text starting with what differs.
    pub problems: Vec<String>,
    pub allowed: Vec<&'static str>,
}

/// A content type's `type/subtype`, lowercased, without parameters.
fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn header<'a>(r: &'a Request, name: &str) -> Option<&'a str> {
    r.headers.get(name).and_then(|v| v.to_str().ok())
}

/// Compares the URL side of `r` with `d`.
pub fn compare(d: &Described, r: &Request) -> Verdict {
    let mut v = Verdict::default();
    if r.method.as_str() != d.method {
        v.problems
            .push(format!("method {} != {}", r.method, d.method));
    }
    path(d, r, &mut v);
    let mut query: Vec<(String, String)> = r.url.query_pairs().into_owned().collect();
    if let Auth::ApiKey {
        name,
        in_query: true,
    } = &d.auth
    {
        match query.iter().position(|(k, v)| k == name && v == API_KEY) {
            Some(i) => drop(query.remove(i)),
            None => v.problems.push(format!("auth: no api key in query {name}")),
        }
    }
    for key in &d.unset_query {
        if query.iter().any(|(k, _)| k == key) {
            v.problems
                .push(format!("query {key} sent though the item gives no value"));
        } else {
            v.allowed.push(QUERY_UNSET);
        }
    }
    let mut wanted = d.query.clone();
    wanted.sort();
    query.sort();
    if query != wanted {
        v.problems.push(format!("query {query:?} != {wanted:?}"));
    }
    for (k, want) in &d.headers {
        let got = header(r, k);
        // A content type is sent as the item writes it, parameters and
        // all, but for multipart: its boundary is the runtime's.
        let same = if k.eq_ignore_ascii_case("content-type") {
            if got.is_none()
                && r.body.is_empty()
                && matches!(d.body, Body::None | Body::BrokenJson(_))
            {
                v.allowed.push(CONTENT_TYPE_NO_BODY);
                continue;
            }
            match d.body {
                Body::Multipart(_) => got.map(media_type) == Some(media_type(want)),
                _ => got == Some(want.trim()),
            }
        } else {
            got == Some(want.trim())
        };
        if !same {
            v.problems.push(format!(
                "header {} {:?} != {want:?}",
                k.to_ascii_lowercase(),
                header(r, k)
            ));
        }
    }
    for k in &d.unset_headers {
        match header(r, k) {
            Some(got) => v.problems.push(format!(
                "header {} {got:?} sent though the item gives no value",
                k.to_ascii_lowercase()
            )),
            None => v.allowed.push(HEADER_UNSET),
        }
    }
    if d.scheme_writes_authorization {
        v.allowed.push(SCHEME_HEADER);
    }
    let authorization = header(r, "authorization");
    match &d.auth {
        Auth::None => {}
        Auth::Basic if authorization == Some(BASIC) => {}
        Auth::Bearer if authorization == Some(&format!("Bearer {TOKEN}")) => {}
        Auth::ApiKey { in_query: true, .. } => {}
        Auth::ApiKey { name, .. } if header(r, name) == Some(API_KEY) => {}
        Auth::Signed(scheme) if header(r, SIGNED) == Some(scheme.as_str()) => {}
        other => v
            .problems
            .push(format!("auth {other:?} not placed ({authorization:?})")),
    }
    credentials_elsewhere(d, r, &mut v);
    // Counted once per call, however many pieces one reason covers.
    v.allowed.sort_unstable();
    v.allowed.dedup();
    v
}

/// The path, segment by segment (each decoded on its own, so that an
/// encoded `/` in a value stays inside its segment); a trailing slash is
/// an empty last segment, so it must be sent where the item has one.
fn path(d: &Described, r: &Request, v: &mut Verdict) {
    let raw = r.url.path();
    let got: Vec<String> = if raw == "/" {
        Vec::new()
    } else {
        raw.split('/').skip(1).map(percent_decode).collect()
    };
    let mut allowed = Vec::new();
    let same = got.len() == d.path.len()
        && got
            .iter()
            .zip(&d.path)
            .all(|(g, want)| matches(g, want, &mut allowed));
    if same {
        v.allowed.extend(allowed);
    } else {
        v.problems.push(format!(
            "path {} != {}",
            percent_decode(raw),
            shown(&d.path)
        ));
    }
}

/// Whether `got` is what `want` describes; the reasons of the open pieces
/// it took are pushed to `allowed`.
fn matches(got: &str, want: &[Piece], allowed: &mut Vec<&'static str>) -> bool {
    match want.split_first() {
        None => got.is_empty(),
        Some((Piece::Text(t), rest)) => got
            .strip_prefix(t.as_str())
            .is_some_and(|tail| matches(tail, rest, allowed)),
        Some((Piece::User, rest)) => got
            .strip_prefix(USER)
            .is_some_and(|tail| matches(tail, rest, allowed) && push(allowed, PATH_USER)),
        // Any non-empty text, then the rest: the shortest that lets the
        // rest match (a placeholder never holds the text after it).
        Some((Piece::Unset(_), rest)) => (1..=got.len())
            .filter(|&i| got.is_char_boundary(i))
            .any(|i| matches(&got[i..], rest, allowed) && push(allowed, PATH_UNSET)),
    }
}

fn push(allowed: &mut Vec<&'static str>, reason: &'static str) -> bool {
    allowed.push(reason);
    true
}

/// The described path as text: `{name}` for a piece left open, `{user}`
/// for the credential's.
fn shown(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        out.push('/');
        for piece in segment {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Unset(name) => out.push_str(&format!("{{{name}}}")),
                Piece::User => out.push_str("{user}"),
            }
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

#[test]
fn open_pieces_match_what_they_leave_open_and_nothing_else() {
    let unset = || Piece::Unset("id".into());
    let text = |t: &str| Piece::Text(t.into());
    let mut allowed = Vec::new();
    assert!(matches("id.json", &[unset(), text(".json")], &mut allowed));
    assert_eq!(allowed, [PATH_UNSET]);
    // A placeholder is never empty, and text around it must be there.
    assert!(!matches(
        ".json",
        &[unset(), text(".json")],
        &mut Vec::new()
    ));
    assert!(!matches(
        "id.xml",
        &[unset(), text(".json")],
        &mut Vec::new()
    ));
    let mut allowed = Vec::new();
    assert!(matches(USER, &[Piece::User], &mut allowed));
    assert_eq!(allowed, [PATH_USER]);
    assert!(!matches("someone-else", &[Piece::User], &mut Vec::new()));
    // What failed leaves no reason behind.
    let mut allowed = Vec::new();
    assert!(!matches("a-b", &[unset(), text("-c")], &mut allowed));
    assert!(allowed.is_empty());
}

/// The client holds every kind of credential: each must appear only where
/// the item's scheme puts it, never in another header or the query.
fn credentials_elsewhere(d: &Described, r: &Request, v: &mut Verdict) {
    let headers: Vec<(&str, &str)> = r
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.to_str().unwrap_or_default()))
        .collect();
    let query: Vec<(String, String)> = r.url.query_pairs().into_owned().collect();
    v.problems.extend(misplaced(&d.auth, &headers, &query));
}

/// Where a credential appears that `auth` does not put there.
fn misplaced(auth: &Auth, headers: &[(&str, &str)], query: &[(String, String)]) -> Vec<String> {
    let secret = |value: &str| {
        value.contains(API_KEY) || value.contains(TOKEN) || value.contains(super::PASSWORD)
    };
    let (key_header, key_in_query) = match auth {
        Auth::ApiKey { name, in_query } => ((!in_query).then_some(name.as_str()), *in_query),
        _ => (None, false),
    };
    let scheme_authorization = matches!(auth, Auth::Basic | Auth::Bearer)
        || key_header.is_some_and(|n| n.eq_ignore_ascii_case("authorization"));
    let mut out = Vec::new();
    for (name, value) in headers {
        let wrong = if name.eq_ignore_ascii_case("authorization") {
            !scheme_authorization
        } else if name.eq_ignore_ascii_case(SIGNED) {
            !matches!(auth, Auth::Signed(_))
        } else {
            !key_header.is_some_and(|n| n.eq_ignore_ascii_case(name)) && secret(value)
        };
        if wrong {
            out.push(format!(
                "credential in header {name}, where {auth:?} puts none"
            ));
        }
    }
    if query.iter().filter(|(_, value)| secret(value)).count() > usize::from(key_in_query) {
        out.push(format!("credential in the query, where {auth:?} puts none"));
    }
    out
}

#[test]
fn a_credential_only_where_the_scheme_puts_it() {
    let key_in_header = Auth::ApiKey {
        name: "X-Key".into(),
        in_query: false,
    };
    assert!(misplaced(&key_in_header, &[("x-key", API_KEY)], &[]).is_empty());
    // The same key in another header, or in the query, or a bearer token
    // sent where no scheme is in force: each is found.
    assert_eq!(
        misplaced(&key_in_header, &[("x-other", API_KEY)], &[]).len(),
        1
    );
    let query = [("k".to_owned(), API_KEY.to_owned())];
    assert_eq!(misplaced(&key_in_header, &[], &query).len(), 1);
    let bearer = format!("Bearer {TOKEN}");
    assert_eq!(
        misplaced(&Auth::None, &[("authorization", &bearer)], &[]).len(),
        1
    );
    assert!(misplaced(&Auth::Bearer, &[("authorization", &bearer)], &[]).is_empty());
    assert_eq!(misplaced(&Auth::Basic, &[(SIGNED, "basic")], &[]).len(), 1);
    let key_in_query = Auth::ApiKey {
        name: "k".into(),
        in_query: true,
    };
    assert!(misplaced(&key_in_query, &[], &query).is_empty());
}
