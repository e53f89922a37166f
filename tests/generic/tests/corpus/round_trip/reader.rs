//! What each item of a collection describes, read here with plain
//! `serde_json::Value` walking, not by the generator's reader: the round
//! trip checks one reading against the other.

mod auth;
mod body;
mod path;

use auth::{auth_of, own_authorization, user_variable};
use body::{body_of, written_body};
use path::pieces;
use postman_codegen::looks_like_credential;
use serde_json::Value;
use std::collections::BTreeMap;

/// An item's request as the collection writes it, variables resolved.
#[derive(Debug, Clone)]
pub struct Described {
    pub method: String,
    /// Path segments after the host, `:name` and `{{var}}` resolved.
    pub path: Vec<Segment>,
    /// Enabled query parameters with a value, in order.
    pub query: Vec<(String, String)>,
    /// Enabled query parameters whose value is a variable the collection
    /// leaves undefined or empty: the item gives them no value.
    pub unset_query: Vec<String>,
    /// Enabled headers with a value.
    pub headers: Vec<(String, String)>,
    /// Enabled headers whose value the item does not give (as for queries).
    pub unset_headers: Vec<String>,
    /// The auth scheme in force (`noauth` when none) and its fields.
    pub auth: Auth,
    /// The item lists its own `Authorization` header under an auth scheme
    /// in force, which writes that header itself.
    pub scheme_writes_authorization: bool,
    pub body: Body,
    /// The body with `{{variables}}` kept as written (a bare one in JSON
    /// read as its value, or `null` when the collection gives none), when
    /// the item uses any: example values keep them so; see `body`.
    pub written: Option<Body>,
    /// The first saved response.
    pub response: Option<Saved>,
}

/// A saved response: what the recorder answers with.
#[derive(Debug, Clone)]
pub struct Saved {
    pub status: u16,
    pub body: String,
    /// Its `Content-Type` header, if it lists one.
    pub content_type: Option<String>,
}

/// One path segment: its pieces in order.
pub type Segment = Vec<Piece>;

/// A piece of a path segment as the item describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A variable the item gives no value for (undefined or empty in the
    /// collection, or a path variable without a value): named, any value.
    Unset(String),
    /// The variable Basic auth's username is written with.
    User,
}

#[derive(Debug, Clone)]
pub enum Auth {
    None,
    Basic,
    Bearer,
    /// The key's name and whether it goes in the query.
    ApiKey {
        name: String,
        in_query: bool,
    },
    /// A scheme the client signs with the caller's signer.
    Signed(String),
}

#[derive(Debug, Clone)]
pub enum Body {
    None,
    Json(Value),
    /// Raw text the collection does not read as JSON.
    Text(String),
    /// Raw text declared JSON that is not, even without comments.
    BrokenJson(String),
    Form(Vec<(String, String)>),
    /// The enabled parts, in order.
    Multipart(Vec<Part>),
    /// A file sent as the whole body; see `body` on its content.
    File,
    GraphQl {
        query: String,
        variables: Value,
    },
}

/// One multipart part the item sends.
#[derive(Debug, Clone)]
pub struct Part {
    pub name: String,
    pub value: PartValue,
}

#[derive(Debug, Clone)]
pub enum PartValue {
    Text(String),
    /// A file: the last piece of the path the item saved it from (the name
    /// Postman sends it under) and its content type, when the item gives
    /// them.
    File {
        file_name: Option<String>,
        content_type: Option<String>,
    },
}

/// Every request item of `collection`, by its folder path and name joined
/// by ` / `, in document order.
pub fn items(collection: &Value) -> Vec<(String, Described)> {
    let vars: BTreeMap<String, String> = key_values(collection.get("variable"));
    let mut out = Vec::new();
    walk(collection, &[], collection.get("auth"), &vars, &mut out);
    out
}

/// A list of `key`/`value` entries (collection or path variables) by key;
/// an entry without a value has the empty one.
fn key_values(entries: Option<&Value>) -> BTreeMap<String, String> {
    list(entries)
        .iter()
        .filter_map(|v| {
            Some((
                text(v.get("key"))?,
                text(v.get("value")).unwrap_or_default(),
            ))
        })
        .collect()
}

fn walk(
    node: &Value,
    folders: &[String],
    auth: Option<&Value>,
    vars: &BTreeMap<String, String>,
    out: &mut Vec<(String, Described)>,
) {
    for (i, item) in list(node.get("item")).iter().enumerate() {
        let name = text(item.get("name")).unwrap_or_else(|| format!("#{}", i + 1));
        let mut path = folders.to_vec();
        path.push(name);
        let own = item.get("auth").filter(|a| !a.is_null()).or(auth);
        if item.get("item").is_some() {
            walk(item, &path, own, vars, out);
        } else if let Some(request) = item.get("request") {
            // v2.0 allows a request that is only its URL.
            let request = match request {
                Value::String(url) => &serde_json::json!({ "url": url }),
                other => other,
            };
            let own = request.get("auth").filter(|a| !a.is_null()).or(own);
            out.push((path.join(" / "), described(item, request, own, vars)));
        }
    }
}

