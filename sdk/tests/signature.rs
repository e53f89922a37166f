//! plivo::signature: a genuine callback is accepted; a forged, altered or
//! replayed one is refused with the reason; nothing a request carries makes
//! it panic.

use plivo::signature::{
    Callback, CallbackValidator, RecentNonces, SignatureError, SignatureVersion, SignedBy, sign_v3,
};

const TOKEN: &str = "sub-account-token";
const NONCE: &str = "05429567804466091622";
const URL: &str = "https://example.com/plivo/hangup?id=7";
const BODY: &[u8] = b"CallUUID=abc-123&From=%2B14155551234&To=%2B14155550000&Event=Hangup";
const PARAMS: &[(&str, &str)] = &[
    ("CallUUID", "abc-123"),
    ("From", "+14155551234"),
    ("To", "+14155550000"),
    ("Event", "Hangup"),
];

fn signature(token: &str, nonce: &str) -> String {
    sign_v3(token, "POST", URL, PARAMS, nonce).unwrap()
}

/// The callback as Plivo sends it to `URL`, signed with `TOKEN`.
fn genuine() -> Callback {
    Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", signature(TOKEN, NONCE))
        .header("X-Plivo-Signature-V3-Nonce", NONCE)
        .form_body(BODY)
}

fn validator() -> CallbackValidator {
    CallbackValidator::new(TOKEN)
}

#[test]
fn a_genuine_callback_is_accepted() {
    let verified = validator().validate(&genuine()).unwrap();
    assert_eq!(verified.version(), SignatureVersion::V3);
    assert_eq!(verified.signed_by(), SignedBy::Account);
    assert_eq!(verified.nonce(), NONCE);
}

#[test]
fn a_changed_body_parameter_is_refused() {
    let altered = Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", signature(TOKEN, NONCE))
        .header("X-Plivo-Signature-V3-Nonce", NONCE)
        .form_body(b"CallUUID=abc-123&From=%2B14155559999&To=%2B14155550000&Event=Hangup");
    assert_eq!(
        validator().validate(&altered),
        Err(SignatureError::Mismatch)
    );
    let added = genuine().param("Extra", "1");
    assert_eq!(validator().validate(&added), Err(SignatureError::Mismatch));
}

#[test]
fn a_changed_url_is_refused() {
    for url in [
        "https://example.com/plivo/hangup?id=8",
        "https://example.com/plivo/hangup",
        "https://example.com/plivo/answer?id=7",
        "https://evil.example/plivo/hangup?id=7",
        "http://example.com/plivo/hangup?id=7",
        "https://example.com:8443/plivo/hangup?id=7",
    ] {
        let moved = Callback::new("POST", url)
            .header("X-Plivo-Signature-V3", signature(TOKEN, NONCE))
            .header("X-Plivo-Signature-V3-Nonce", NONCE)
            .form_body(BODY);
        assert_eq!(
            validator().validate(&moved),
            Err(SignatureError::Mismatch),
            "{url}"
        );
    }
}

#[test]
fn a_changed_method_is_refused() {
    let get = Callback::new("GET", URL)
        .header("X-Plivo-Signature-V3", signature(TOKEN, NONCE))
        .header("X-Plivo-Signature-V3-Nonce", NONCE);
    assert_eq!(validator().validate(&get), Err(SignatureError::Mismatch));
    let put = Callback::new("PUT", URL)
        .header("X-Plivo-Signature-V3", signature(TOKEN, NONCE))
        .header("X-Plivo-Signature-V3-Nonce", NONCE);
    assert_eq!(
        validator().validate(&put),
        Err(SignatureError::UnsupportedMethod("PUT".into()))
    );
}

