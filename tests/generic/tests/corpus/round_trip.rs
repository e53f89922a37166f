//! The round trip: every operation generated from every corpus collection
//! and every generator fixture, called with its item's example values (`example_calls`, the call its docs
//! show) against a loopback recorder, and the request that arrives checked
//! against what the item describes, read independently (`reader`).

mod answer;
mod body;
mod multipart;
mod reader;
mod url;

use postman_runtime::{ClientBuilder, Host, RetryPolicy, SignRequest, Signer};
use reader::Described;
use std::collections::BTreeMap;
use wiremock::{Mock, MockServer, ResponseTemplate};

type Call<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), postman_runtime::Error>> + 'a>>;

/// One module's example call: its client in, the call out.
type CallFn<C> = for<'a> fn(&'a C) -> Call<'a>;

const TOKEN: &str = "fake-token-rt";
const API_KEY: &str = "fake-key-rt";
const USER: &str = "fake-user";
const PASSWORD: &str = "fake-password-rt";
const SIGNED: &str = "x-roundtrip-signed";

/// Known, reasoned differences: a mismatch whose text starts with one of
/// these is counted under its reason instead of failing (headers the item
/// lists that the runtime writes; what the item leaves open is matched
/// structurally in `url.rs`). `Accept` and `Content-Type` are not among
/// them: the item's own are sent.
const ALLOWED: &[(&str, &str)] = &[
    ("header user-agent ", "the runtime sets User-Agent itself"),
    ("header host ", "the host is the recorder's"),
    ("header content-length ", "the runtime computes the length"),
    (
        body::NULLS_LEFT_OUT,
        "a typed request's optional field has no null apart from unset",
    ),
    (
        body::VARIABLES_AS_WRITTEN,
        "example values keep {{variables}} as written, to show what goes there",
    ),
    (
        body::CREDENTIALS_WITHHELD,
        "a credential-named field's example value is a placeholder, never the spec's",
    ),
    (
        body::BROKEN_JSON_UNSENT,
        "a body declared JSON that is none is kept untyped, with no example",
    ),
    (
        answer::SAVED_NOT_JSON,
        "a saved response read leniently is no JSON a server sends",
    ),
];

/// Fixtures of the generator whose requests differ from their items on
/// purpose, each with why; the round trip checks every other one.
const NOT_ROUND_TRIPPED: &[(&str, &str)] = &[(
    "auth.postman.json",
    "the collection's own credential values are never used: the caller's are (docs/generator.md, Auth); the reader here does not model that rule",
)];

/// Accepts every format: what a format means is a vendor's, and the round
/// trip checks what is sent, not the vendor's rules.
#[derive(Debug)]
struct AnyFormat;

impl postman_runtime::Vendor for AnyFormat {
    fn name(&self) -> &'static str {
        "round-trip"
    }

    fn check_format(&self, _format: &str, _value: &str) -> Result<(), String> {
        Ok(())
    }
}

static ANY_FORMAT: AnyFormat = AnyFormat;

/// Adds one header, so a signed scheme's placement is visible.
struct Marker;

impl Signer for Marker {
    fn sign(
        &self,
        request: &mut SignRequest<'_>,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        request.set_header(SIGNED, request.scheme())?;
        Ok(())
    }
}

/// What one collection gave.
#[derive(Debug, Default)]
pub struct Report {
    file: String,
    called: usize,
    matched: usize,
    allowed: BTreeMap<&'static str, usize>,
    mismatches: Vec<String>,
}

/// The loopback server every host points at.
pub struct Recorder {
    server: MockServer,
    dir: std::path::PathBuf,
}

