//! Whether a request carries the credential its operation's scheme asks
//! for, where the scheme puts it; and the challenge a refusal carries.
//!
//! What "checks" means per scheme: Basic, bearer, OAuth 2.0 and API keys
//! are compared with the mock's credentials (or, for a kind it was not
//! given, only required to be there and non-empty). A scheme that signs
//! each request (`awsv4`, `hawk`, `oauth1`, `digest`, ...) cannot be
//! verified without the signer's secret and algorithm: the request must
//! carry an `Authorization` header of the scheme's own form (`Digest ...`,
//! `AWS4-HMAC-SHA256 ...`; OAuth 1.0 may sign in the query instead), and
//! the signature itself is not checked.

use super::credentials::MockCredentials;
use super::headers::RecordedHeaders;
use super::query::RecordedQuery;
use crate::operation::{Auth, Placement};

/// A request without the credential its scheme wants; the
/// `WWW-Authenticate` challenge to answer with, if the scheme has one.
#[derive(Debug)]
pub(super) struct Refused(pub(super) Option<String>);

/// The credentials to compare with: the mock's, and its Basic header's
/// encoded part (`base64(user:password)`) when Basic is fixed.
pub(super) struct Accepted<'a> {
    pub(super) credentials: &'a MockCredentials,
    pub(super) basic: Option<&'a str>,
}

/// Checks `headers` and `query` against `auth`.
pub(super) fn check(
    accepted: &Accepted<'_>,
    auth: Auth,
    headers: &RecordedHeaders,
    query: &RecordedQuery,
) -> Result<(), Refused> {
    let authorization = headers.get("authorization");
    let credentials = accepted.credentials;
    let ok = match auth {
        Auth::None => true,
        Auth::Basic => {
            scheme_value(authorization, "Basic").is_some_and(|v| fits(accepted.basic, v))
        }
        Auth::Bearer => scheme_value(authorization, "Bearer")
            .is_some_and(|v| fits(credentials.token.as_deref(), v)),
        Auth::OAuth2 {
            placement: Placement::Query,
            ..
        } => query
            .get("access_token")
            .is_some_and(|v| fits(credentials.token.as_deref(), v)),
        Auth::OAuth2 { prefix, .. } => {
            let value = if prefix.is_empty() {
                authorization
            } else {
                scheme_value(authorization, prefix)
            };
            value.is_some_and(|v| fits(credentials.token.as_deref(), v))
        }
        Auth::ApiKey { name, placement } => {
            let value = match placement {
                Placement::Header => headers.get(name),
                Placement::Query => query.get(name),
            };
            value.is_some_and(|v| fits(credentials.api_key.as_deref(), v))
        }
        Auth::Signer { scheme } => signed(scheme, authorization, query),
    };
    if ok {
        Ok(())
    } else {
        Err(Refused(challenge(auth)))
    }
}

/// The rest of `Authorization` after the scheme word `word` (any case).
fn scheme_value<'a>(authorization: Option<&'a str>, word: &str) -> Option<&'a str> {
    let (given, rest) = authorization?.trim().split_once(' ')?;
    given.eq_ignore_ascii_case(word).then(|| rest.trim())
}

/// A credential given, and the mock's if it has one.
fn fits(expected: Option<&str>, given: &str) -> bool {
    !given.is_empty() && expected.is_none_or(|expected| expected == given)
}

/// The word that opens `Authorization` for a signing scheme, as each
/// scheme's definition gives it: AWS Signature Version 4
/// (`AWS4-HMAC-SHA256`), Hawk, OAuth 1.0 (RFC 5849 section 3.5.1), Digest
/// (RFC 7616), NTLM, Akamai EdgeGrid (`EG1-HMAC-SHA256`), and the JWT
/// bearer schemes (`asap`, `jwt`). `None`: a scheme not known here, for
/// which any `Authorization` passes.
fn signing_word(scheme: &str) -> Option<&'static str> {
    Some(match scheme {
        "awsv4" => "AWS4-HMAC-SHA256",
        "hawk" => "Hawk",
        "oauth1" => "OAuth",
        "digest" => "Digest",
        "ntlm" => "NTLM",
        "edgegrid" | "akamai" => "EG1-HMAC-SHA256",
        "asap" | "jwt" => "Bearer",
        _ => return None,
    })
}

fn signed(scheme: &str, authorization: Option<&str>, query: &RecordedQuery) -> bool {
    // OAuth 1.0 may sign in the query instead (RFC 5849 section 3.5.3).
    if scheme == "oauth1" && query.get("oauth_signature").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    match signing_word(scheme) {
        Some(word) => scheme_value(authorization, word).is_some_and(|v| !v.is_empty()),
        None => authorization.is_some_and(|v| !v.trim().is_empty()),
    }
}

