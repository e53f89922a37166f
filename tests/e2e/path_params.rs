//! A path parameter never escapes its own path segment.

use plivo::ErrorKind;
use plivo_e2e::{add_user_request, server_and_client};
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, ResponseTemplate};

/// Percent-decodes a path segment.
fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 3 <= bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[tokio::test]
async fn reserved_characters_stay_in_their_segment() {
    let (server, client) = server_and_client().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"api_id": "x", "error": ""})))
        .mount(&server)
        .await;
    let cases = [
        ("a/b", "c/../d"),
        ("p?x=1", "n#frag"),
        ("../..", "%2F"),
        ("..", "ok"),
    ];
    for (phlo_id, node_id) in cases {
        let result = client
            .phlo(phlo_id)
            .multi_party_call(node_id)
            .add_user(&add_user_request())
            .await;
        if phlo_id == ".." {
            let err = result.unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::InvalidInput { field, .. } if field == "phlo_id"),
                "{err:?}"
            );
            continue;
        }
        result.unwrap();
        let received = server.received_requests().await.unwrap();
        let last = received.last().unwrap();
        assert_eq!(last.url.query(), None, "{phlo_id} / {node_id}");
        assert_eq!(last.url.fragment(), None);
        let segments: Vec<&str> = last.url.path().trim_start_matches('/').split('/').collect();
        assert_eq!(
            segments.len(),
            5,
            "{phlo_id} / {node_id}: {}",
            last.url.path()
        );
        assert_eq!(segments[0..2], ["v1", "phlo"]);
        assert_eq!(decode(segments[2]), phlo_id);
        assert_eq!(segments[3], "multi_party_call");
        assert_eq!(decode(segments[4]), node_id);
    }
    // `..` was rejected before sending.
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn empty_ids_are_rejected_before_sending() {
    let (server, client) = server_and_client().await;
    let err = client
        .phlo("p")
        .multi_party_call("")
        .add_user(&add_user_request())
        .await
        .unwrap_err();
    match err.kind() {
        ErrorKind::InvalidInput { field, .. } => assert_eq!(field, "node_id"),
        other => panic!("expected invalid input, got {other:?}"),
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}