fn described(
    item: &Value,
    request: &Value,
    auth: Option<&Value>,
    vars: &BTreeMap<String, String>,
) -> Described {
    let url = request.get("url").cloned().unwrap_or(Value::Null);
    let url = match url {
        Value::String(raw) => serde_json::json!({ "raw": raw }),
        other => other,
    };
    let path_vars: BTreeMap<String, String> = key_values(url.get("variable"));
    let segments: Vec<String> = match url.get("path") {
        Some(Value::Array(p)) => p
            .iter()
            .map(|s| text(Some(s)).unwrap_or_default())
            .collect(),
        Some(Value::String(p)) => p.split('/').map(str::to_owned).collect(),
        _ => raw_path(&text(url.get("raw")).unwrap_or_default()),
    };
    let user = user_variable(auth);
    let value = |name: &str| match path_vars
        .get(name)
        .filter(|v| !v.is_empty() && !looks_like_credential(name))
    {
        Some(value) => pieces(value, vars, user.as_deref(), None),
        None => vec![Piece::Unset(name.to_owned())],
    };
    // Empty segments are dropped, but for a last one: `/a/b/` ends with a
    // slash on the wire, which some APIs require.
    let trailing = segments.len() > 1 && segments.last().is_some_and(String::is_empty);
    let mut path: Vec<Segment> = segments
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| match s.strip_prefix(':') {
            Some(name) => value(name),
            None => pieces(s, vars, user.as_deref(), Some(&value)),
        })
        .collect();
    if trailing {
        path.push(Vec::new());
    }
    let query = match url.get("query") {
        Some(q) => pairs(Some(q)),
        None => raw_query(&text(url.get("raw")).unwrap_or_default()),
    };
    let (query, unset_query) = given(query, vars);
    let headers = match request.get("header") {
        // v2.0 allows headers as `Name: value` lines.
        Some(Value::String(lines)) => lines
            .lines()
            .filter_map(|line| line.split_once(':'))
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .filter(|(k, v)| !k.is_empty() && !v.is_empty())
            .collect(),
        None => Vec::new(),
        other => pairs(other),
    };
    let (auth, headers, scheme_writes_authorization) = own_authorization(auth_of(auth), headers);
    let (headers, unset_headers) = given(headers, vars);
    Described {
        method: text(request.get("method"))
            .unwrap_or_else(|| "GET".into())
            .to_ascii_uppercase(),
        path,
        query,
        unset_query,
        headers,
        unset_headers,
        auth,
        scheme_writes_authorization,
        body: body_of(request.get("body"), vars),
        written: written_body(request.get("body"), vars),
        response: list(item.get("response")).first().map(|r| {
            let code = r.get("code").and_then(Value::as_u64).unwrap_or(200);
            let status = u16::try_from(code)
                .ok()
                .filter(|c| (200..600).contains(c))
                .unwrap_or(200);
            Saved {
                status,
                body: text(r.get("body")).unwrap_or_default(),
                content_type: pairs(r.get("header"))
                    .into_iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
                    .map(|(_, v)| v),
            }
        }),
    }
}

/// The path of a raw URL: after the scheme and host.
fn raw_path(raw: &str) -> Vec<String> {
    let raw = raw.split(['?', '#']).next().unwrap_or_default();
    let rest = raw.split_once("://").map_or(raw, |(_, r)| r);
    rest.split('/').skip(1).map(str::to_owned).collect()
}

/// The query of a raw URL: pairs with a value, as `pairs` reads a list.
fn raw_query(raw: &str) -> Vec<(String, String)> {
    let raw = raw.split('#').next().unwrap_or_default();
    let Some((_, query)) = raw.split_once('?') else {
        return Vec::new();
    };
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// `text` with every `{{var}}` the collection gives a value replaced, and
/// `None` when one has none (undefined or empty). Values may hold variables
/// in turn; the bound stops a cycle.
fn resolve(text: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let mut out = text.to_owned();
    for _ in 0..8 {
        let Some((before, rest)) = out.split_once("{{") else {
            return Some(out);
        };
        let (name, after) = rest.split_once("}}")?;
        let value = vars.get(name.trim()).filter(|v| !v.is_empty())?;
        out = format!("{before}{value}{after}");
    }
    None
}

/// Pairs whose values resolve, and the keys of those that do not.
fn given(
    pairs: Vec<(String, String)>,
    vars: &BTreeMap<String, String>,
) -> (Vec<(String, String)>, Vec<String>) {
    let mut out = Vec::new();
    let mut unset = Vec::new();
    for (k, v) in pairs {
        // The generator gives a credential's name no example value.
        match resolve(&v, vars).filter(|v| !v.is_empty() && !looks_like_credential(&k)) {
            Some(v) => out.push((k, v)),
            None => unset.push(k),
        }
    }
    (out, unset)
}

/// Enabled `key`/`value` entries that have a value.
fn pairs(list_value: Option<&Value>) -> Vec<(String, String)> {
    list(list_value)
        .iter()
        .filter(|e| e.get("disabled").and_then(Value::as_bool) != Some(true))
        .filter_map(|e| {
            Some((
                text(e.get("key"))?,
                text(e.get("value")).filter(|v| !v.is_empty())?,
            ))
        })
        .collect()
}

fn list(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// A string field, or a scalar's text.
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
        other => Some(other.to_string()),
    }
}
