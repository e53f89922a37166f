//! Expectations: how often an operation is called, optionally counting
//! only the calls whose request passes tests of its own (query, headers,
//! body, a closure); checked at the end of a test, by
//! [`super::MockServer::verify`] or when the server drops.

use super::lock::lock;
use super::matchers::{Matcher, request_line};
use super::record::{RecordedRequest, Recording};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::ops::RangeInclusive;
use std::sync::{Arc, Mutex};

/// What a test expects of one operation's calls; made by
/// [`super::MockServer::expect`], which registers it as "at least once"
/// until narrowed by the methods below.
///
/// With tests of the request (`with_path`, `with_query`, `without_query`,
/// `with_header`, `with_json_body`, `with_json_body_including`,
/// `with_raw_body`, `matching`; the operation already fixes the method and
/// the path's shape), only the
/// calls that pass them all count, among every call the mock received
/// (before the expectation was made too, as far as the recording keeps
/// them). When such an expectation is not met, the failure names the
/// closest call received and what it lacked, credentials redacted.
///
/// ```ignore
/// mock.expect("list_orders")
///     .with_query("page", "2")
///     .with_header("x-trace", "t-1")
///     .times(1);
/// mock.expect("create_order")
///     .with_json_body_including(json!({"sku": "SKU-1"}))
///     .matching(|request| request.body.as_ref().is_some_and(|b| b["count"] == 2));
/// ```
#[derive(Debug)]
pub struct Expectation<'a> {
    expected: &'a Mutex<Vec<Expected>>,
    recorded: &'a Mutex<Recording>,
    index: usize,
}

/// One registered expectation.
#[derive(Debug, Clone)]
pub(super) struct Expected {
    operation: &'static str,
    calls: RangeInclusive<u64>,
    matchers: Arc<Vec<Matcher>>,
    /// Calls that passed every matcher (only read when there are some).
    matched: u64,
    closest: Option<Closest>,
    /// Changes with the matchers: a call tested against older ones is not
    /// counted (the recount after the change saw it).
    version: u64,
}

/// The call that failed the fewest matchers, described.
#[derive(Debug, Clone)]
struct Closest {
    failed: usize,
    text: String,
}

impl Expected {
    pub(super) fn at_least_once(operation: &'static str) -> Self {
        Expected {
            operation,
            calls: 1..=u64::MAX,
            matchers: Arc::new(Vec::new()),
            matched: 0,
            closest: None,
            version: 0,
        }
    }

    /// Counts `request` if it passes every matcher, else keeps it if it is
    /// the closest yet.
    fn test(&mut self, request: &RecordedRequest) {
        let failed: Vec<String> = self
            .matchers
            .iter()
            .filter(|m| !m.matches(request))
            .map(|m| m.mismatch(request))
            .collect();
        if failed.is_empty() {
            self.matched += 1;
        } else if self
            .closest
            .as_ref()
            .is_none_or(|c| failed.len() < c.failed)
        {
            self.closest = Some(Closest {
                failed: failed.len(),
                text: format!("{}: {}", request_line(request), failed.join("; ")),
            });
        }
    }
}

impl<'a> Expectation<'a> {
    pub(super) fn new(
        expected: &'a Mutex<Vec<Expected>>,
        recorded: &'a Mutex<Recording>,
        index: usize,
    ) -> Self {
        Expectation {
            expected,
            recorded,
            index,
        }
    }

    fn set(self, calls: impl FnOnce(&RangeInclusive<u64>) -> RangeInclusive<u64>) -> Self {
        if let Some(expected) = lock(self.expected).get_mut(self.index) {
            expected.calls = calls(&expected.calls);
        }
        self
    }