impl Recorder {
    /// Calls every example call of one module and compares what arrives.
    pub async fn run<C>(
        &self,
        file: &str,
        hosts: &[Host],
        make: impl Fn(ClientBuilder) -> C,
        calls: &[(&str, &str, CallFn<C>)],
    ) -> Report {
        let text = std::fs::read_to_string(self.dir.join(file)).expect("the collection");
        let collection: serde_json::Value = json5ish(&text);
        let mut items: Vec<(String, Described)> = reader::items(&collection);
        let mut builder = ClientBuilder::for_vendor(&ANY_FORMAT)
            .base_url(self.server.uri())
            .retry(RetryPolicy::none())
            .basic_auth(USER, PASSWORD)
            .bearer_token(TOKEN)
            .api_key(API_KEY)
            .signer(Marker);
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
            let Some(at) = items.iter().position(|(name, _)| name == item) else {
                report
                    .mismatches
                    .push(format!("{qualified}: no item {item:?} in the collection"));
                continue;
            };
            let (_, described) = items.remove(at);
            self.server.reset().await;
            let (status, body, content_type) = answer::answer(&described);
            Mock::given(wiremock::matchers::any())
                .respond_with(
                    ResponseTemplate::new(status).set_body_raw(body.clone(), &content_type),
                )
                .mount(&self.server)
                .await;
            let outcome = call(&client).await;
            let received = self.server.received_requests().await.unwrap_or_default();
            let problems = match received.as_slice() {
                [one] => {
                    let verdict = url::compare(&described, one);
                    for reason in verdict.allowed {
                        *report.allowed.entry(reason).or_default() += 1;
                    }
                    let mut problems = verdict.problems;
                    problems.extend(body::check(&described, one));
                    problems.extend(answer::outcome(&described, status, &body, &outcome));
                    problems
                }
                other => vec![format!("{} requests arrived ({outcome:?})", other.len())],
            };
            let mut failed = false;
            for p in problems {
                match ALLOWED.iter().find(|(prefix, _)| p.starts_with(prefix)) {
                    Some((_, reason)) => *report.allowed.entry(reason).or_default() += 1,
                    None => {
                        failed = true;
                        report.mismatches.push(format!("{qualified} ({item}): {p}"));
                    }
                }
            }
            if !failed {
                report.matched += 1;
            }
        }
        report
    }
}

/// The collection as JSON; the corpus test proves each one reads.
fn json5ish(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The generator's fixtures (`codegen/tests/fixtures`), always built.
mod fixtures {
    use super::{Recorder, Report};
    include!(concat!(env!("OUT_DIR"), "/fixtures_round_trip.rs"));
}

/// The collections of `POSTMAN_CORPUS_DIR`, when it was set at build time.
#[cfg(corpus)]
mod corpus {
    use super::{Recorder, Report};
    include!(concat!(env!("OUT_DIR"), "/corpus_round_trip.rs"));
}

/// A recorder reading collections from `dir`.
async fn recorder(dir: &str) -> Recorder {
    Recorder {
        server: MockServer::start().await,
        dir: dir.into(),
    }
}

/// How many calls were made, and the mismatches, each naming its file,
/// operation and item.
fn summary(reports: &[Report]) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    for r in reports {
        eprintln!(
            "{}: {} called, {} matched, allowed {:?}, {} mismatches",
            r.file,
            r.called,
            r.matched,
            r.allowed,
            r.mismatches.len()
        );
        failures.extend(r.mismatches.iter().map(|m| format!("{}: {m}", r.file)));
    }
    let called = reports.iter().map(|r| r.called).sum();
    (called, failures)
}

fn assert_none(failures: &[String]) {
    // Every difference is either listed with its reason (ALLOWED, or what
    // `url.rs` matches structurally) or it fails here.
    assert!(
        failures.is_empty(),
        "{} requests differ from what their items describe:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_fixture_operation_sends_what_its_item_describes() {
    let mut reports = fixtures::every(&recorder(fixtures::DIR).await).await;
    for (file, why) in NOT_ROUND_TRIPPED {
        let at = reports.iter().position(|r| r.file == *file);
        let report = reports.remove(at.unwrap_or_else(|| panic!("no fixture {file}")));
        assert!(
            !report.mismatches.is_empty(),
            "{file} now round-trips: take it off NOT_ROUND_TRIPPED ({why})"
        );
    }
    let (called, failures) = summary(&reports);
    let generated: usize = generic_e2e::fixtures::OPERATIONS
        .iter()
        .filter(|(file, _)| NOT_ROUND_TRIPPED.iter().all(|(skipped, _)| skipped != file))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(called, generated, "every generated operation is called");
    assert_none(&failures);
}

#[cfg(corpus)]
#[tokio::test]
async fn every_operation_sends_what_its_item_describes() {
    let reports = corpus::every(&recorder(corpus::DIR).await).await;
    let (called, failures) = summary(&reports);
    // Each operation generated is called once; an empty folder has none
    // (the test above fails on it: `every_collection_generates_and_compiles`).
    let generated: usize = match super::CORPUS {
        generic_e2e::Corpus::Found(collections) => collections.iter().map(|c| c.operations).sum(),
        _ => 0,
    };
    assert_eq!(called, generated, "every generated operation is called");
    assert_none(&failures);
}
