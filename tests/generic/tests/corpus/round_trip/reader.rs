//! What each item of a collection describes, read here with plain
//! `serde_json::Value` walking, not by the generator's reader: the round
//! trip checks one reading against the other.

use postman_codegen::looks_like_credential;
use serde_json::{Map, Value};
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
    /// The first saved response: status and body.
    pub response: Option<(u16, String)>,
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
    let path: Vec<Segment> = segments
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| match s.strip_prefix(':') {
            Some(name) => match path_vars
                .get(name)
                .filter(|v| !v.is_empty() && !looks_like_credential(name))
            {
                Some(value) => pieces(value, vars, user.as_deref()),
                None => vec![Piece::Unset(name.to_owned())],
            },
            None => pieces(s, vars, user.as_deref()),
        })
        .collect();
    let (query, unset_query) = given(pairs(url.get("query")), vars);
    let headers = match request.get("header") {
        Some(Value::String(_)) | None => Vec::new(),
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
            let code = u16::try_from(code)
                .ok()
                .filter(|c| (200..600).contains(c))
                .unwrap_or(200);
            (code, text(r.get("body")).unwrap_or_default())
        }),
    }
}

/// The path of a raw URL: after the scheme and host.
fn raw_path(raw: &str) -> Vec<String> {
    let raw = raw.split(['?', '#']).next().unwrap_or_default();
    let rest = raw.split_once("://").map_or(raw, |(_, r)| r);
    rest.split('/').skip(1).map(str::to_owned).collect()
}

/// `text` with the collection's variables put in, as Postman sends a body:
/// one the collection does not define stays as written.
fn substitute(text: &str, vars: &BTreeMap<String, String>) -> String {
    let mut out = text.to_owned();
    for (k, v) in vars {
        out = out.replace(&format!("{{{{{k}}}}}"), v);
    }
    out
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

/// The item's own `Authorization` header taken out of `headers`: with no
/// auth in force, one naming Bearer or Basic is how the item authenticates;
/// under a scheme, the scheme writes it (the `bool`). Any other stays a
/// header.
fn own_authorization(
    auth: Auth,
    mut headers: Vec<(String, String)>,
) -> (Auth, Vec<(String, String)>, bool) {
    let Some(at) = headers
        .iter()
        .position(|(k, _)| k.trim().eq_ignore_ascii_case("authorization"))
    else {
        return (auth, headers, false);
    };
    if !matches!(auth, Auth::None) {
        headers.remove(at);
        return (auth, headers, true);
    }
    let scheme = headers[at].1.trim().split(' ').next().unwrap_or_default();
    let auth = if scheme.eq_ignore_ascii_case("bearer") {
        Auth::Bearer
    } else if scheme.eq_ignore_ascii_case("basic") {
        Auth::Basic
    } else {
        return (auth, headers, false);
    };
    headers.remove(at);
    (auth, headers, false)
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

/// A path segment's text read into pieces: each `{{var}}` resolved in
/// place, Basic auth's username variable kept as such, and one without a
/// value left unset.
fn pieces(text: &str, vars: &BTreeMap<String, String>, user: Option<&str>) -> Segment {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once("{{") {
        let Some((name, tail)) = after.split_once("}}") else {
            break;
        };
        push_text(&mut out, before);
        let name = name.trim();
        if Some(name) == user {
            out.push(Piece::User);
        } else {
            match resolve(&format!("{{{{{name}}}}}"), vars) {
                Some(value) if !value.is_empty() && !looks_like_credential(name) => {
                    push_text(&mut out, &value)
                }
                _ => out.push(Piece::Unset(name.to_owned())),
            }
        }
        rest = tail;
    }
    push_text(&mut out, rest);
    out
}

fn push_text(out: &mut Segment, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Piece::Text(last)) => last.push_str(text),
        _ => out.push(Piece::Text(text.to_owned())),
    }
}

/// The variable Basic auth's username is written as (`{{AccountSid}}`).
fn user_variable(auth: Option<&Value>) -> Option<String> {
    let auth = auth?;
    if text(auth.get("type")).as_deref() != Some("basic") {
        return None;
    }
    let username = list(auth.get("basic"))
        .iter()
        .find(|f| text(f.get("key")).as_deref() == Some("username"))
        .and_then(|f| text(f.get("value")))
        .or_else(|| text(auth.get("basic").and_then(|b| b.get("username"))))?;
    let name = username.trim().strip_prefix("{{")?.strip_suffix("}}")?;
    Some(name.trim().to_owned())
}

fn auth_of(auth: Option<&Value>) -> Auth {
    let Some(auth) = auth else { return Auth::None };
    let kind = text(auth.get("type")).unwrap_or_default();
    let fields = |k: &str| -> Map<String, Value> {
        let mut m = Map::new();
        match auth.get(k) {
            Some(Value::Array(a)) => {
                for f in a {
                    if let Some(key) = text(f.get("key")) {
                        m.insert(key, f.get("value").cloned().unwrap_or(Value::Null));
                    }
                }
            }
            Some(Value::Object(o)) => m.clone_from(o),
            _ => {}
        }
        m
    };
    match kind.as_str() {
        "noauth" | "" => Auth::None,
        "basic" => Auth::Basic,
        "bearer" | "oauth2" => Auth::Bearer,
        "apikey" => {
            let f = fields("apikey");
            Auth::ApiKey {
                name: f
                    .get("key")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned(),
                in_query: f.get("in").and_then(Value::as_str) == Some("query"),
            }
        }
        other => Auth::Signed(other.to_owned()),
    }
}

