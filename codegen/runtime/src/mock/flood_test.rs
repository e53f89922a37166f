//! A long run against the request handling, sockets aside: what the mock
//! keeps stays within its limits, however many requests and however large.

use super::credentials::MockCredentials;
use super::decide::Head;
use super::http::handle;
use super::limits::MockLimits;
use super::lock::lock;
use super::state::{MockApi, State};
use crate::credentials::Credentials;
use crate::test_vendor::TEST;
use crate::{Auth, Constant, Field, Method, Operation, PathPart};

const NODE: &str = "/v1/groups/p/members";

/// A POST selected by a constant, with required fields, as most APIs have.
static ADD: Operation = Operation::new(
    "add",
    Method::POST,
    &[
        PathPart::Literal("/v1/groups/"),
        PathPart::Param(0),
        PathPart::Literal("/members"),
    ],
)
.item("Add")
.auth(Auth::Basic)
.constants(&[("action", Constant::Str("call"))])
.fields(&[
    Field::path("group"),
    Field::body("to").required(),
    Field::body("role")
        .required()
        .values(&["agent", "customer"]),
]);
const RUN: usize = 100_000;

fn head(method: &str, path: &str, authorized: bool) -> Head {
    let mut map = hyper::HeaderMap::new();
    map.insert("content-type", "application/json".parse().unwrap());
    if authorized {
        // base64("user:secret")
        map.insert("authorization", "Basic dXNlcjpzZWNyZXQ=".parse().unwrap());
    }
    Head {
        method: method.to_owned(),
        path: path.to_owned(),
        query: super::query::RecordedQuery::default(),
        headers: super::headers::RecordedHeaders::from_map(&map),
    }
}

static OPERATIONS: &[&Operation] = &[&ADD];

#[test]
fn memory_stays_flat_over_a_hundred_thousand_requests() {
    let limits = MockLimits::default();
    let credentials = Credentials::new(&TEST, "user".to_owned(), "secret".to_owned()).unwrap();
    let state = State::new(
        MockApi::new(&TEST, OPERATIONS),
        MockCredentials::basic("user", "secret"),
        Some(credentials),
        limits.clone(),
        0,
    );
    // 1 MiB of valid JSON: the unauthenticated flood of the red-team run.
    let big = format!(r#"{{"padding": "{}"}}"#, "x".repeat((1 << 20) - 20));
    let add_user = br#"{"action": "call", "to": "+14152225555", "role": "agent"}"#;
    let long_path = format!("/{}", "a".repeat(8 << 10));
    for i in 0..RUN {
        let response = match i % 3 {
            0 => handle(&state, head("POST", NODE, false), big.as_bytes()).0,
            1 => handle(&state, head("POST", NODE, true), add_user).0,
            _ => handle(&state, head("GET", &long_path, true), b"").0,
        };
        assert!(response.status().as_u16() >= 200);
        if i % 1000 == 0 || i == RUN - 1 {
            let recorded = lock(&state.recorded);
            assert!(recorded.kept().len() <= limits.max_recorded, "at {i}");
            assert!(recorded.bytes() <= limits.max_recorded_bytes, "at {i}");
        }
    }
    let recorded = lock(&state.recorded);
    let kept = recorded.kept().len();
    assert!(kept > 0);
    assert_eq!(recorded.dropped(), (RUN - kept) as u64);
    // Refused bodies are not kept: none of the 1 MiB ones is.
    assert!(
        recorded
            .kept()
            .iter()
            .filter(|r| r.status == 401)
            .all(|r| r.body.is_none())
    );
}
