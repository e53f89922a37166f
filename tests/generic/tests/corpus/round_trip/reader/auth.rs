//! The auth in force as the item describes it: its scheme, the variable
//! Basic auth's username is written with, and the item's own
//! `Authorization` header.

use super::{Auth, list, text};
use serde_json::{Map, Value};

/// The item's own `Authorization` header taken out of `headers`: with no
/// auth in force, one naming Bearer or Basic is how the item authenticates;
/// under a scheme, the scheme writes it (the `bool`). Any other stays a
/// header.
pub(super) fn own_authorization(
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

/// The variable Basic auth's username is written as (`{{AccountSid}}`).
pub(super) fn user_variable(auth: Option<&Value>) -> Option<String> {
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

pub(super) fn auth_of(auth: Option<&Value>) -> Auth {
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
