//! The case tables (cases/*.json) as the Rust side reads them: the same
//! files the Python and Node drivers read (README.md, "The case tables").

use serde::Deserialize;
use serde_json::Value;
use std::path::Path;

/// One group's table.
#[derive(Debug, Deserialize)]
pub struct Table {
    /// The group's name (the spec files' stem).
    pub group: String,
    /// Its cases, in running order.
    pub cases: Vec<CaseSpec>,
    /// Operations of our spec that neither Python nor Node offers.
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))] // checked by the table tests
    pub uncovered: Vec<Uncovered>,
}

/// One logical request.
#[derive(Debug, Clone, Deserialize)]
pub struct CaseSpec {
    /// Unique across all tables.
    pub id: String,
    /// Our spec item, `Folder / Item` as `Operation::item` shows it.
    pub item: String,
    /// The logical arguments: `path`, `query`, `body`, `files`.
    #[serde(default)]
    pub args: Value,
    /// The Python SDK's call, when it offers the operation.
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))] // checked by the table tests
    pub python: Option<String>,
    /// The Node SDK's call, when it offers the operation.
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))] // checked by the table tests
    pub node: Option<String>,
}

/// An operation no case covers, and why.
#[derive(Debug, Deserialize)]
#[cfg_attr(not(test), allow(dead_code))] // checked by the table tests
pub struct Uncovered {
    /// Our spec item.
    pub item: String,
    /// Why neither SDK has it (with the source).
    pub why: String,
}

/// Every table in `dir`, in file-name order.
pub fn load(dir: &Path) -> Result<Vec<Table>, String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect()
}
