//! The official SDKs' signatures and tokens (signatures.json, tokens.json,
//! made by generate.sh beside this file) against ours: every case must
//! give the answer `expected` records, and every case where the SDKs
//! disagree must name a rule README.md explains.

use plivo::access_token::AccessToken;
use plivo::signature::{sign_v2, sign_v3, signed_text_v3};
use serde_json::Value;
use std::collections::BTreeMap;

/// The rules README.md documents; `true` where the expected answer is Node's.
const RULES: &[(&str, bool)] = &[
    ("python-raises-on-non-ascii-query", true),
    ("python-drops-path-parameters", true),
    ("node-drops-userinfo", true),
    ("node-sorts-by-utf16-code-units", false),
    ("get-params-merge-with-query", false),
];

fn load(name: &str) -> Value {
    let path = format!("{}/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn s<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {case}"))
}

/// Checks the `expected` field against the SDK the rule names.
fn check_expected(case: &Value, counts: &mut BTreeMap<String, usize>) {
    let expected = s(case, "expected");
    match case.get("disagreement").and_then(Value::as_str) {
        None => assert_eq!(case["python"], case["node"], "{case}"),
        Some(rule) => {
            let follows_node = RULES
                .iter()
                .find(|(name, _)| *name == rule)
                .unwrap_or_else(|| panic!("rule {rule} is not documented"))
                .1;
            let sdk = if follows_node { "node" } else { "python" };
            assert_eq!(expected, s(case, sdk), "{rule}: {case}");
            *counts.entry(rule.to_owned()).or_default() += 1;
        }
    }
}

#[test]
fn every_v3_vector_agrees() {
    let vectors = load("signatures.json");
    let cases = vectors["v3"].as_array().expect("v3 cases");
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let mut counts = BTreeMap::new();
    for case in cases {
        check_expected(case, &mut counts);
        let params: Vec<(&str, &str)> = case["params"]
            .as_array()
            .expect("params")
            .iter()
            .map(|pair| (pair[0].as_str().unwrap(), pair[1].as_str().unwrap()))
            .collect();
        let (method, url, nonce) = (s(case, "method"), s(case, "url"), s(case, "nonce"));
        let ours = sign_v3(s(case, "auth_token"), method, url, &params, nonce).unwrap();
        if ours != s(case, "expected") {
            let text = signed_text_v3(method, url, &params).unwrap();
            panic!(
                "signed {text:?}; python signed {:?}, node {:?}: {case}",
                case["python_signed"], case["node_signed"]
            );
        }
    }
    // Each kind of disagreement is exercised, so each rule is tested.
    for (rule, _) in RULES {
        assert!(counts.contains_key(*rule), "no vector for {rule}");
    }
}

#[test]
fn every_v2_vector_agrees() {
    let vectors = load("signatures.json");
    let cases = vectors["v2"].as_array().expect("v2 cases");
    assert!(cases.len() >= 20);
    let mut counts = BTreeMap::new();
    for case in cases {
        check_expected(case, &mut counts);
        let ours = sign_v2(s(case, "auth_token"), s(case, "url"), s(case, "nonce")).unwrap();
        assert_eq!(ours, s(case, "expected"), "{case}");
    }
}

fn decode_part(part: &str) -> Value {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .expect("base64url");
    serde_json::from_slice(&bytes).expect("JSON")
}

#[test]
fn every_token_vector_agrees() {
    let vectors = load("tokens.json");
    let cases = vectors["tokens"].as_array().expect("token cases");
    assert!(cases.len() >= 16);
    for case in cases {
        let token = AccessToken::new(
            s(case, "auth_id"),
            s(case, "auth_token"),
            s(case, "username"),
        )
        .unwrap()
        .valid_from(case["valid_from"].as_u64().unwrap())
        .lifetime(std::time::Duration::from_secs(
            case["lifetime"].as_u64().unwrap(),
        ))
        .unwrap()
        .id(s(case, "uid"))
        .voice(
            case["incoming"].as_bool().unwrap(),
            case["outgoing"].as_bool().unwrap(),
        )
        .to_jwt();
        // Byte for byte Node's (the same header order as jsonwebtoken).
        assert_eq!(token, s(case, "node"), "{case}");
        // Python orders the header's keys otherwise: the same header and
        // claims, and its signature verifies under the same key.
        let python = s(case, "python");
        let ours: Vec<&str> = token.split('.').collect();
        let theirs: Vec<&str> = python.split('.').collect();
        assert_eq!(decode_part(ours[0]), decode_part(theirs[0]), "{case}");
        assert_eq!(decode_part(ours[1]), decode_part(theirs[1]), "{case}");
        let resigned = plivo::access_token::sign_hs256(
            s(case, "auth_token"),
            &format!("{}.{}", theirs[0], theirs[1]),
        );
        assert_eq!(resigned, theirs[2], "{case}");
    }
}
