//! Generates the modules these tests compile against `postman_runtime` alone:
//! every generator fixture (always), and every collection in the folder named
//! by `POSTMAN_CORPUS_DIR` (only when it is set; see `corpus/main.rs`), each
//! with the round trip's list of its example calls. Any folder builds: no
//! test names a collection the folder may lack (the todo collection's own
//! test is compiled only when the module it calls was generated).

use postman_codegen::{Options, Source, generate};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const CORPUS_VAR: &str = "POSTMAN_CORPUS_DIR";

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let fixtures = manifest.join("../../codegen/tests/fixtures");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    println!("cargo:rerun-if-env-changed={CORPUS_VAR}");
    println!("cargo::rustc-check-cfg=cfg(corpus)");
    println!("cargo::rustc-check-cfg=cfg(corpus_todo)");

    let fixture_entries = generate_all(&collections(&fixtures), &out, "fixture");
    let mut fixture_code = modules(&fixture_entries);
    // A fixture that fails to generate is a failure, not a module left out.
    let failures: Vec<String> = fixture_entries
        .iter()
        .filter_map(|e| e.error.as_ref().map(|err| format!("{}: {err}", e.file)))
        .collect();
    let _ = writeln!(
        fixture_code,
        "/// Fixtures the generator refused (should be none).\npub const FAILED: &[&str] = &{failures:?};"
    );
    let operations: Vec<(&str, usize)> = fixture_entries
        .iter()
        .map(|e| (e.file.as_str(), e.operations))
        .collect();
    let _ = writeln!(
        fixture_code,
        "/// Each fixture and how many operations it generated.\npub const OPERATIONS: &[(&str, usize)] = &{operations:?};"
    );
    write(&out.join("fixtures.rs"), &fixture_code);
    write(
        &out.join("fixtures_round_trip.rs"),
        &round_trip(&fixture_entries, &fixtures, "::generic_e2e::fixtures"),
    );

    let corpus = match std::env::var_os(CORPUS_VAR) {
        None => "pub const CORPUS: Corpus = Corpus::Unset;\n".to_owned(),
        Some(dir) if !Path::new(&dir).is_dir() => {
            format!(
                "pub const CORPUS: Corpus = Corpus::Missing({:?});\n",
                Path::new(&dir).display().to_string()
            )
        }
        Some(dir) => {
            let dir = PathBuf::from(dir);
            println!("cargo:rerun-if-changed={}", dir.display());
            println!("cargo:rustc-cfg=corpus");
            let entries = generate_all(&collections(&dir), &out, "corpus");
            write(&out.join("corpus_modules.rs"), &modules(&entries));
            write(
                &out.join("corpus_round_trip.rs"),
                &round_trip(&entries, &dir, "crate::generated"),
            );
            if has_todo_module(&entries, &out) {
                println!("cargo:rustc-cfg=corpus_todo");
            }
            let mut code = String::from("pub const CORPUS: Corpus = Corpus::Found(&[\n");
            for e in &entries {
                let _ = writeln!(
                    code,
                    "    Collection {{ file: {:?}, operations: {}, warnings: &{:?}, error: {:?} }},",
                    e.file, e.operations, e.warnings, e.error
                );
            }
            code.push_str("]);\n");
            code
        }
    };
    write(&out.join("corpus.rs"), &corpus);
}

struct Entry {
    /// The collection's file name.
    file: String,
    /// The Rust module that holds it.
    module: String,
    /// The generated file in `OUT_DIR`.
    generated: String,
    operations: usize,
    warnings: Vec<String>,
    error: Option<String>,
}

