//! HMAC-SHA256 keyed with an auth token, and the constant-time comparison of
//! a signature with the one expected.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The raw HMAC-SHA256 of the concatenated `parts`.
pub(crate) fn hmac_sha256(key: &str, parts: &[&[u8]]) -> [u8; 32] {
    // HMAC takes a key of any length: new_from_slice cannot fail for it.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key.as_bytes()) else {
        unreachable!("HMAC accepts keys of any length")
    };
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// Standard base64 (with padding) of the HMAC, as Plivo's headers carry it.
pub(crate) fn sign(key: &str, parts: &[&[u8]]) -> String {
    STANDARD.encode(hmac_sha256(key, parts))
}

/// Whether `candidate` is `expected`, in time that depends on their lengths
/// only (a signature's length is no secret).
pub(crate) fn same(expected: &str, candidate: &str) -> bool {
    expected.as_bytes().ct_eq(candidate.as_bytes()).into()
}

/// Whether `candidate` is well-formed: standard base64 of 32 bytes.
pub(crate) fn well_formed(candidate: &str) -> bool {
    candidate.len() == 44
        && STANDARD
            .decode(candidate)
            .is_ok_and(|bytes| bytes.len() == 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4231_case_2() {
        let mac = hmac_sha256("Jefe", &[b"what do ya want ", b"for nothing?"]);
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn comparison_and_form() {
        let s = sign("k", &[b"m"]);
        assert!(same(&s, &s.clone()));
        assert!(!same(&s, &s[..43]));
        assert!(well_formed(&s));
        assert!(!well_formed(&s[..43]));
        assert!(!well_formed(&"!".repeat(44)));
    }
}
