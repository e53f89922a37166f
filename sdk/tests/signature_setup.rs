//! plivo::signature beyond the refusals of signature.rs: the main
//! account's headers, the public URL, V2, the http adapter, secrets kept
//! out of output, and input that must not panic.

use plivo::signature::{
    Callback, CallbackValidator, SignatureError, SignatureVersion, SignedBy, sign_v2, sign_v3,
};

const TOKEN: &str = "sub-account-token";
const MAIN: &str = "main-account-token";
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
fn main_account_headers_are_checked_with_the_main_token() {
    let cb = Callback::new("POST", URL)
        .header("X-Plivo-Signature-V3", signature(TOKEN, NONCE))
        .header("X-Plivo-Signature-Ma-V3", signature(MAIN, NONCE))
        .header("X-Plivo-Signature-V3-Nonce", NONCE)
        .form_body(BODY);
    // The main account's server checks every subaccount's callbacks.
    let main_only = CallbackValidator::new("unrelated").main_account_token(MAIN);
    assert_eq!(
        main_only.validate(&cb).unwrap().signed_by(),
        SignedBy::MainAccount
    );
    assert_eq!(
        validator().validate(&cb).unwrap().signed_by(),
        SignedBy::Account
    );
    // A -Ma- header signed with the subaccount's token is not the main
    // account's signature.
    let wrong = Callback::new("POST", URL)
        .header("X-Plivo-Signature-Ma-V3", signature(TOKEN, NONCE))
        .header("X-Plivo-Signature-V3-Nonce", NONCE)
        .form_body(BODY);
    assert_eq!(main_only.validate(&wrong), Err(SignatureError::Mismatch));
}

#[test]
fn behind_a_proxy_the_public_url_is_used() {
    // The server sees http://10.0.0.5:8080/hangup?id=7 (the proxy strips
    // /plivo); Plivo called URL.
    let seen = |url: &str| {
        Callback::new("POST", url)
            .header("X-Plivo-Signature-V3", signature(TOKEN, NONCE))
            .header("X-Plivo-Signature-V3-Nonce", NONCE)
            .form_body(BODY)
    };
    assert_eq!(
        validator().validate(&seen("http://10.0.0.5:8080/hangup?id=7")),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        validator().validate(&seen("/hangup?id=7")),
        Err(SignatureError::NoPublicUrl)
    );
    let public = validator()
        .public_url("https://example.com/plivo/")
        .unwrap();
    assert!(
        public
            .validate(&seen("http://10.0.0.5:8080/hangup?id=7"))
            .is_ok()
    );
    assert!(public.validate(&seen("/hangup?id=7")).is_ok());
    assert!(matches!(
        validator().public_url("https://example.com/?x=1"),
        Err(SignatureError::InvalidUrl(_))
    ));
    assert!(validator().public_url("example.com").is_err());
}

#[test]
fn v2_is_accepted_unless_v3_is_required() {
    let url = "https://example.com/sms";
    let cb = Callback::new("POST", url)
        .header("X-Plivo-Signature-V2", sign_v2(TOKEN, url, NONCE).unwrap())
        .header("X-Plivo-Signature-V2-Nonce", NONCE)
        .form_body(b"From=1&Text=anything");
    let verified = validator().validate(&cb).unwrap();
    assert_eq!(verified.version(), SignatureVersion::V2);
    assert_eq!(
        validator().require_v3().validate(&cb),
        Err(SignatureError::V2NotAccepted)
    );
    let main = Callback::new("POST", url)
        .header(
            "X-Plivo-Signature-Ma-V2",
            sign_v2(MAIN, url, NONCE).unwrap(),
        )
        .header("X-Plivo-Signature-V2-Nonce", NONCE);
    let by = CallbackValidator::new(TOKEN).main_account_token(MAIN);
    assert_eq!(
        by.validate(&main).unwrap().signed_by(),
        SignedBy::MainAccount
    );
    let other = Callback::new("POST", "https://example.com/other")
        .header("X-Plivo-Signature-V2", sign_v2(TOKEN, url, NONCE).unwrap())
        .header("X-Plivo-Signature-V2-Nonce", NONCE);
    assert_eq!(validator().validate(&other), Err(SignatureError::Mismatch));
}

#[test]
fn the_http_adapter_reads_method_uri_headers_and_form() {
    let request = |body: &'static [u8], content_type: &str| {
        http::Request::post("/plivo/hangup?id=7")
            .header("host", "internal:8080")
            .header("content-type", content_type)
            .header("x-plivo-signature-v3", signature(TOKEN, NONCE))
            .header("x-plivo-signature-v3-nonce", NONCE)
            .body(body)
            .unwrap()
    };
    let validator = validator().public_url("https://example.com").unwrap();
    let form = "application/x-www-form-urlencoded; charset=utf-8";
    assert!(validator.validate_http(&request(BODY, form)).is_ok());
    assert_eq!(
        validator.validate_http(&request(b"CallUUID=x", form)),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        validator.validate_http(&request(b"{}", "application/json")),
        Err(SignatureError::UnsupportedBody("application/json".into()))
    );
    // A header value that is not text is malformed, not a panic.
    let mut bad = request(BODY, form);
    bad.headers_mut().insert(
        "x-plivo-signature-v3",
        http::HeaderValue::from_bytes(b"\xff\xfe").unwrap(),
    );
    assert!(matches!(
        validator.validate_http(&bad),
        Err(SignatureError::MalformedHeader { .. })
    ));
}

#[test]
fn errors_and_debug_never_show_tokens_or_signatures() {
    let v = CallbackValidator::new("s3cret-token").main_account_token("m4in-token");
    let shown = format!("{v:?}");
    assert!(
        !shown.contains("s3cret") && !shown.contains("m4in"),
        "{shown}"
    );
    let cb = genuine();
    let shown = format!("{cb:?}");
    assert!(!shown.contains(&signature(TOKEN, NONCE)), "{shown}");
    let err = v.validate(&cb).unwrap_err().to_string();
    assert!(
        !err.contains(&signature(TOKEN, NONCE)) && !err.contains("s3cret"),
        "{err}"
    );
}

#[test]
fn arbitrary_input_never_panics() {
    let texts = [
        "",
        "%",
        "%%%",
        "&&&",
        "=",
        "\u{0}",
        "ü",
        "http://",
        "https://@/",
        "//x",
        "?#",
        "a=%e2%82",
    ];
    for url in texts.iter().chain([URL].iter()) {
        for value in &texts {
            let cb = Callback::new("POST", *url)
                .header("X-Plivo-Signature-V3", *value)
                .header("X-Plivo-Signature-V3-Nonce", *value)
                .form_body(value.as_bytes());
            let _ = validator().validate(&cb);
            let _ = validator().public_url(url);
            let _ = sign_v3(TOKEN, "GET", url, &[(value, value)], value);
            let _ = sign_v2(TOKEN, url, value);
        }
    }
}
