//! Which `{{variables}}` an example may be filled from.
//!
//! Example values end up in generated docs and example calls, so a value
//! taken from the collection must never be a credential. The auth scheme in
//! force names some; the rest are recognised here by name: a variable whose
//! own name looks like a credential, or that fills a header or query
//! parameter whose name does, gives no value (as if undefined). Names are
//! read as words (`apiKey`, `X-Auth-Token`, `client_secret`), so `author`
//! or `keyword` stay innocent; a false alarm only costs an example its
//! value, a miss would publish a secret, so the list errs on the wide side.
//! Variables Postman marks `"type": "secret"` are withheld by the reader.
//!
//! A value written out in the item is withheld the same way: a query or
//! header value under such a name gives none, and in example bodies
//! (request and saved response) the value of such a key becomes a
//! placeholder of the same JSON type (`redact`), so types stay as the
//! examples show them.

use serde_json::Value;
use std::collections::BTreeMap;

/// A word that is, or ends in, one of these names a credential
/// (`key`, `apikey`, `oauth`, `accesstoken`, `clientsecret`, `passwd`).
const ENDINGS: &[&str] = &[
    "key",
    "auth",
    "token",
    "secret",
    "password",
    "passwd",
    "credential",
    "credentials",
    "cookie",
    "session",
    "signature",
];
/// A word that begins with one of these names a credential
/// (`tokens`, `sessionid`, `authorization`, `authenticate`, `cookies`).
const BEGINNINGS: &[&str] = &[
    "token",
    "secret",
    "passw",
    "credential",
    "cookie",
    "session",
    "signature",
    "authoriz",
    "authoris",
    "authentic",
];
/// Short words that name a credential only on their own.
const WHOLE: &[&str] = &[
    "pass", "pwd", "pin", "otp", "jwt", "sig", "bearer", "csrf", "xsrf",
];

/// Whether `name` (a variable, or a header, query or path parameter, or a
/// body field) looks like it holds a credential, read as words (`apiKey`,
/// `X-Auth-Token`, `client_secret`): the generator then shows no value of
/// it from the spec in generated docs and examples (a placeholder where
/// one must be given). It errs on the wide side.
pub fn looks_like_credential(name: &str) -> bool {
    words(name).iter().any(|w| {
        WHOLE.contains(&w.as_str())
            || ENDINGS.iter().any(|e| w.ends_with(e))
            || BEGINNINGS.iter().any(|b| w.starts_with(b))
    })
}

/// Last words of a name that holds a secret value itself, not an id: a
/// response field so named is kept out of `Debug` (`auth_token`,
/// `new_auth_token`, `password`, `first_party_pin`; not `account_id` or
/// `session_uuid`, which name things).
const SECRET_LAST: &[&str] = &[
    "token",
    "secret",
    "password",
    "passwd",
    "pwd",
    "pin",
    "apikey",
    "passphrase",
];

/// Whether a field called `name` holds a secret (its last word says so):
/// narrower than [`looks_like_credential`], which withholds examples and
/// may err wide; this types a field the caller reads.
pub(crate) fn holds_secret(name: &str) -> bool {
    let words = words(name);
    let last = words.last().map(String::as_str);
    let pair = words.len() >= 2
        && matches!(
            words[words.len() - 2].as_str(),
            "api" | "private" | "secret" | "access"
        );
    last.is_some_and(|w| SECRET_LAST.contains(&w)) || (pair && last == Some("key"))
}

/// `vars` without the variables whose names look like credentials.
pub(crate) fn without_credential_names(
    vars: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    vars.iter()
        .filter(|(name, _)| !looks_like_credential(name))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// `value` with the value of every key that looks like a credential, at any
/// depth, replaced by a placeholder (`redact_value`); whether any was.
pub(crate) fn redact(value: &mut Value) -> bool {
    match value {
        Value::Object(map) => {
            let mut any = false;
            for (key, v) in map.iter_mut() {
                any |= if looks_like_credential(key) {
                    redact_value(key, v)
                } else {
                    redact(v)
                };
            }
            any
        }
        Value::Array(items) => items.iter_mut().fold(false, |any, v| redact(v) | any),
        _ => false,
    }
}

/// The value of `key`, a credential, made a placeholder of its type: text
/// becomes [`placeholder`] (empty text, which holds no secret, stays), a
/// number `0`, and so does every such value inside; whether anything changed.
pub(crate) fn redact_value(key: &str, value: &mut Value) -> bool {
    match value {
        Value::String(text) if !text.is_empty() && *text != placeholder(key) => {
            *text = placeholder(key);
            true
        }
        Value::Number(n) if n.as_i64() != Some(0) => {
            *value = Value::from(0);
            true
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |any, v| redact_value(key, v) | any),
        Value::Object(map) => map
            .iter_mut()
            .fold(false, |any, (_, v)| redact_value(key, v) | any),
        _ => false,
    }
}

/// What an example shows instead of the value of `name`, a credential.
pub(crate) fn placeholder(name: &str) -> String {
    format!("<{name}>")
}

/// A saved response body with its credentials redacted: reprinted when it
/// is JSON holding one, else as it was.
pub(crate) fn redact_text(body: &str) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(body) else {
        return body.to_owned();
    };
    if !redact(&mut value) {
        return body.to_owned();
    }
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| body.to_owned())
}

/// Lowercase words of `name`, split at anything not a letter or digit and
/// where a lowercase letter or digit meets an uppercase one (`apiKey`).
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            out.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase() || c.is_numeric();
        word.extend(c.to_lowercase());
    }
    out.extend((!word.is_empty()).then_some(word));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn credential_values_become_placeholders_of_their_type() {
        let mut body = json!({
            "user": "ann",
            "password": "hunter2",
            "pin": 1234,
            "auth": { "token": "t", "ttl": 60, "scopes": ["a"] },
            "items": [{ "api_key": "k", "keyword": "w" }],
            "remember_token": true,
            "session": "",
        });
        assert!(redact(&mut body));
        assert_eq!(
            body,
            json!({
                "user": "ann",
                "password": "<password>",
                "pin": 0,
                "auth": { "token": "<auth>", "ttl": 0, "scopes": ["<auth>"] },
                "items": [{ "api_key": "<api_key>", "keyword": "w" }],
                "remember_token": true,
                "session": "",
            })
        );
        assert!(!redact(&mut body), "a second pass changes nothing");
        assert_eq!(redact_text("{\"a\": 1}"), "{\"a\": 1}");
        assert_eq!(redact_text("not json"), "not json");
        assert!(!redact_text(r#"{"session": "s3cr3t"}"#).contains("s3cr3t"));
    }

    #[test]
    fn credential_names_are_recognised_by_word() {
        for name in [
            "api_key",
            "apiKey",
            "APIKEY",
            "X-Auth-Token",
            "x-api-key",
            "access_token",
            "client_secret",
            "Password",
            "passwd",
            "oauth",
            "Authorization",
            "Cookie",
            "sessionId",
            "X-Amz-Signature",
            "sig",
            "X-CSRF-Token",
            "credentials",
        ] {
            assert!(looks_like_credential(name), "{name}");
        }
        for name in [
            "region",
            "author",
            "authorId",
            "keyword",
            "limit",
            "cursor",
            "env",
            "passenger",
            "base_url",
            "",
        ] {
            assert!(!looks_like_credential(name), "{name}");
        }
    }
}
