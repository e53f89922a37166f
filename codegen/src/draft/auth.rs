//! How an operation authenticates, read from the auth it inherits
//! (collection → folder → request, the nearest declaration winning, `noauth`
//! included): the scheme, and where its credentials go.

use crate::read::postman::{Auth, KeyValue};

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

    /// This auth, or when none is in force (none declared, or `noauth`)
    /// the scheme an enabled `Authorization: Bearer <token>` or `Basic
    /// <credentials>` header of the item's own states: such a header is
    /// how the item authenticates, so the client's credential goes there
    /// (the header itself is the runtime's to write). Other header values
    /// name no scheme the client holds a credential for.
    pub(crate) fn or_header(self, headers: &[KeyValue]) -> AuthDraft {
        if self != AuthDraft::None {
            return self;
        }
        let value = headers
            .iter()
            .filter(|h| !h.disabled && h.key.trim().eq_ignore_ascii_case("authorization"))
            .find_map(|h| h.value.as_deref());
        let Some((scheme, credential)) = value.and_then(|v| v.trim().split_once(' ')) else {
            return self;
        };
        let credential = Some(credential.trim().to_owned()).filter(|c| !c.is_empty());
        if scheme.eq_ignore_ascii_case("bearer") {
            AuthDraft::Bearer { token: credential }
        } else if scheme.eq_ignore_ascii_case("basic") {
            // One encoded `user:password`: its variables are credentials.
            AuthDraft::Basic {
                username: credential,
                password: None,
            }
        } else {
            self
        }
    }

    /// What the operation's descriptor says: the scheme and where its
    /// credential goes, never a value (those the caller gives the client).
    pub(crate) fn scheme(&self) -> AuthScheme {
        match self {
            AuthDraft::None => AuthScheme::None,
            AuthDraft::Basic { .. } => AuthScheme::Basic,
            AuthDraft::Bearer { .. } => AuthScheme::Bearer,
            AuthDraft::ApiKey {
                name, placement, ..
            } => AuthScheme::ApiKey {
                name: name.clone(),
                placement: *placement,
            },
            AuthDraft::OAuth2 {
                prefix, placement, ..
            } => AuthScheme::OAuth2 {
                prefix: prefix.clone(),
                placement: *placement,
            },
            AuthDraft::Signer { scheme } => AuthScheme::Signer {
                scheme: scheme.clone(),
            },
        }
    }

    /// The `{{variables}}` its values are written with: credentials, which
    /// the caller gives the client, so their collection values are never
    /// an example or a default in generated code.
    pub(crate) fn variables(&self) -> Vec<&str> {
        let values: Vec<&Option<String>> = match self {
            AuthDraft::None | AuthDraft::Signer { .. } => Vec::new(),
            AuthDraft::Basic { username, password } => vec![username, password],
            AuthDraft::Bearer { token } | AuthDraft::OAuth2 { token, .. } => vec![token],
            AuthDraft::ApiKey { value, .. } => vec![value],
        };
        values
            .into_iter()
            .flatten()
            .flat_map(|value| value.split("{{").skip(1))
            .filter_map(|rest| Some(rest.split_once("}}")?.0.trim()))
            .collect()
    }

    /// The query parameter or header (lowercase) the credential travels
    /// in, other than `Authorization`: one the item also lists is the
    /// client's to send, not a parameter of the call.
    pub(crate) fn carrier(&self) -> Option<(Placement, String)> {
        match self {
            AuthDraft::ApiKey {
                name, placement, ..
            } => Some((*placement, name.to_ascii_lowercase())),
            AuthDraft::OAuth2 {
                placement: Placement::Query,
                ..
            } => Some((Placement::Query, "access_token".to_owned())),
            _ => None,
        }
    }
}

/// An operation's scheme as its descriptor states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AuthScheme {
    None,
    Basic,
    Bearer,
    ApiKey {
        name: String,
        placement: Placement,
    },
    OAuth2 {
        prefix: String,
        placement: Placement,
    },
    Signer {
        scheme: String,
    },
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
                draft.scheme(),
                AuthScheme::Signer {
                    scheme: scheme.into()
                }
            );
        }
    }

    #[test]
    fn descriptors_say_where_a_credential_goes_never_its_value() {
        let scheme =
            |kind: &str, params: &[(&str, &str)]| AuthDraft::of(Some(&auth(kind, params))).scheme();
        assert_eq!(scheme("noauth", &[]), AuthScheme::None);
        assert_eq!(scheme("basic", &[("username", "u")]), AuthScheme::Basic);
        assert_eq!(scheme("bearer", &[("token", "t")]), AuthScheme::Bearer);
        assert_eq!(
            scheme("apikey", &[("key", "X-Key"), ("value", "v")]),
            AuthScheme::ApiKey {
                name: "X-Key".into(),
                placement: Placement::Header
            }
        );
        assert_eq!(
            scheme("oauth2", &[("headerPrefix", "Token"), ("accessToken", "a")]),
            AuthScheme::OAuth2 {
                prefix: "Token".into(),
                placement: Placement::Header
            }
        );
    }

    #[test]
    fn the_variables_of_auth_values_and_the_carrier() {
        let draft = AuthDraft::of(Some(&auth(
            "apikey",
            &[
                ("key", "Key"),
                ("value", "{{ apiKey }}-{{suffix}}"),
                ("in", "query"),
            ],
        )));
        assert_eq!(draft.variables(), ["apiKey", "suffix"]);
        assert_eq!(draft.carrier(), Some((Placement::Query, "key".into())));
        let basic = AuthDraft::of(Some(&auth(
            "basic",
            &[("username", "{{id}}"), ("password", "plain")],
        )));
        assert_eq!(basic.variables(), ["id"]);
        assert_eq!(basic.carrier(), None);
        let oauth = AuthDraft::of(Some(&auth("oauth2", &[("addTokenTo", "queryParams")])));
        assert_eq!(
            oauth.carrier(),
            Some((Placement::Query, "access_token".into()))
        );
    }
}
