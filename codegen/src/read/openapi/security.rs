//! Security schemes as the auth an operation is drafted with: HTTP basic
//! and bearer, an API key in a header or the query, and OAuth 2.0 or
//! OpenID Connect as a bearer token that a token provider supplies. The
//! first usable scheme among the operation's requirements (its own, else
//! the document's) is the one in force, one outside the URL preferred; an
//! empty requirement means none.

use crate::read::openapi::refs::Documents;
use crate::read::postman::Auth;
use serde_json::Value;
use std::collections::BTreeMap;

/// The auth of an operation whose `security` (or the document's) is
/// `requirement`; `Err` for a scheme no client can hold a credential for.
pub(super) fn auth(
    docs: &Documents,
    root: &Value,
    requirement: Option<&Value>,
) -> Result<Option<Auth>, String> {
    let Some(list) = requirement.and_then(Value::as_array) else {
        return Ok(None);
    };
    // Alternatives: the first the client can use, one that keeps the
    // credential out of the URL (where logs and proxies see it) first; an
    // empty one is "none".
    let mut refusal = None;
    let mut in_query = None;
    for alternative in list {
        let Some(names) = alternative.as_object() else {
            continue;
        };
        let Some(name) = names.keys().next() else {
            return Ok(None);
        };
        let scheme = root
            .pointer("/components/securitySchemes")
            .and_then(|s| s.get(name));
        let Some(scheme) = scheme else {
            refusal = Some(format!("security scheme `{name}` is not defined"));
            continue;
        };
        let scheme = match docs.deref(&docs.entry, scheme) {
            Ok((target, _)) => target.value,
            Err(m) => {
                refusal = Some(m);
                continue;
            }
        };
        match of_scheme(scheme) {
            Ok(auth) if auth.params.get("in").is_some_and(|p| p == "query") => {
                in_query.get_or_insert(auth);
            }
            Ok(auth) => return Ok(Some(auth)),
            Err(m) => refusal = Some(m),
        }
    }
    match (in_query, refusal) {
        (Some(auth), _) => Ok(Some(auth)),
        (None, Some(m)) => Err(m),
        (None, None) => Ok(None),
    }
}

fn of_scheme(scheme: &Value) -> Result<Auth, String> {
    let text = |k: &str| scheme.get(k).and_then(Value::as_str).unwrap_or_default();
    let auth = |kind: &str, params: &[(&str, &str)]| Auth {
        kind: kind.to_owned(),
        params: params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<BTreeMap<_, _>>(),
    };
    match (text("type"), text("scheme").to_ascii_lowercase().as_str()) {
        ("http", "basic") => Ok(auth("basic", &[])),
        ("http", "bearer") => Ok(auth("bearer", &[])),
        ("http", other) => Err(format!("HTTP auth scheme `{other}`")),
        ("apiKey", _) => match text("in") {
            "header" => Ok(auth("apikey", &[("key", text("name")), ("in", "header")])),
            "query" => Ok(auth("apikey", &[("key", text("name")), ("in", "query")])),
            other => Err(format!("an API key in `{other}`")),
        },
        ("oauth2" | "openIdConnect", _) => Ok(auth("oauth2", &[("headerPrefix", "Bearer")])),
        (other, _) => Err(format!("security scheme type `{other}`")),
    }
}
