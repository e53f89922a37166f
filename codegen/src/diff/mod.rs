//! Stage 4, the diff: two models compared, each change classified for users
//! of the generated Rust API (`change::verdict`), and the semver bump and
//! CHANGELOG entry that follow (`report`). It reads models, never code: a
//! spec edit is judged by what the emitter will print from it.

pub(crate) mod change;
mod operations;
pub(crate) mod report;
mod shared;
pub(crate) mod side;
pub(crate) mod source;
mod types;

use crate::diff::change::{Change, ChangeKind as K};
use crate::diff::report::Report;
use crate::diff::types::doc_change;
use crate::error::{Errors, printable};
use crate::model::api::Api;
use std::fmt;

/// Every change from `old` to `new`, classified.
pub(crate) fn compare(old: &Api, new: &Api, old_name: String, new_name: String) -> Report {
    let mut out = Vec::new();
    if old.base_url != new.base_url {
        let shown = |u: &Option<String>| u.clone().unwrap_or_else(|| "none".into());
        out.push(Change::new(
            K::BaseUrlChanged,
            format!(
                "base URL {} -> {}",
                shown(&old.base_url),
                shown(&new.base_url)
            ),
        ));
    }
    if old.title != new.title {
        out.push(Change::new(
            K::DocChanged,
            format!("API title `{}` -> `{}`", old.title, new.title),
        ));
    }
    operations::operations(old, new, &mut out);
    path_params(old, new, &mut out);
    types::types(old, new, &mut out);
    shared::shared(old, new, &mut out);
    Report::new(old_name, new_name, out)
}

/// What a resource's path parameter says beyond its name (which the
/// operations' calls already compare): its format, docs and example.
fn path_params(old: &Api, new: &Api, out: &mut Vec<Change>) {
    for h in &new.handles {
        let Some(was) = old.handles.iter().find(|o| o.type_name == h.type_name) else {
            continue;
        };
        let (Some(p), Some(o)) = (&h.param, &was.param) else {
            continue;
        };
        let at = format!("path parameter `{}` of `{}`", p.field, h.type_name);
        match (&o.format, &p.format) {
            (a, Some(b)) if a.as_ref() != Some(b) => out.push(Change::new(
                K::FormatAdded,
                format!("{at} is now checked as `{b}`"),
            )),
            (Some(a), None) => out.push(Change::new(
                K::FormatRemoved,
                format!("{at} is no longer checked as `{a}`"),
            )),
            _ => {}
        }
        if let Some(kind) = doc_change(&o.doc, &p.doc) {
            out.push(Change::new(kind, format!("{at}: docs changed")));
        }
        if o.example != p.example {
            out.push(Change::new(
                K::ExampleChanged,
                format!("{at}: example changed"),
            ));
        }
    }
}

/// Which spec of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The spec compared from.
    Old,
    /// The spec compared to.
    New,
}

/// A side that could not be read or taken to the model, with every problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideError {
    /// Which side.
    pub side: Side,
    /// How the side was named.
    pub spec: String,
    /// Every problem, as generation reports them.
    pub errors: Errors,
}

/// Why a diff has no report: one side or both failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffError {
    /// The failed sides, old first.
    pub sides: Vec<SideError>,
}

impl fmt::Display for SideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = match self.side {
            Side::Old => "old",
            Side::New => "new",
        };
        write!(
            f,
            "the {side} spec `{}` cannot be read or generated ({} errors)",
            printable(&self.spec),
            self.errors.len()
        )
    }
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.sides.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("; "))
    }
}

impl std::error::Error for DiffError {}

/// The two sides' models, or every side's errors.
pub(crate) fn both(
    old: (String, Result<Api, Errors>),
    new: (String, Result<Api, Errors>),
) -> Result<Report, DiffError> {
    match (old, new) {
        ((old_name, Ok(a)), (new_name, Ok(b))) => Ok(compare(&a, &b, old_name, new_name)),
        (old, new) => {
            let sides = [(Side::Old, old), (Side::New, new)]
                .into_iter()
                .filter_map(|(side, (spec, result))| {
                    result.err().map(|errors| SideError { side, spec, errors })
                })
                .collect();
            Err(DiffError { sides })
        }
    }
}
