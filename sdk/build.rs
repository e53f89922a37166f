//! Generates the API module from `spec/` into `OUT_DIR` on every spec change.
//!
//! `codegen` is a symlink to the generator's sources (`../codegen/src`); they
//! are compiled here as a module, so the published crate builds without the
//! generator crate being published.

#[allow(dead_code, unused_imports)]
#[path = "codegen/lib.rs"]
mod codegen;

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let spec = manifest.join("spec");
    println!("cargo:rerun-if-changed={}", spec.display());
    // The overlay in spec/ also says how the docs' examples run (as
    // doctests against the mock), so `postman-codegen spec/` prints this same
    // module.
    let options = codegen::Options::default();
    let output = match codegen::generate_dir(&spec, &options) {
        Ok((output, files)) => {
            for path in files.paths() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
            output
        }
        Err(error) => fail(&error.to_string()),
    };
    for warning in &output.warnings {
        println!("cargo:warning={warning}");
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let target = out_dir.join("plivo_api.rs");
    if let Err(error) = write_if_changed(&target, &output.code) {
        fail(&format!("cannot write {}: {error}", target.display()));
    }
}

/// Leaves the file alone when the code is unchanged, so its timestamp does
/// not trigger a recompile.
fn write_if_changed(path: &Path, code: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == code) {
        return Ok(());
    }
    std::fs::write(path, code)
}

fn fail(message: &str) -> ! {
    // One readable line in cargo's output, then a failed build.
    println!("cargo:warning=spec error: {message}");
    eprintln!("error: {message}");
    std::process::exit(1);
}