/// The collections of a folder (JSON files other than `*.overlay.json`,
/// which are read beside their collection), sorted.
fn collections(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .filter(|p| !p.to_string_lossy().ends_with(".overlay.json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn generate_all(files: &[PathBuf], out: &Path, prefix: &str) -> Vec<Entry> {
    // Skip what the generator does not support; point generated code at the
    // runtime crate itself and at a local client type (see `modules`), whose
    // methods are those of the runtime's client it derefs to.
    // Every operation also gets its example call, for the round trip.
    let options = Options::default()
        .with_skip_unsupported(true)
        .with_example_calls(true)
        .with_runtime_path("::postman_runtime")
        .with_client_path("super::Client")
        .with_client_methods([
            "builder", "base_url", "username", "vendor", "request", "execute",
        ]);
    files
        .iter()
        .map(|path| {
            let file = path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = file.split('.').next().unwrap_or_default();
            let module: String = stem
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect();
            let text = std::fs::read_to_string(path).unwrap_or_default();
            // `<stem>.overlay.json` beside it, as the snapshot tests use it.
            let overlay_name = format!("{stem}.overlay.json");
            let overlay_text = std::fs::read_to_string(path.with_file_name(&overlay_name)).ok();
            let overlay = overlay_text.as_deref().map(|text| Source {
                name: &overlay_name,
                text,
            });
            let result = generate(
                Source {
                    name: &file,
                    text: &text,
                },
                overlay,
                &options,
            );
            let generated = format!("{prefix}_{module}.rs");
            let mut entry = Entry {
                file,
                module,
                generated,
                operations: 0,
                warnings: Vec::new(),
                error: None,
            };
            match result {
                Ok(output) => {
                    write(&out.join(&entry.generated), &output.code);
                    entry.operations = output.operations;
                    entry.warnings = output.warnings.iter().map(ToString::to_string).collect();
                }
                Err(e) => entry.error = Some(e.to_string()),
            }
            entry
        })
        .collect()
}

/// One module per generated file, each with its own client type: generated
/// code adds inherent methods to the client, which Rust allows only on a type
/// of the same crate.
fn modules(entries: &[Entry]) -> String {
    let mut code = String::new();
    for e in entries.iter().filter(|e| e.error.is_none()) {
        let _ = write!(
            code,
            r#"
/// Generated from `{file}`.
#[allow(dead_code)]
pub mod {module} {{
    /// The client the generated module extends.
    #[derive(Debug, Clone)]
    pub struct Client(pub ::postman_runtime::Client);

    /// What the generated code asks of its host's client.
    impl ::std::convert::AsRef<::postman_runtime::Client> for Client {{
        fn as_ref(&self) -> &::postman_runtime::Client {{
            &self.0
        }}
    }}

    impl ::std::ops::Deref for Client {{
        type Target = ::postman_runtime::Client;
        fn deref(&self) -> &::postman_runtime::Client {{
            &self.0
        }}
    }}

    /// The generated module.
    pub mod api {{
        include!(concat!(env!("OUT_DIR"), "/{generated}"));
    }}
}}
"#,
            file = e.file,
            module = e.module,
            generated = e.generated,
        );
    }
    code
}

/// `DIR`, the folder the collections were read from, and `every`, which
/// runs each module's example calls (modules under `root`) through the
/// round trip's recorder (`tests/corpus/round_trip.rs`), in file order.
fn round_trip(entries: &[Entry], dir: &Path, root: &str) -> String {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    let mut code = format!(
        "/// The folder the collections were read from.\npub(crate) const DIR: &str = {:?};\n\n",
        dir.display().to_string()
    );
    code.push_str(
        "pub(crate) async fn every(recorder: &Recorder) -> Vec<Report> {\n    #[allow(unused_mut)]\n    let mut reports = Vec::new();\n",
    );
    for e in entries.iter().filter(|e| e.error.is_none()) {
        let _ = writeln!(
            code,
            "    reports.push(recorder.run({file:?}, {root}::{m}::api::HOSTS, |b| {root}::{m}::Client(b.build().expect(\"a client\")), {root}::{m}::api::example_calls::CALLS).await);",
            file = e.file,
            m = e.module,
        );
    }
    code.push_str("    reports\n}\n");
    code
}

/// Whether the folder's `todo.postman.json` generated the module the todo
/// test (`tests/corpus/todo_calls.rs`) calls: another collection of that
/// name, or a changed one, leaves the test out rather than failing the
/// build.
fn has_todo_module(entries: &[Entry], out: &Path) -> bool {
    const USED: &[&str] = &[
        "pub struct PostTodosParams",
        "pub struct PostTodosRequest",
        "DeleteTodosIdParams",
        "pub fn post_todos(",
        "pub fn todos(",
        "pub fn todos_id(",
        "pub fn delete_todos_id(",
    ];
    entries
        .iter()
        .find(|e| e.file == "todo.postman.json" && e.module == "todo" && e.error.is_none())
        .and_then(|e| std::fs::read_to_string(out.join(&e.generated)).ok())
        .is_some_and(|code| USED.iter().all(|used| code.contains(used)))
}

fn write(path: &Path, text: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    if let Err(e) = std::fs::write(path, text) {
        println!("cargo:warning=cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
