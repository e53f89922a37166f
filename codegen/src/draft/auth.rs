//! How an operation authenticates, read from the auth it inherits
//! (collection → folder → request, the nearest declaration winning, `noauth`
//! included): the scheme, and where its credentials go.

use crate::error::SkipReason;
use crate::read::postman::Auth;

/// Where an API key or a token travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    Header,
    Query,
}

/// An operation's authentication. Values are kept as the spec writes them:
/// most are `{{variables}}` the caller supplies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AuthDraft {
    /// None declared, or `noauth`.
    None,
    /// HTTP Basic; `username` and `password` as written.
    Basic {
        username: Option<String>,
        password: Option<String>,
    },
    /// `Authorization: Bearer <token>`.
    Bearer { token: Option<String> },
    /// A key under a name of the spec's choosing, in a header or the query.
    ApiKey {
        name: String,
        value: Option<String>,
        placement: Placement,
    },
    /// A token obtained by OAuth 2.0, sent as `<prefix> <token>` in the
    /// `Authorization` header or as `access_token` in the query.
    OAuth2 {
        token: Option<String>,
        prefix: String,
        placement: Placement,
    },
    /// A scheme that signs each request (hawk, awsv4, oauth1, digest, ntlm,
    /// edgegrid, ...): only a signer the caller writes can apply it.
    Signer { scheme: String },
}

impl AuthDraft {
    /// The auth `auth` declares (the one in force for the item).
    pub(crate) fn of(auth: Option<&Auth>) -> AuthDraft {
        let Some(auth) = auth else {
            return AuthDraft::None;
        };
        let param = |key: &str| auth.params.get(key).filter(|v| !v.is_empty()).cloned();
        let placement = |value: Option<String>| match value.as_deref() {
            Some("query" | "queryParams") => Placement::Query,
            _ => Placement::Header,
        };
        match auth.kind.as_str() {
            "noauth" => AuthDraft::None,
            "basic" => AuthDraft::Basic {
                username: param("username"),
                password: param("password"),
            },
            "bearer" => AuthDraft::Bearer {
                token: param("token"),
            },
            "apikey" => AuthDraft::ApiKey {
                // Postman's own default when the spec names no key.
                name: param("key").unwrap_or_else(|| "X-API-Key".to_owned()),
                value: param("value"),
                placement: placement(param("in")),
            },
            "oauth2" => AuthDraft::OAuth2 {
                token: param("accessToken"),
                prefix: param("headerPrefix").unwrap_or_else(|| "Bearer".to_owned()),
                placement: placement(param("addTokenTo")),
            },
            other => AuthDraft::Signer {
                scheme: other.to_owned(),
            },
        }
    }

    /// Why lowering cannot use it yet, and how to say so; `None` when it can.
    pub(crate) fn refusal(&self) -> Option<(SkipReason, String)> {
        let (reason, scheme) = match self {
            AuthDraft::None | AuthDraft::Basic { .. } => return None,
            AuthDraft::Bearer { .. } => (SkipReason::BearerAuth, "bearer"),
            AuthDraft::ApiKey { .. } => (SkipReason::ApiKeyAuth, "apikey"),
            AuthDraft::OAuth2 { .. } => (SkipReason::OAuth2Auth, "oauth2"),
            AuthDraft::Signer { scheme } => (SkipReason::SignerAuth, scheme.as_str()),
        };
        Some((reason, format!("`{scheme}` authentication")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth(kind: &str, params: &[(&str, &str)]) -> Auth {
        Auth {
            kind: kind.to_owned(),
            params: params
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn each_scheme_with_its_parameters() {
        assert_eq!(AuthDraft::of(None), AuthDraft::None);
        assert_eq!(AuthDraft::of(Some(&auth("noauth", &[]))), AuthDraft::None);
        assert_eq!(
            AuthDraft::of(Some(&auth("basic", &[("username", "{{id}}")]))),
            AuthDraft::Basic {
                username: Some("{{id}}".into()),
                password: None
            }
        );
        assert_eq!(
            AuthDraft::of(Some(&auth("bearer", &[("token", "{{t}}")]))),
            AuthDraft::Bearer {
                token: Some("{{t}}".into())
            }
        );
        assert_eq!(
            AuthDraft::of(Some(&auth(
                "apikey",
                &[("key", "key"), ("value", "{{k}}"), ("in", "query")]
            ))),
            AuthDraft::ApiKey {
                name: "key".into(),
                value: Some("{{k}}".into()),
                placement: Placement::Query
            }
        );
        assert_eq!(
            AuthDraft::of(Some(&auth("apikey", &[("value", "{{k}}")]))),
            AuthDraft::ApiKey {
                name: "X-API-Key".into(),
                value: Some("{{k}}".into()),
                placement: Placement::Header
            }
        );
        assert_eq!(
            AuthDraft::of(Some(&auth(
                "oauth2",
                &[("accessToken", "{{a}}"), ("addTokenTo", "header")]
            ))),
            AuthDraft::OAuth2 {
                token: Some("{{a}}".into()),
                prefix: "Bearer".into(),
                placement: Placement::Header
            }
        );
    }

    #[test]
    fn every_other_scheme_needs_a_signer() {
        for scheme in [
            "hawk", "awsv4", "oauth1", "digest", "ntlm", "edgegrid", "akamai",
        ] {
            let draft = AuthDraft::of(Some(&auth(scheme, &[])));
            assert_eq!(
                draft,
                AuthDraft::Signer {
                    scheme: scheme.into()
                }
            );
            let (reason, message) = draft.refusal().unwrap();
            assert_eq!(reason, SkipReason::SignerAuth);
            assert_eq!(message, format!("`{scheme}` authentication"));
        }
    }

    #[test]
    fn refusals_until_the_emitter_supports_a_scheme() {
        assert_eq!(AuthDraft::None.refusal(), None);
        let basic = AuthDraft::of(Some(&auth("basic", &[])));
        assert_eq!(basic.refusal(), None);
        let reason = |kind: &str| AuthDraft::of(Some(&auth(kind, &[]))).refusal().unwrap().0;
        assert_eq!(reason("bearer"), SkipReason::BearerAuth);
        assert_eq!(reason("apikey"), SkipReason::ApiKeyAuth);
        assert_eq!(reason("oauth2"), SkipReason::OAuth2Auth);
    }
}