    /// Adds `matcher` and counts again over the calls recorded so far.
    fn with(self, matcher: Matcher) -> Self {
        let mut all = lock(self.expected);
        if let Some(expected) = all.get_mut(self.index) {
            Arc::make_mut(&mut expected.matchers).push(matcher);
            expected.version += 1;
            expected.matched = 0;
            expected.closest = None;
            let operation = Some(expected.operation);
            // Copied out: a custom test must not run under the recording's lock.
            let received: Vec<RecordedRequest> = lock(self.recorded)
                .kept()
                .iter()
                .filter(|r| r.operation == operation)
                .cloned()
                .collect();
            for request in &received {
                expected.test(request);
            }
        }
        drop(all);
        self
    }

    /// Exactly `n` calls (0: never called).
    pub fn times(self, n: u64) -> Self {
        self.set(|_| n..=n)
    }

    /// At least `n` calls.
    pub fn at_least(self, n: u64) -> Self {
        self.set(|calls| n..=*calls.end())
    }

    /// At most `n` calls (and at least as many as already required).
    pub fn at_most(self, n: u64) -> Self {
        self.set(|calls| (*calls.start()).min(n)..=n)
    }

    /// A number of calls within `range`, such as `1..=3`.
    pub fn between(self, range: RangeInclusive<u64>) -> Self {
        self.set(|_| range)
    }

    /// Counts only calls to exactly `path` as sent, path parameters filled
    /// in and percent-encoding included (`/orders/o-1`), without the query.
    pub fn with_path(self, path: &str) -> Self {
        self.with(Matcher::Path(path.to_owned()))
    }

    /// Counts only calls with no query parameter `name`.
    pub fn without_query(self, name: &str) -> Self {
        self.with(Matcher::NoQuery(name.to_owned()))
    }

    /// Counts only calls whose body is exactly `bytes` as sent (a file, an
    /// image, text: what [`super::RecordedRequest::raw_body`] holds).
    pub fn with_raw_body(self, bytes: impl Into<Vec<u8>>) -> Self {
        self.with(Matcher::RawBody(bytes.into()))
    }

    /// Counts only calls with the query parameter `name` equal to `value`
    /// (decoded), whatever other parameters they have.
    pub fn with_query(self, name: &str, value: &str) -> Self {
        self.with(Matcher::Query(name.to_owned(), value.to_owned()))
    }

    /// Counts only calls with the header `name` (any case) equal to `value`.
    pub fn with_header(self, name: &str, value: &str) -> Self {
        self.with(Matcher::Header(name.to_owned(), value.to_owned()))
    }

    /// Counts only calls whose body, as recorded
    /// ([`super::RecordedRequest::body`]: JSON as sent, a form or multipart
    /// body as an object, text as a string), is exactly `body`.
    pub fn with_json_body(self, body: Value) -> Self {
        self.with(Matcher::Body(body))
    }

    /// Counts only calls whose recorded body holds the fields of `body`
    /// with their values (objects compared field by field, recursively;
    /// other values whole), whatever else it holds.
    pub fn with_json_body_including(self, body: Value) -> Self {
        self.with(Matcher::BodyIncluding(body))
    }

    /// Counts only calls for which `test` returns `true`. It runs on the
    /// mock's side of each call, once per call (and once per call already
    /// recorded), so it must not call the mock itself.
    pub fn matching(self, test: impl Fn(&RecordedRequest) -> bool + Send + Sync + 'static) -> Self {
        self.with(Matcher::Custom(Arc::new(test)))
    }
}

/// Records `request` (as far as the recording's limits let it) and tests
/// it against the expectations on its operation that test requests.
pub(super) fn observe(
    expected: &Mutex<Vec<Expected>>,
    recorded: &Mutex<Recording>,
    request: RecordedRequest,
) {
    // Both locks, in the order `Expectation::with` takes them: a recount
    // either saw this request recorded, or sees its own matchers tested
    // here, never both.
    let all = lock(expected);
    let testing: Vec<(usize, u64, Arc<Vec<Matcher>>)> = all
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.matchers.is_empty() && request.operation == Some(e.operation))
        .map(|(i, e)| (i, e.version, Arc::clone(&e.matchers)))
        .collect();
    let copy = (!testing.is_empty()).then(|| request.clone());
    lock(recorded).push(request);
    drop(all);
    let Some(request) = copy else {
        return;
    };
    for (index, version, matchers) in testing {
        // Tested without the lock: a custom test may take its time.
        let mut probe = Expected {
            matchers,
            version,
            ..Expected::at_least_once("")
        };
        probe.test(&request);
        let mut all = lock(expected);
        if let Some(e) = all.get_mut(index).filter(|e| e.version == version) {
            e.matched += probe.matched;
            if let Some(closer) = probe.closest
                && e.closest.as_ref().is_none_or(|c| closer.failed < c.failed)
            {
                e.closest = Some(closer);
            }
        }
    }
}

