//! A string that holds a credential the API hands back (a token, a
//! password): readable by the caller, never shown by `Debug`.

use std::fmt;

/// A secret value from a response, such as a new auth token.
///
/// It reads and writes as a plain JSON string, and [`Secret::expose`] gives
/// the text; `Debug` (and so any `{:?}` of a response that holds one, in a
/// log or a panic) shows only `Secret(<redacted>)`. It has no `Display`, so
/// printing it is a choice made in the code that does it.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Secret(String);

impl Secret {
    /// A secret holding `text`.
    pub fn new(text: impl Into<String>) -> Self {
        Secret(text.into())
    }

    /// The text itself.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The text itself, taken out.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl From<String> for Secret {
    fn from(text: String) -> Self {
        Secret(text)
    }
}

impl From<&str> for Secret {
    fn from(text: &str) -> Self {
        Secret(text.to_owned())
    }
}

impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_text_and_the_caller_reads_it() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code, reason = "read through Debug")]
        struct Created {
            auth_id: String,
            auth_token: Secret,
        }
        let created: Created =
            serde_json::from_str(r#"{"auth_id": "SA1", "auth_token": "fake-token-1234"}"#).unwrap();
        let shown = format!("{created:?} {:#?}", created.auth_token);
        assert!(!shown.contains("fake-token-1234"), "{shown}");
        assert!(shown.contains("SA1"), "{shown}");
        assert_eq!(created.auth_token.expose(), "fake-token-1234");
        assert_eq!(
            serde_json::to_string(&created.auth_token).unwrap(),
            r#""fake-token-1234""#
        );
    }
}
