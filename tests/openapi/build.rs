//! Generates, with `postman_runtime` as the runtime, every OpenAPI fixture
//! of the generator (always) and every document of `OPENAPI_CORPUS_DIR`
//! (when it is set): its entry files are the OpenAPI files at the top of
//! the folder and at the top of each sub-folder (a document of several
//! files keeps them below its entry). Every fixture is compiled; a corpus
//! document is compiled when its module is at most
//! `OPENAPI_COMPILE_MAX_BYTES` (2.5 MB by default: the small and medium
//! documents; the largest take minutes each, see the README).

use postman_codegen::{Options, generate_openapi_file, is_openapi};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const CORPUS_VAR: &str = "OPENAPI_CORPUS_DIR";
const MAX_VAR: &str = "OPENAPI_COMPILE_MAX_BYTES";

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let fixtures = manifest.join("../../codegen/tests/fixtures/openapi");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    println!("cargo:rerun-if-env-changed={CORPUS_VAR}");
    println!("cargo:rerun-if-env-changed={MAX_VAR}");
    println!("cargo::rustc-check-cfg=cfg(openapi_corpus)");

    let fixture_entries: Vec<Entry> = entries(&fixtures)
        .iter()
        .map(|p| generate(p, &out, "fixture"))
        .collect();
    write(
        &out.join("fixtures.rs"),
        &modules(&fixture_entries, usize::MAX),
    );
    write(
        &out.join("fixture_figures.rs"),
        &figures(&fixture_entries, usize::MAX),
    );
    let mut calls = round_trip(&fixture_entries, usize::MAX, "fixtures");

    let code = match std::env::var_os(CORPUS_VAR) {
        None => "pub const CORPUS: Corpus = Corpus::Unset;\n".to_owned(),
        Some(dir) if !Path::new(&dir).is_dir() => format!(
            "pub const CORPUS: Corpus = Corpus::Missing({:?});\n",
            Path::new(&dir).display().to_string()
        ),
        Some(dir) => {
            let dir = PathBuf::from(dir);
            println!("cargo:rerun-if-changed={}", dir.display());
            println!("cargo:rustc-cfg=openapi_corpus");
            let max = std::env::var(MAX_VAR)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(2_500_000);
            let list: Vec<Entry> = entries(&dir)
                .iter()
                .map(|p| generate(p, &out, "corpus"))
                .collect();
            write(&out.join("corpus_modules.rs"), &modules(&list, max));
            calls.push_str(&round_trip(&list, max, "corpus"));
            format!(
                "pub const CORPUS: Corpus = Corpus::Found({});\n",
                figures(&list, max)
            )
        }
    };
    write(&out.join("corpus.rs"), &code);
    let every = format!(
        "/// Every compiled module's example calls, through `recorder`.\n\
         pub async fn every(recorder: &Recorder) -> Vec<Report> {{\n\
         #[allow(unused_mut)]\nlet mut reports = Vec::new();\n{calls}reports\n}}\n"
    );
    write(&out.join("round_trip.rs"), &every);
}

/// The round trip's line per compiled module of `entries`.
fn round_trip(entries: &[Entry], max: usize, root: &str) -> String {
    let mut code = String::new();
    for e in entries
        .iter()
        .filter(|e| e.error.is_none() && e.bytes <= max)
    {
        let _ = writeln!(
            code,
            "reports.push(recorder.run({path:?}, openapi_e2e::{root}::{m}::api::HOSTS, |b| openapi_e2e::{root}::{m}::Client(b.build().expect(\"a client\")), openapi_e2e::{root}::{m}::api::example_calls::CALLS).await);",
            path = e.path,
            m = e.module,
        );
    }
    code
}

struct Entry {
    file: String,
    /// The entry file, for the round trip to read.
    path: String,
    module: String,
    generated: String,
    bytes: usize,
    operations: usize,
    skipped: Vec<String>,
    warnings: usize,
    millis: u128,
    error: Option<String>,
}

/// The OpenAPI files at the top of `dir` and of each of its sub-folders.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let list = |d: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(d)
            .map(|e| e.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    let openapi = |p: &Path| {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or_default();
        ["json", "yaml", "yml"].contains(&ext)
            && std::fs::read_to_string(p).is_ok_and(|t| is_openapi(&p.display().to_string(), &t))
    };
    let mut files = Vec::new();
    for p in list(dir) {
        if p.is_dir() {
            files.extend(list(&p).into_iter().filter(|f| f.is_file() && openapi(f)));
        } else if openapi(&p) {
            files.push(p);
        }
    }
    files.sort();
    files
}

fn generate(path: &Path, out: &Path, prefix: &str) -> Entry {
    let options = Options::default()
        .with_skip_unsupported(true)
        .with_example_calls(true)
        .with_runtime_path("::postman_runtime")
        .with_client_path("super::Client");
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let module: String = file
        .rsplit_once('.')
        .map_or(file.as_str(), |(stem, _)| stem)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let module = format!(
        "{module}_{}",
        path.extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
    );
    let generated = format!("{prefix}_{module}.rs");
    let start = std::time::Instant::now();
    let result = generate_openapi_file(path, &options);
    let millis = start.elapsed().as_millis();
    let mut entry = Entry {
        path: std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_owned())
            .display()
            .to_string(),
        file,
        module,
        generated,
        bytes: 0,
        operations: 0,
        skipped: Vec::new(),
        warnings: 0,
        millis,
        error: None,
    };
    match result {
        Ok(output) => {
            write(&out.join(&entry.generated), &output.code);
            entry.bytes = output.code.len();
            entry.operations = output.operations;
            entry.skipped = output
                .warnings
                .iter()
                .filter(|w| w.reason.is_some())
                .map(ToString::to_string)
                .collect();
            entry.warnings = output.warnings.len() - entry.skipped.len();
        }
        Err(e) => entry.error = Some(e.to_string()),
    }
    entry
}

fn modules(entries: &[Entry], max: usize) -> String {
    let mut code = String::new();
    for e in entries
        .iter()
        .filter(|e| e.error.is_none() && e.bytes <= max)
    {
        let _ = write!(
            code,
            r#"
/// Generated from `{file}`.
#[allow(dead_code)]
pub mod {module} {{
    /// The client the generated module extends.
    #[derive(Debug, Clone)]
    pub struct Client(pub ::postman_runtime::Client);

    impl ::std::convert::AsRef<::postman_runtime::Client> for Client {{
        fn as_ref(&self) -> &::postman_runtime::Client {{
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

fn figures(entries: &[Entry], max: usize) -> String {
    let mut code = String::from("&[\n");
    for e in entries {
        let _ = writeln!(
            code,
            "    Document {{ file: {:?}, operations: {}, skipped: &{:?}, warnings: {}, millis: {}, bytes: {}, compiled: {}, error: {:?} }},",
            e.file,
            e.operations,
            e.skipped,
            e.warnings,
            e.millis,
            e.bytes,
            e.error.is_none() && e.bytes <= max,
            e.error
        );
    }
    code.push(']');
    code
}

fn write(path: &Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        println!("cargo::error=cannot write {}: {e}", path.display());
    }
}
