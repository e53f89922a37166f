//! What makes the generic runtime talk like Plivo: its error bodies and
//! `api_id`, the shape of its credentials, the phone-or-SIP format, the
//! mock's wording, the user agent and the hosts.

use crate::formats;
use postman_runtime::{ErrorBody, Host, MockProblem, Vendor};

/// Plivo's side of the runtime's seam; see [`postman_runtime::Vendor`].
#[derive(Debug)]
pub(crate) struct Plivo;

/// The one value every client and mock of this crate is given.
pub(crate) static PLIVO: Plivo = Plivo;

/// Where [`crate::Client::from_env`] reads the credentials.
pub(crate) const AUTH_ID_VAR: &str = "PLIVO_AUTH_ID";
pub(crate) const AUTH_TOKEN_VAR: &str = "PLIVO_AUTH_TOKEN";

impl Vendor for Plivo {
    fn name(&self) -> &'static str {
        "plivo"
    }

    fn request_id_field(&self) -> Option<&'static str> {
        Some("api_id")
    }

    /// `{"api_id": ..., "error": ...}`, or `message` where some endpoints
    /// put the text.
    fn read_error(&self, body: &[u8]) -> ErrorBody {
        ErrorBody::read_default(body, Some("api_id"))
    }

    fn default_base_url(&self) -> Option<&str> {
        crate::DEFAULT_BASE_URL
    }

    /// The generated `HOSTS`: a host name the spec does not have is refused,
    /// and a client for a local server is checked, host by host, when built.
    fn hosts(&self) -> &'static [Host] {
        crate::HOSTS
    }

    fn user_agent(&self) -> &str {
        concat!("plivo-rust/", env!("CARGO_PKG_VERSION"))
    }

    fn credential_names(&self) -> (&'static str, &'static str) {
        ("auth_id", "auth_token")
    }

    fn credential_env_vars(&self) -> Option<(&'static str, &'static str)> {
        Some((AUTH_ID_VAR, AUTH_TOKEN_VAR))
    }

    /// The shape Plivo issues, and the official SDKs check: `MA` (main
    /// account) or `SA` (subaccount), then 18 capital letters or digits.
    fn check_credentials(&self, auth_id: &str, _auth_token: &str) -> Result<(), (String, String)> {
        let well_formed = auth_id.len() == 20
            && (auth_id.starts_with("MA") || auth_id.starts_with("SA"))
            && auth_id
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if well_formed {
            return Ok(());
        }
        Err((
            "auth_id".to_owned(),
            "must be 20 characters: `MA` or `SA` then capital letters and digits".to_owned(),
        ))
    }

    fn check_format(&self, format: &str, value: &str) -> Result<(), String> {
        formats::check(format, value)
    }

    /// Plivo's wording: `to is a mandatory param.`,
    /// `Invalid value provided for role.`
    fn mock_message(&self, problem: &MockProblem<'_>) -> String {
        match problem {
            MockProblem::Missing(field) => format!("{field} is a mandatory param."),
            MockProblem::Invalid(field) => format!("Invalid value provided for {field}."),
            other => other.default_message(),
        }
    }

    fn mock_error_body(&self, api_id: &str, message: &str) -> String {
        serde_json::json!({ "api_id": api_id, "error": message }).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use postman_runtime::ClientBuilder;

    fn build(auth_id: &str, auth_token: &str) -> Result<(), postman_runtime::Error> {
        ClientBuilder::new(&PLIVO, auth_id, auth_token)
            .build()
            .map(drop)
    }

    #[test]
    fn empty_malformed_or_control_characters_are_rejected() {
        let id = "MAXXXXXXXXXXXXXXXXXX";
        assert!(build("", "t").is_err());
        assert!(build(id, "").is_err());
        assert!(build(id, "to\nken").is_err());
        assert!(build("MAXXXXXXXXXXXXXXXX\u{7}X", "t").is_err());
        for bad in [
            "MAXXXXXXXXXXXXXXXXX",
            "MAXXXXXXXXXXXXXXXXXXX",
            "XAXXXXXXXXXXXXXXXXXX",
            "maxxxxxxxxxxxxxxxxxx",
        ] {
            let err = build(bad, "t").unwrap_err();
            assert!(
                err.to_string().starts_with("invalid auth_id"),
                "{bad}: {err}"
            );
        }
        assert!(build("SA0123456789ABCDEF01", "t").is_ok());
    }

    #[test]
    fn debug_hides_the_token_under_plivos_names() {
        let builder = ClientBuilder::new(&PLIVO, "MAXXXXXXXXXXXXXXXXXX", "s3cret-token");
        let client = builder.build().unwrap();
        let shown = format!("{client:?}");
        assert!(shown.contains("auth_id"), "{shown}");
        assert!(shown.contains("MAXXXXXXXXXXXXXXXXXX"), "{shown}");
        assert!(!shown.contains("s3cret-token"), "{shown}");
    }

    #[test]
    fn error_bodies_read_api_id_and_error_or_message() {
        let read = PLIVO.read_error(br#"{"api_id": "a1", "error": "", "message": "m"}"#);
        assert_eq!(read.request_id.as_deref(), Some("a1"));
        assert_eq!(read.message.as_deref(), Some("m"));
        let read = PLIVO.read_error(br#"{"error": {"to": ["bad"]}}"#);
        assert_eq!(read.message.as_deref(), Some(r#"{"to":["bad"]}"#));
        assert_eq!(PLIVO.read_error(b"not json"), ErrorBody::default());
    }
}
