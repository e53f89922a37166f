//! One rustls configuration per process, whose certificate verifier reads
//! the system roots on the first handshake that needs them, not before.

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};
use std::sync::{Arc, OnceLock};

/// How many times the system roots were read: the tests' proof that it
/// happens once, and only when a certificate is checked.
#[cfg(test)]
pub(super) static LOADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The configuration every client clones (its parts are reference
/// counted), and its verifier; `None` if the provider refuses the default
/// protocol versions.
pub(super) fn shared() -> Option<&'static Shared> {
    static SHARED: OnceLock<Option<Shared>> = OnceLock::new();
    SHARED.get_or_init(build).as_ref()
}

/// What every client of the process shares.
pub(super) struct Shared {
    pub(super) config: ClientConfig,
    /// The verifier inside `config`, which rustls does not hand back.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) verifier: Arc<LazyRoots>,
}

/// The crypto provider the features chose: ring when asked for, else
/// aws-lc-rs.
fn provider() -> Arc<CryptoProvider> {
    #[cfg(feature = "rustls-ring")]
    let provider = rustls::crypto::ring::default_provider();
    #[cfg(not(feature = "rustls-ring"))]
    let provider = rustls::crypto::aws_lc_rs::default_provider();
    Arc::new(provider)
}

fn build() -> Option<Shared> {
    let provider = provider();
    let verifier = Arc::new(LazyRoots {
        provider: provider.clone(),
        verifier: OnceLock::new(),
    });
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .ok()?
        .dangerous()
        .with_custom_certificate_verifier(verifier.clone())
        .with_no_client_auth();
    // What reqwest offers when it builds the configuration itself, without
    // its http2 feature.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Some(Shared { config, verifier })
}

/// The platform's verifier (the system roots on Linux), built on first use.
#[derive(Debug)]
pub(super) struct LazyRoots {
    provider: Arc<CryptoProvider>,
    /// The verifier, or why the roots could not be read (kept, so a
    /// machine without roots fails each handshake the same way, cheaply).
    verifier: OnceLock<Result<rustls_platform_verifier::Verifier, String>>,
}

impl LazyRoots {
    fn verifier(&self) -> Result<&rustls_platform_verifier::Verifier, rustls::Error> {
        self.verifier
            .get_or_init(|| {
                #[cfg(test)]
                LOADS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                rustls_platform_verifier::Verifier::new(self.provider.clone())
                    .map_err(|e| format!("the system's root certificates: {e}"))
            })
            .as_ref()
            .map_err(|e| rustls::Error::General(e.clone()))
    }
}

impl ServerCertVerifier for LazyRoots {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.verifier()?.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        )
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.verifier()?.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.verifier()?.verify_tls13_signature(message, cert, dss)
    }

    /// Asked before any certificate arrives; the platform verifier answers
    /// from the provider alone, so the roots need not be read for it.
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