/// The `WWW-Authenticate` challenge of a 401 (RFC 9110 section 11.6.1):
/// what a client of the scheme reads to know how to authenticate. Digest
/// clients need one to answer at all (its nonce is fixed: the response to
/// it is not checked).
fn challenge(auth: Auth) -> Option<String> {
    let realm = r#"realm="mock""#;
    match auth {
        Auth::Basic => Some(format!("Basic {realm}")),
        Auth::Bearer => Some(format!("Bearer {realm}")),
        Auth::OAuth2 {
            prefix,
            placement: Placement::Header,
        } if !prefix.is_empty() => Some(format!("{prefix} {realm}")),
        Auth::Signer { scheme: "digest" } => Some(format!(
            r#"Digest {realm}, qop="auth", nonce="bW9jay1ub25jZQ", algorithm=MD5"#
        )),
        Auth::Signer { scheme } => match signing_word(scheme) {
            Some(word) if !word.contains('-') => Some(format!("{word} {realm}")),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(
        authorization: Option<&str>,
        header: Option<(&'static str, &str)>,
    ) -> RecordedHeaders {
        let mut map = hyper::HeaderMap::new();
        if let Some(value) = authorization {
            map.insert("authorization", value.parse().unwrap());
        }
        if let Some((name, value)) = header {
            map.insert(name, value.parse().unwrap());
        }
        RecordedHeaders::from_map(&map)
    }

    fn passes(
        credentials: &MockCredentials,
        auth: Auth,
        headers: &RecordedHeaders,
        query: &str,
    ) -> bool {
        let accepted = Accepted {
            credentials,
            basic: Some("dXNlcjpwdw=="),
        };
        check(&accepted, auth, headers, &RecordedQuery::parse(query)).is_ok()
    }

    #[test]
    fn each_scheme_reads_its_own_place_and_none_asks_for_another() {
        let fixed = MockCredentials::basic("user", "pw")
            .with_bearer_token("t1")
            .with_api_key("k1");
        let none = request(None, None);
        let cases: &[(Auth, RecordedHeaders, &str)] = &[
            (Auth::Basic, request(Some("Basic dXNlcjpwdw=="), None), ""),
            (Auth::Bearer, request(Some("bearer t1"), None), ""),
            (
                Auth::oauth2_header("Token"),
                request(Some("Token t1"), None),
                "",
            ),
            (Auth::oauth2_query(), none.clone(), "access_token=t1"),
            (
                Auth::api_key_header("x-key"),
                request(None, Some(("x-key", "k1"))),
                "",
            ),
            (Auth::api_key_query("key"), none.clone(), "key=k1"),
            (
                Auth::signer("digest"),
                request(Some("Digest username=\"u\""), None),
                "",
            ),
            (Auth::signer("oauth1"), none.clone(), "oauth_signature=abc"),
        ];
        for (auth, headers, query) in cases {
            assert!(passes(&fixed, *auth, headers, query), "{auth:?} passes");
            assert!(
                !passes(&fixed, *auth, &none, ""),
                "{auth:?} wants a credential"
            );
        }
        assert!(passes(&fixed, Auth::None, &none, ""));
        // Wrong values, and the right value in another scheme's place.
        assert!(!passes(
            &fixed,
            Auth::Bearer,
            &request(Some("Bearer t2"), None),
            ""
        ));
        assert!(!passes(
            &fixed,
            Auth::Bearer,
            &request(Some("Basic dXNlcjpwdw=="), None),
            ""
        ));
        assert!(!passes(
            &fixed,
            Auth::api_key_query("key"),
            &request(None, Some(("key", "k1"))),
            ""
        ));
        assert!(!passes(
            &fixed,
            Auth::signer("awsv4"),
            &request(Some("Hawk id=1"), None),
            ""
        ));
    }

    #[test]
    fn a_kind_not_fixed_is_checked_for_presence_only() {
        let any = MockCredentials::default();
        assert!(passes(
            &any,
            Auth::Bearer,
            &request(Some("Bearer whatever"), None),
            ""
        ));
        assert!(!passes(
            &any,
            Auth::Bearer,
            &request(Some("Bearer "), None),
            ""
        ));
        assert!(passes(
            &any,
            Auth::api_key_query("key"),
            &request(None, None),
            "key=x"
        ));
        assert!(!passes(
            &any,
            Auth::api_key_query("key"),
            &request(None, None),
            "key="
        ));
    }

    #[test]
    fn refusals_carry_the_scheme_s_challenge() {
        let any = MockCredentials::default();
        let accepted = Accepted {
            credentials: &any,
            basic: None,
        };
        let refused = |auth| {
            check(
                &accepted,
                auth,
                &RecordedHeaders::default(),
                &RecordedQuery::default(),
            )
            .unwrap_err()
            .0
        };
        assert_eq!(
            refused(Auth::Basic).as_deref(),
            Some(r#"Basic realm="mock""#)
        );
        assert!(
            refused(Auth::signer("digest"))
                .unwrap()
                .starts_with("Digest realm=")
        );
        assert_eq!(refused(Auth::api_key_header("x-key")), None);
    }
}
