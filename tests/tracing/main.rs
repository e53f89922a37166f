//! Spans per call (`api.call`) and per attempt (`api.attempt`) carry the
//! API's name, the operation, status, attempt, duration and the request id
//! (Plivo's `api_id`), and never a body, a phone number or a credential.
//!
//! A binary of its own: `tracing` caches per call site whether anyone
//! listens, and tests running beside this one on other threads, with no
//! subscriber, would make that cache say no.

use plivo::{AddUserRequest, AddUserRequestRequired, Client, RetryPolicy, Role};
use plivo_e2e::fault_server::{FaultServer, Step, json};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, BASIC_HEADER};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Every span name and field value seen, in order.
#[derive(Default, Clone)]
struct Recorder {
    seen: Arc<Mutex<Vec<(String, String, String)>>>,
    next_id: Arc<Mutex<u64>>,
    names: Arc<Mutex<Vec<String>>>,
}

struct Fields<'a> {
    span: String,
    out: &'a mut Vec<(String, String, String)>,
}

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.out.push((
            self.span.clone(),
            field.name().to_owned(),
            format!("{value:?}"),
        ));
    }
}

impl Recorder {
    fn push(&self, span: &str, visit: impl FnOnce(&mut Fields<'_>)) {
        let mut seen = self.seen.lock().unwrap();
        let mut fields = Fields {
            span: span.to_owned(),
            out: &mut seen,
        };
        visit(&mut fields);
    }

    fn values(&self, span: &str, field: &str) -> Vec<String> {
        let seen = self.seen.lock().unwrap();
        seen.iter()
            .filter(|(s, f, _)| s == span && f == field)
            .map(|(_, _, v)| v.clone())
            .collect()
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, attrs: &Attributes<'_>) -> Id {
        let mut next = self.next_id.lock().unwrap();
        *next += 1;
        let name = attrs.metadata().name().to_owned();
        self.names.lock().unwrap().push(name.clone());
        self.push(&name, |f| attrs.record(f));
        Id::from_u64(*next)
    }
    fn record(&self, id: &Id, values: &Record<'_>) {
        let name = {
            let names = self.names.lock().unwrap();
            names
                .get(id.into_u64() as usize - 1)
                .cloned()
                .unwrap_or_default()
        };
        self.push(&name, |f| values.record(f));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        self.push("event", |f| event.record(f));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[tokio::test]
async fn calls_and_attempts_are_traced_without_private_data() {
    let recorder = Recorder::default();
    let _guard = tracing::subscriber::set_default(recorder.clone());
    let busy = Step::Respond(plivo_e2e::fault_server::answer(
        429,
        &[("retry-after", "0")],
        b"",
    ));
    let ok = Step::Respond(json(201, r#"{"api_id": "trace-api-id-1", "error": ""}"#));
    let server = FaultServer::start(vec![busy], ok).await;
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .retry(
            RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(2)),
        )
        .build()
        .unwrap();
    let member = "+14155550123";
    client
        .phlo("p")
        .multi_party_call("n")
        .add_user(&AddUserRequest::new(AddUserRequestRequired {
            to: "+14155559876".into(),
            role: Role::Agent,
            trigger_source: "sip:agent@example.com".into(),
        }))
        .await
        .unwrap();
    client
        .phlo("p")
        .multi_party_call("n")
        .member(member)
        .hold()
        .await
        .unwrap();

    assert_eq!(
        recorder.values("api.call", "operation"),
        ["\"add_user\"", "\"hold\""]
    );
    // Span names are the runtime's, compile-time constants; the API's name
    // travels in a field.
    assert_eq!(
        recorder.values("api.call", "api"),
        ["\"plivo\"", "\"plivo\""]
    );
    assert!(
        recorder
            .values("api.call", "request_id")
            .contains(&"\"trace-api-id-1\"".to_owned())
    );
    assert!(
        recorder
            .values("api.call", "status")
            .contains(&"201".to_owned())
    );
    assert!(
        recorder
            .values("api.call", "attempts")
            .contains(&"2".to_owned())
    );
    assert!(!recorder.values("api.call", "duration_ms").is_empty());
    let attempts = recorder.values("api.attempt", "attempt");
    assert_eq!(attempts, ["1", "2", "1"]);
    assert!(
        recorder
            .values("api.attempt", "status")
            .contains(&"429".to_owned())
    );
    assert!(!recorder.values("api.attempt", "duration_ms").is_empty());

    let everything = recorder.seen.lock().unwrap().clone();
    assert!(everything.len() > 10);
    for (span, field, value) in everything {
        for private in [
            "+14155559876",
            "14155559876",
            member,
            "sip:agent",
            AUTH_TOKEN,
            BASIC_HEADER,
            "trigger_source",
        ] {
            assert!(
                !value.contains(private),
                "{span}.{field} = {value} shows {private}"
            );
        }
    }
}
