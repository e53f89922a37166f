use super::lazy_roots::{LOADS, shared};
use crate::ClientBuilder;
use crate::test_vendor::TEST;
use rustls::client::danger::ServerCertVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use std::sync::atomic::Ordering;

/// One test, not several: the count is per process, and tests run in
/// parallel.
#[test]
fn roots_are_read_once_per_process_and_only_to_check_a_certificate() {
    for base in ["http://127.0.0.1:9", "https://api.example.test"] {
        for _ in 0..2 {
            ClientBuilder::new(&TEST, "user", "password")
                .base_url(base)
                .build()
                .unwrap();
        }
    }
    assert_eq!(
        LOADS.load(Ordering::SeqCst),
        0,
        "building a client read the roots"
    );

    let first = shared().unwrap();
    let second = shared().unwrap();
    assert!(std::ptr::eq(first, second), "a configuration per call");
    let name = ServerName::try_from("api.example.test").unwrap();
    let not_a_certificate = CertificateDer::from(vec![0u8; 4]);
    for _ in 0..2 {
        let checked =
            first
                .verifier
                .verify_server_cert(&not_a_certificate, &[], &name, &[], UnixTime::now());
        assert!(checked.is_err());
    }
    assert_eq!(LOADS.load(Ordering::SeqCst), 1);
}
