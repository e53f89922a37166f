//! The builder's `Debug`: its settings, never its credentials.

use super::ClientBuilder;

/// Written by hand so that no credential ever shows.
impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (username, password) = self.vendor.credential_names();
        let mut out = f.debug_struct("ClientBuilder");
        out.field("api", &self.vendor.name());
        if let Some((name, _)) = &self.basic {
            out.field(username, name).field(password, &"<redacted>");
        }
        crate::auth::debug_kinds(
            &mut out,
            self.token.as_ref(),
            self.api_key.is_some(),
            self.signer.is_some(),
        );
        out.field("base_url", &self.base_url)
            .field("all_hosts", &self.all_hosts)
            .field("hosts", &self.hosts)
            .field("timeout", &self.timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("pool_idle_timeout", &self.pool_idle_timeout)
            .field("retry", &self.retry)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("user_agent", &self.user_agent)
            .finish_non_exhaustive()
    }
}
