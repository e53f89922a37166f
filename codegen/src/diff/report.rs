//! The changes between two specs, the semver bump they call for, and their
//! two renderings: a report for the reviewer and a CHANGELOG entry.

use crate::diff::change::{Change, Verdict};
use crate::error::printable;
use std::fmt::Write;

/// A semver bump: which part of the version a release must raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bump {
    /// Nothing in the generated module changes.
    None,
    /// `x.y.Z`.
    Patch,
    /// `x.Y.0`.
    Minor,
    /// `X.0.0`.
    Major,
}

impl Bump {
    /// `none`, `patch`, `minor` or `major`.
    pub fn label(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// Every change from one spec to another, in a deterministic order: by
/// verdict, then as found (operations in the new spec's order, then the
/// removed ones, then types by name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// How the old spec was named.
    pub old: String,
    /// How the new spec was named.
    pub new: String,
    /// The changes.
    pub changes: Vec<Change>,
}

const GROUPS: [(Verdict, &str, &str); 3] = [
    (Verdict::Breaking, "Breaking", "Breaking changes"),
    (Verdict::Additive, "Additive", "Added"),
    (Verdict::Docs, "Docs", "Documentation"),
];

impl Report {
    pub(crate) fn new(old: String, new: String, mut changes: Vec<Change>) -> Self {
        // Stable: the order found is kept within a verdict.
        changes.sort_by_key(|c| c.verdict);
        Report { old, new, changes }
    }

    /// The most severe verdict; `None` when nothing changed.
    pub fn verdict(&self) -> Option<Verdict> {
        self.changes.iter().map(|c| c.verdict).min()
    }

    /// The bump for a crate below 1.0, by Cargo's rules (a `0.y.z` release
    /// is compatible with another only if `y` is the same): breaking raises
    /// the minor version, anything else the patch.
    pub fn bump_pre_1(&self) -> Bump {
        match self.verdict() {
            None => Bump::None,
            Some(Verdict::Breaking) => Bump::Minor,
            Some(Verdict::Additive | Verdict::Docs) => Bump::Patch,
        }
    }

    /// The bump for a crate at 1.0 or later, by Cargo's rules: breaking
    /// raises the major version, additive the minor, docs only the patch.
    pub fn bump_1(&self) -> Bump {
        match self.verdict() {
            None => Bump::None,
            Some(Verdict::Breaking) => Bump::Major,
            Some(Verdict::Additive) => Bump::Minor,
            Some(Verdict::Docs) => Bump::Patch,
        }
    }

    fn of(&self, verdict: Verdict) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.verdict == verdict)
    }

    fn summary(&self) -> String {
        match self.verdict() {
            None => "no change to the generated API".into(),
            Some(v) => format!(
                "{v} ({})",
                GROUPS
                    .iter()
                    .map(|(g, _, _)| format!("{} {g}", self.of(*g).count()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// The change in semver's own terms (a `major`, `minor` or `patch`
    /// change), whatever version line the crate is on.
    fn class(&self) -> String {
        match self.bump_1() {
            Bump::None => "no change".into(),
            bump => format!("a {} change", bump.label()),
        }
    }

    fn bumps(&self) -> String {
        format!(
            "{} for a 0.x crate, {} from 1.0",
            self.bump_pre_1().label(),
            self.bump_1().label()
        )
    }

    /// The report for a reviewer: the verdict, the bumps, then every change
    /// grouped by verdict.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let (old, new) = (printable(&self.old), printable(&self.new));
        let _ = writeln!(out, "spec diff: {old} -> {new}");
        let _ = writeln!(out, "verdict: {}", self.summary());
        let _ = writeln!(out, "semver: {}", self.class());
        let _ = writeln!(out, "semver bump (Cargo's rules): {}", self.bumps());
        for (verdict, title, _) in GROUPS {
            let mut changes = self.of(verdict).peekable();
            if changes.peek().is_none() {
                continue;
            }
            let _ = writeln!(out, "\n{title}:");
            for c in changes {
                let _ = writeln!(out, "  - {}", c.text);
            }
        }
        out
    }

    /// A CHANGELOG entry in markdown, with a section per verdict.
    pub fn changelog(&self) -> String {
        let mut out = String::from("## Unreleased\n\n");
        let _ = writeln!(
            out,
            "Spec change: {}, {}; semver bump {}.",
            self.summary(),
            self.class(),
            self.bumps()
        );
        for (verdict, _, heading) in GROUPS {
            let mut changes = self.of(verdict).peekable();
            if changes.peek().is_none() {
                continue;
            }
            let _ = writeln!(out, "\n### {heading}\n");
            for c in changes {
                let _ = writeln!(out, "- {}", c.text);
            }
        }
        out
    }
}