/// Counts the calls routed to each operation, whatever the answer and
/// however many requests the recording keeps.
#[derive(Debug, Default)]
pub(super) struct Calls(HashMap<&'static str, u64>);

impl Calls {
    pub(super) fn count(&mut self, operation: &'static str) {
        *self.0.entry(operation).or_default() += 1;
    }

    pub(super) fn of(&self, operation: &str) -> u64 {
        self.0.get(operation).copied().unwrap_or(0)
    }
}

/// The expectations not met, with the calls made, or `None`.
pub(super) fn unmet(expected: &[Expected], calls: &Calls) -> Option<String> {
    let mut report = String::new();
    for e in expected {
        let all = calls.of(e.operation);
        let got = if e.matchers.is_empty() {
            all
        } else {
            e.matched
        };
        if e.calls.contains(&got) {
            continue;
        }
        let tests: Vec<String> = e.matchers.iter().map(Matcher::describe).collect();
        let with = if tests.is_empty() {
            String::new()
        } else {
            format!(" with {}", tests.join(", "))
        };
        let _ = write!(
            report,
            "  {}{with}: expected {}, got {got}",
            e.operation,
            Range(&e.calls)
        );
        if !tests.is_empty() {
            let _ = write!(report, " (of {all} call(s) of {})", e.operation);
            if let Some(closest) = e.closest.as_ref().filter(|_| got < *e.calls.start()) {
                let _ = write!(report, "\n    closest call: {}", closest.text);
            }
        }
        report.push('\n');
    }
    if report.is_empty() {
        return None;
    }
    let mut made: Vec<_> = calls.0.iter().collect();
    made.sort();
    let made: Vec<String> = made.iter().map(|(op, n)| format!("{op} ×{n}")).collect();
    let made = if made.is_empty() {
        "none".to_owned()
    } else {
        made.join(", ")
    };
    Some(format!(
        "mock expectations not met:\n{report}calls received: {made}"
    ))
}

/// A call count range in words.
struct Range<'a>(&'a RangeInclusive<u64>);

impl fmt::Display for Range<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (low, high) = (*self.0.start(), *self.0.end());
        match (low, high) {
            _ if low == high => write!(f, "exactly {low} call(s)"),
            (_, u64::MAX) => write!(f, "at least {low} call(s)"),
            (0, _) => write!(f, "at most {high} call(s)"),
            _ => write!(f, "{low} to {high} calls"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected(operation: &'static str, calls: RangeInclusive<u64>) -> Expected {
        Expected {
            calls,
            ..Expected::at_least_once(operation)
        }
    }

    #[test]
    fn the_report_names_each_unmet_expectation_and_the_calls_made() {
        let mut calls = Calls::default();
        calls.count("hold");
        calls.count("hold");
        let expected = [
            expected("hold", 1..=1),
            Expected::at_least_once("add_user"),
            expected("hangup", 0..=3),
        ];
        let report = unmet(&expected, &calls).unwrap();
        assert!(
            report.contains("hold: expected exactly 1 call(s), got 2"),
            "{report}"
        );
        assert!(
            report.contains("add_user: expected at least 1 call(s), got 0"),
            "{report}"
        );
        assert!(!report.contains("hangup:"), "{report}");
        assert!(report.contains("calls received: hold ×2"), "{report}");
        assert_eq!(unmet(&expected[2..], &calls), None);
    }
}
