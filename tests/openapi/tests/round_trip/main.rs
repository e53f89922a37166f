//! The round trip: every operation of every compiled module (the fixtures,
//! and the corpus documents when `OPENAPI_CORPUS_DIR` is set) called with
//! its example values against a local server, and each request it sends
//! checked against the document read on its own (`document`): its method
//! and path are an operation's, that operation's `operationId` names the
//! call, every query key is a documented parameter, and a body goes with a
//! media type the operation declares.

mod document;

use document::{Documented, matches, operations};
use postman_runtime::{ClientBuilder, Host, RetryPolicy};
use std::path::Path;
use wiremock::{Mock, MockServer, ResponseTemplate};

type CallFn<C> = for<'a> fn(&'a C) -> openapi_e2e::CallFuture<'a>;

/// The local server every call goes to.
pub struct Recorder {
    server: MockServer,
}

/// What one document's calls gave.
#[derive(Debug, Default)]
pub struct Report {
    pub file: String,
    pub called: usize,
    pub mismatches: Vec<String>,
}

const API_KEY: &str = "fake-key-not-a-secret";

impl Recorder {
    pub async fn run<C>(
        &self,
        file: &str,
        hosts: &[Host],
        make: impl Fn(ClientBuilder) -> C,
        calls: &[(&str, &str, CallFn<C>)],
    ) -> Report {
        let documented = operations(Path::new(file));
        let mut builder = ClientBuilder::for_vendor(&openapi_e2e::NEUTRAL)
            .base_url(self.server.uri())
            .retry(RetryPolicy::none())
            .basic_auth("someone", "fake-password-not-a-secret")
            .bearer_token("fake-token-not-a-secret")
            .api_key(API_KEY);
        for h in hosts.iter().filter(|h| !h.main) {
            builder = builder.host(h.name, self.server.uri());
        }
        let client = make(builder);
        let mut report = Report {
            file: file.to_owned(),
            ..Report::default()
        };
        for (item, qualified, call) in calls {
            report.called += 1;
            self.server.reset().await;
            Mock::given(wiremock::matchers::any())
                .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
                .mount(&self.server)
                .await;
            let _ = call(&client).await;
            let received = self.server.received_requests().await.unwrap_or_default();
            let [request] = received.as_slice() else {
                report
                    .mismatches
                    .push(format!("{qualified}: {} requests sent", received.len()));
                continue;
            };
            if let Some(m) = check(&documented, item, request) {
                report.mismatches.push(format!("{qualified}: {m}"));
            }
        }
        report
    }
}

/// What is wrong with `request`, sent for `item`, if anything.
fn check(documented: &[Documented], item: &str, request: &wiremock::Request) -> Option<String> {
    let segments: Vec<&str> = request
        .url
        .path()
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let method = request.method.as_str();
    let name = item.rsplit(" / ").next().unwrap_or(item);
    // The server's own path may come first: the template matches the end.
    let candidates: Vec<&Documented> = documented
        .iter()
        .filter(|d| d.method == method)
        .filter(|d| {
            segments.len() >= d.segments.len()
                && matches(d, &segments[segments.len() - d.segments.len()..])
        })
        .collect();
    let Some(doc) = candidates
        .iter()
        .find(|d| d.id.as_deref() == Some(name))
        .or_else(|| candidates.iter().find(|d| d.id.is_none()))
    else {
        return Some(format!(
            "{method} {} is no operation named {name}",
            request.url.path()
        ));
    };
    for (key, _) in request.url.query_pairs() {
        if !doc.query.iter().any(|q| *q == key) && key != "api_key" && key != API_KEY {
            return Some(format!("query `{key}` is not a parameter of {name}"));
        }
    }
    if !request.body.is_empty() && !doc.media.is_empty() {
        let sent = request
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let sent = sent.split(';').next().unwrap_or_default().trim();
        let declared = doc.media.iter().any(|m| {
            let m = m.split(';').next().unwrap_or_default().trim();
            m == sent
                || m == "*/*"
                || (m.ends_with("/*") && sent.starts_with(m.trim_end_matches('*')))
        });
        if !declared {
            return Some(format!("body sent as `{sent}`, declared {:?}", doc.media));
        }
    }
    None
}

include!(concat!(env!("OUT_DIR"), "/round_trip.rs"));

#[tokio::test]
async fn every_call_sends_what_its_document_describes() {
    let recorder = Recorder {
        server: MockServer::start().await,
    };
    let reports = every(&recorder).await;
    assert!(!reports.is_empty());
    let mut failures = Vec::new();
    for r in &reports {
        eprintln!(
            "{}: {} calls, {} mismatches",
            r.file,
            r.called,
            r.mismatches.len()
        );
        assert!(r.called > 0, "{}: no call", r.file);
        failures.extend(r.mismatches.iter().map(|m| format!("{}: {m}", r.file)));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
