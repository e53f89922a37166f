//! What generation hands back: the module's code, its warnings, and a one-line summary of both.

use crate::error::{SkipReason, Warning};

/// A generated module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Formatted Rust source.
    pub code: String,
    /// Items skipped (each with its [`Warning::reason`]), saved examples
    /// left out, and input read leniently ([`Warning::note`]).
    pub warnings: Vec<Warning>,
    /// How many operations the module offers.
    pub operations: usize,
}

impl Output {
    /// Items left out, counted per reason, the most frequent first (ties in
    /// the order of [`SkipReason::ALL`]).
    pub fn skipped(&self) -> Vec<(SkipReason, usize)> {
        let mut counts: Vec<(SkipReason, usize)> = SkipReason::ALL
            .iter()
            .map(|&r| {
                (
                    r,
                    self.warnings.iter().filter(|w| w.reason == Some(r)).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        counts
    }

    /// One line that sums the run up, in a wording kept stable for scripts:
    /// `N operations generated, M items skipped (reason: n, ...), K other warnings`.
    pub fn summary(&self) -> String {
        let counts = self.skipped();
        let skipped: usize = counts.iter().map(|(_, n)| n).sum();
        let reasons: Vec<String> = counts
            .iter()
            .map(|(r, n)| format!("{}: {n}", r.label()))
            .collect();
        let reasons = if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        };
        format!(
            "{} operations generated, {skipped} items skipped{reasons}, {} other warnings",
            self.operations,
            self.warnings.len() - skipped
        )
    }
}