#[test]
fn a_wrong_token_is_refused() {
    let forged = Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", signature("guessed-token", NONCE))
        .header("X-Plivo-Signature-V3-Nonce", NONCE)
        .form_body(BODY);
    assert_eq!(validator().validate(&forged), Err(SignatureError::Mismatch));
    assert_eq!(
        CallbackValidator::new("another-token").validate(&genuine()),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn another_nonce_is_refused() {
    // The signature of one request with the nonce of another.
    let swapped = Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", signature(TOKEN, NONCE))
        .header("X-Plivo-Signature-V3-Nonce", "11111111111111111111")
        .form_body(BODY);
    assert_eq!(
        validator().validate(&swapped),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn a_replayed_callback_is_refused_when_the_hook_is_used() {
    let validator = validator().nonce_check(RecentNonces::new(100));
    assert!(validator.validate(&genuine()).is_ok());
    assert_eq!(
        validator.validate(&genuine()),
        Err(SignatureError::Replayed)
    );
    // A new nonce (a new request) is accepted; a forged request does not
    // spend a nonce.
    let fresh = Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", signature(TOKEN, "2"))
        .header("X-Plivo-Signature-V3-Nonce", "2")
        .form_body(BODY);
    let forged = Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", signature("guess", "2"))
        .header("X-Plivo-Signature-V3-Nonce", "2")
        .form_body(BODY);
    assert_eq!(validator.validate(&forged), Err(SignatureError::Mismatch));
    assert!(validator.validate(&fresh).is_ok());
    // Without the hook, the validator has no memory: the replay passes.
    assert!(self::validator().validate(&genuine()).is_ok());
}

#[test]
fn a_truncated_or_garbled_signature_is_refused() {
    let full = signature(TOKEN, NONCE);
    for bad in [
        &full[..43],
        &full[..20],
        "",
        "not base64 at all",
        &full[1..],
    ] {
        let cb = Callback::new("POST", URL)
            .header("X-Plivo-Signature-V3", bad)
            .header("X-Plivo-Signature-V3-Nonce", NONCE)
            .form_body(BODY);
        assert!(
            matches!(
                validator().validate(&cb),
                Err(SignatureError::MalformedHeader {
                    header: "X-Plivo-Signature-V3",
                    ..
                })
            ),
            "{bad:?}"
        );
    }
    // A well-formed signature with one character changed.
    let mut flipped = full.into_bytes();
    flipped[0] = if flipped[0] == b'A' { b'B' } else { b'A' };
    let cb = Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", String::from_utf8(flipped).unwrap())
        .header("X-Plivo-Signature-V3-Nonce", NONCE)
        .form_body(BODY);
    assert_eq!(validator().validate(&cb), Err(SignatureError::Mismatch));
}

#[test]
fn missing_or_malformed_headers_are_named() {
    let no_signature = Callback::new("POST", URL).form_body(BODY);
    assert_eq!(
        validator().validate(&no_signature),
        Err(SignatureError::MissingHeader("X-Plivo-Signature-V3"))
    );
    let no_nonce = Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", signature(TOKEN, NONCE))
        .form_body(BODY);
    assert_eq!(
        validator().validate(&no_nonce),
        Err(SignatureError::MissingHeader("X-Plivo-Signature-V3-Nonce"))
    );
    for nonces in [&[" "][..], &[NONCE, NONCE][..]] {
        let mut cb =
            Callback::new("POST", URL).header("X-Plivo-Signature-V3", signature(TOKEN, NONCE));
        for nonce in nonces {
            cb = cb.header("X-Plivo-Signature-V3-Nonce", *nonce);
        }
        let err = validator().validate(&cb).unwrap_err();
        assert!(
            matches!(
                err,
                SignatureError::MalformedHeader {
                    header: "X-Plivo-Signature-V3-Nonce",
                    ..
                }
            ),
            "{err}"
        );
    }
}

#[test]
fn several_signatures_in_one_header_and_case_insensitive_names() {
    let header = format!(
        "{},{}",
        signature("old-token", NONCE),
        signature(TOKEN, NONCE)
    );
    let cb = Callback::new("POST", URL)
        .header("x-plivo-signature-v3", header)
        .header("X-PLIVO-SIGNATURE-V3-NONCE", NONCE)
        .form_body(BODY);
    assert!(validator().validate(&cb).is_ok());
    // A header repeated counts as one list.
    let cb = Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", signature("old-token", NONCE))
        .header(
            "X-Plivo-Signature-V3",
            format!(" {}", signature(TOKEN, NONCE)),
        )
        .header("X-Plivo-Signature-V3-Nonce", NONCE)
        .form_body(BODY);
    assert!(validator().validate(&cb).is_ok());
}
