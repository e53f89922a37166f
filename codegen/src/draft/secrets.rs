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

/// Whether `name` (a variable, header or query parameter) looks like it
/// holds a credential.
pub(crate) fn looks_like_credential(name: &str) -> bool {
    words(name).iter().any(|w| {
        WHOLE.contains(&w.as_str())
            || ENDINGS.iter().any(|e| w.ends_with(e))
            || BEGINNINGS.iter().any(|b| w.starts_with(b))
    })
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