/// The body Postman sends: variables the collection defines resolved (in
/// raw text too), comments in JSON dropped (a server reads none).
fn body_of(body: Option<&Value>, vars: &BTreeMap<String, String>) -> Body {
    let Some(body) = body.filter(|b| !b.is_null()) else {
        return Body::None;
    };
    if body.get("disabled").and_then(Value::as_bool) == Some(true) {
        return Body::None;
    }
    match text(body.get("mode")).unwrap_or_default().as_str() {
        "raw" => {
            let raw = substitute(&text(body.get("raw")).unwrap_or_default(), vars);
            if raw.trim().is_empty() {
                return Body::None;
            }
            let language = body
                .pointer("/options/raw/language")
                .and_then(Value::as_str);
            match serde_json::from_str(&without_comments(&raw)) {
                Ok(v) => Body::Json(v),
                Err(_) if language == Some("json") => Body::BrokenJson(raw),
                Err(_) => Body::Text(raw),
            }
        }
        // An enabled field with no value is still sent: `key=`.
        "urlencoded" => Body::Form(
            list(body.get("urlencoded"))
                .iter()
                .filter(|e| e.get("disabled").and_then(Value::as_bool) != Some(true))
                .filter_map(|e| {
                    let value = text(e.get("value")).unwrap_or_default();
                    Some((text(e.get("key"))?, substitute(&value, vars)))
                })
                .collect(),
        ),
        "formdata" => Body::Multipart(
            list(body.get("formdata"))
                .iter()
                .filter(|p| p.get("disabled").and_then(Value::as_bool) != Some(true))
                .filter_map(|p| {
                    let value = if text(p.get("type")).as_deref() == Some("file") {
                        PartValue::File {
                            file_name: text(p.get("src"))
                                .and_then(|src| src.rsplit(['/', '\\']).next().map(str::to_owned))
                                .filter(|name| !name.is_empty()),
                            content_type: text(p.get("contentType")).filter(|t| !t.is_empty()),
                        }
                    } else {
                        PartValue::Text(substitute(&text(p.get("value")).unwrap_or_default(), vars))
                    };
                    Some(Part {
                        name: text(p.get("key"))?,
                        value,
                    })
                })
                .collect(),
        ),
        "file" => Body::File,
        "graphql" => {
            let g = body.get("graphql").cloned().unwrap_or(Value::Null);
            let variables = match g.get("variables") {
                Some(Value::String(s)) => serde_json::from_str(s).unwrap_or(Value::Null),
                Some(v) => v.clone(),
                None => Value::Null,
            };
            Body::GraphQl {
                query: text(g.get("query")).unwrap_or_default(),
                variables,
            }
        }
        _ => Body::None,
    }
}

/// `body` with its `{{variables}}` kept as written, when it has any: in
/// JSON, a bare one (`"n": {{count}}`) is read as the collection's value
/// when that is a JSON value, else as `null`, since nothing else reads.
fn written_body(body: Option<&Value>, vars: &BTreeMap<String, String>) -> Option<Body> {
    let b = body?;
    if !b.to_string().contains("{{") {
        return None;
    }
    match text(b.get("mode")).as_deref() {
        Some("raw") => {
            let raw = text(b.get("raw")).unwrap_or_default();
            let json = bare_placeholders(&without_comments(&raw), vars);
            serde_json::from_str(&json).ok().map(Body::Json)
        }
        Some("urlencoded" | "formdata") => Some(body_of(body, &BTreeMap::new())),
        _ => None,
    }
}

/// `text` with each `{{name}}` outside strings replaced by its value in
/// `vars` if that is JSON, else by `null`.
fn bare_placeholders(text: &str, vars: &BTreeMap<String, String>) -> String {
    outside_strings(text, |rest| {
        let (name, tail) = rest.strip_prefix("{{")?.split_once("}}")?;
        let value = vars
            .get(name.trim())
            .filter(|v| serde_json::from_str::<Value>(v).is_ok());
        Some((value.map_or("null", String::as_str).to_owned(), tail))
    })
}

/// `text` with `//` and `/* */` comments outside strings removed.
fn without_comments(text: &str) -> String {
    outside_strings(text, |rest| {
        if let Some(after) = rest.strip_prefix("//") {
            return Some((
                String::new(),
                &after[after.find('\n').unwrap_or(after.len())..],
            ));
        }
        let after = rest.strip_prefix("/*")?;
        Some((String::new(), after.split_once("*/").map_or("", |(_, a)| a)))
    })
}

/// `text` copied, except where `replace`, asked at each place outside a
/// JSON string, gives what to write instead and the text after it.
fn outside_strings<'a>(
    text: &'a str,
    mut replace: impl FnMut(&'a str) -> Option<(String, &'a str)>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut in_string = false;
    while let Some(c) = rest.chars().next() {
        if !in_string && let Some((with, after)) = replace(rest) {
            out.push_str(&with);
            rest = after;
            continue;
        }
        if c == '"' {
            in_string = !in_string;
        } else if c == '\\' && in_string {
            // The escaped character, whatever it is, stays in the string.
            let escaped: String = rest.chars().take(2).collect();
            out.push_str(&escaped);
            rest = &rest[escaped.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_as_people_write_it() {
        let text =
            "{\"a\": \"//x /*y*/ \\\"{{v}}\\\"\", // note\n \"n\": {{n}}, /* c */ \"m\": {{m}}}";
        assert_eq!(
            without_comments(text),
            "{\"a\": \"//x /*y*/ \\\"{{v}}\\\"\", \n \"n\": {{n}},  \"m\": {{m}}}"
        );
        let vars = BTreeMap::from([("n".to_owned(), "7".to_owned())]);
        let read: Value =
            serde_json::from_str(&bare_placeholders(&without_comments(text), &vars)).expect("JSON");
        assert_eq!(
            read,
            serde_json::json!({"a": "//x /*y*/ \"{{v}}\"", "n": 7, "m": null})
        );
    }
}
