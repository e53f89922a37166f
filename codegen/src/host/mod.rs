//! What a build script needs to turn a collection into a crate's API in
//! one line ([`crate::build_api`]): the module generated into `OUT_DIR`,
//! beside it the host's side of the contract (a client type, a vendor of
//! runtime defaults with the collection's hosts), Cargo told when to run
//! again, and every warning kept where a reader finds it.

mod glue;

use crate::emit::output::Output;
use crate::error::{Errors, printable};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The file a crate includes (`include!(concat!(env!("OUT_DIR"), "/api.rs"))`).
pub(crate) const INCLUDED: &str = "api.rs";
/// The generated module, which the included file wraps in `pub mod api`.
const MODULE: &str = "api_module.rs";
/// Every warning of the last build, one a line.
const WARNINGS: &str = "api.warnings.txt";

/// Generates the API of `spec` with `generate` into `OUT_DIR`; errors go
/// to stderr (Cargo shows them when the build script fails), a summary of
/// warnings to Cargo as one warning.
pub(crate) fn run(spec: &Path, generate: impl FnOnce(&Path) -> Result<Output, Errors>) -> ExitCode {
    // Cargo runs the script again when the spec changes (a folder is
    // watched whole), and only then.
    println!("cargo:rerun-if-changed={}", spec.display());
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("error: OUT_DIR is not set: build_api runs in a build script (build.rs)");
        return ExitCode::FAILURE;
    };
    let output = match generate(spec) {
        Ok(output) => output,
        Err(errors) => {
            for error in errors.iter() {
                eprintln!("error: {error}");
            }
            return ExitCode::FAILURE;
        }
    };
    let warnings: String = output
        .warnings
        .iter()
        .map(|w| format!("{}\n", printable(&w.to_string())))
        .collect();
    let written = [
        (MODULE, output.code.as_str()),
        (INCLUDED, glue::INCLUDED),
        (WARNINGS, warnings.as_str()),
    ]
    .into_iter()
    .try_for_each(|(name, text)| write_if_changed(&out_dir.join(name), text));
    if let Err(e) = written {
        eprintln!("error: cannot write to {}: {e}", out_dir.display());
        return ExitCode::FAILURE;
    }
    if !output.warnings.is_empty() {
        println!(
            "cargo:warning={} operation(s) generated from {}; {} item(s) left out or read leniently: see {}",
            output.operations,
            printable(&spec.display().to_string()),
            output.warnings.len(),
            out_dir.join(WARNINGS).display()
        );
    }
    ExitCode::SUCCESS
}

/// Writes `text` unless the file holds it already: an unchanged module
/// keeps its modification time, so nothing downstream rebuilds for it.
fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text)
}
