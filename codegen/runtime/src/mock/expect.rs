//! Expectations on how often each operation is called, checked at the end
//! of a test: by [`super::MockServer::verify`], or when the server drops.

use super::lock::lock;
use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::ops::RangeInclusive;
use std::sync::Mutex;

/// How many calls of one operation a test expects; made by
/// [`super::MockServer::expect`], which registers it as "at least once"
/// until narrowed by one of these methods.
#[derive(Debug)]
pub struct Expectation<'a> {
    expected: &'a Mutex<Vec<Expected>>,
    index: usize,
}

/// One registered expectation.
#[derive(Debug, Clone)]
pub(super) struct Expected {
    operation: &'static str,
    calls: RangeInclusive<u64>,
}

impl Expected {
    pub(super) fn at_least_once(operation: &'static str) -> Self {
        Expected {
            operation,
            calls: 1..=u64::MAX,
        }
    }
}

impl<'a> Expectation<'a> {
    pub(super) fn new(expected: &'a Mutex<Vec<Expected>>, index: usize) -> Self {
        Expectation { expected, index }
    }

    fn set(self, calls: impl FnOnce(&RangeInclusive<u64>) -> RangeInclusive<u64>) -> Self {
        if let Some(expected) = lock(self.expected).get_mut(self.index) {
            expected.calls = calls(&expected.calls);
        }
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
        let got = calls.of(e.operation);
        if !e.calls.contains(&got) {
            let _ = writeln!(
                report,
                "  {}: expected {}, got {got}",
                e.operation,
                Range(&e.calls)
            );
        }
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

/// The error for an operation name the mock does not serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownOperation {
    name: String,
    known: Vec<&'static str>,
}

impl UnknownOperation {
    pub(super) fn new(name: &str, known: Vec<&'static str>) -> Self {
        UnknownOperation {
            name: name.to_owned(),
            known,
        }
    }
}

impl fmt::Display for UnknownOperation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the mock has no operation named {:?}; known operations: {}",
            self.name,
            self.known.join(", ")
        )
    }
}

impl std::error::Error for UnknownOperation {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_names_each_unmet_expectation_and_the_calls_made() {
        let mut calls = Calls::default();
        calls.count("hold");
        calls.count("hold");
        let expected = [
            Expected {
                operation: "hold",
                calls: 1..=1,
            },
            Expected::at_least_once("add_user"),
            Expected {
                operation: "hangup",
                calls: 0..=3,
            },
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
