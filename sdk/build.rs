//! Generates the API module, and the Plivo XML builders, into `OUT_DIR`
//! from the spec.
//!
//! The spec arrives as the `plivo-spec` build-dependency and the generator as
//! `postman-codegen`: Cargo reruns this script whenever either changes, and
//! the published crate needs neither symlinks nor copies.

use postman_codegen::{Options, Source, Spec, generate_spec, generate_xml};
use std::path::{Path, PathBuf};

/// The methods `plivo::Client` has besides those the generated module adds
/// (src/client.rs); a spec item named like one of them gets another name.
const CLIENT_METHODS: &[&str] = &[
    "new", "from_env", "builder", "base_url", "auth_id", "request", "execute",
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let source = |file: plivo_spec::SpecFile| Source {
        name: file.name,
        text: file.text,
    };
    // The overlay also says how the docs' examples run (as doctests against
    // the mock), so `postman-codegen spec/` prints this same module. The
    // module calls `postman_runtime` itself and extends `crate::Client`,
    // whose own methods it must leave free.
    //
    // Every group is read, so names are the same whatever features are on;
    // each group's items are gated by the cargo feature of its name, so a
    // build compiles only the groups it enables.
    let mut options = Options::default().with_client_methods(CLIENT_METHODS.iter().copied());
    let mut spec = Spec::default();
    for group in plivo_spec::GROUPS {
        spec.collections.push(source(group.collection));
        spec.overlays.push(source(group.overlay));
        options = options.with_feature(group.collection.name, group.name);
    }
    let output = match generate_spec(&spec, &options) {
        Ok(output) => output,
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
    // Plivo XML: typed builders from the element table (plivo::xml).
    let xml = match generate_xml(source(plivo_spec::XML)) {
        Ok(xml) => xml,
        Err(error) => fail(&error.to_string()),
    };
    let target = out_dir.join("plivo_xml.rs");
    if let Err(error) = write_if_changed(&target, &xml.code) {
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
