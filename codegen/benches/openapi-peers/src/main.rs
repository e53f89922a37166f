//! postman-codegen and progenitor side by side on a folder of OpenAPI
//! documents (`docs/openapi-vs-progenitor.md` has the method and the
//! figures): per document and per generator, operations generated, whether
//! the client compiles, its warnings, generation time and compile time.
//!
//! `cargo run --release --manifest-path codegen/benches/openapi-peers/Cargo.toml
//! --target-dir target -- <corpus dir> [document ...]`: the clients are
//! written as crates of a scratch workspace under `<target dir>/openapi-peers`
//! and built there with the same target dir, so their dependencies build
//! once. `OPENAPI_PEERS_NO_COMPILE` set skips the compile step.

mod compile;
mod ours;
mod theirs;

use std::path::{Path, PathBuf};
use std::time::Duration;

/// What one generator gave on one document.
#[derive(Debug, Default, Clone)]
pub struct Generated {
    /// Operations in the generated client.
    pub operations: usize,
    /// Operations in the document, as the generator counts them.
    pub of: usize,
    /// Wall time from the file to the formatted source.
    pub time: Duration,
    /// The source, when generation succeeded.
    pub code: Option<String>,
    /// Why generation failed (an error or a caught panic), in one line.
    pub failure: Option<String>,
}

/// One client built.
#[derive(Debug, Default, Clone)]
pub struct Built {
    /// Whether it compiled.
    pub ok: bool,
    /// Warnings in the client's own crate.
    pub warnings: usize,
    /// Wall time of the crate's build, its dependencies already built.
    pub time: Duration,
    /// The first error, when it did not compile.
    pub error: Option<String>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: openapi-peers <corpus dir> [document ...]");
        std::process::exit(2);
    };
    let only: Vec<String> = args.collect();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            // The binary runs from <target>/release/openapi-peers.
            let exe = std::env::current_exe().expect("own path");
            exe.ancestors().nth(2).expect("target dir").to_owned()
        });
    let scratch = compile::Scratch::new(&target.join("openapi-peers"), &target);
    let compiling = std::env::var_os("OPENAPI_PEERS_NO_COMPILE").is_none();

    let docs: Vec<PathBuf> = entries(&dir)
        .into_iter()
        .filter(|p| only.is_empty() || only.iter().any(|o| p.ends_with(o)))
        .collect();
    let mut rows = Vec::new();
    for doc in &docs {
        let name = crate_name(doc);
        eprintln!("== {}", doc.display());
        let ours = ours::generate(doc);
        let theirs = theirs::generate(doc);
        scratch.add(
            &format!("ours_{name}"),
            ours.code.as_deref(),
            ours::MANIFEST,
            ours::LIB,
        );
        scratch.add(
            &format!("prog_{name}"),
            theirs.code.as_deref(),
            theirs::MANIFEST,
            theirs::LIB,
        );
        rows.push((doc.clone(), name, ours, theirs));
    }
    let mut built = Vec::new();
    if compiling {
        scratch.build_dependencies();
        for (_, name, ours, theirs) in &rows {
            let b = |g: &Generated, krate: String| g.code.as_ref().map(|_| scratch.build(&krate));
            built.push((
                b(ours, format!("ours_{name}")),
                b(theirs, format!("prog_{name}")),
            ));
        }
    }
    print_table(&dir, &rows, &built);
}

/// The OpenAPI entry files: those at the top of `dir` and at the top of
/// each sub-folder (a document of several files keeps them below its entry),
/// recognised as the generator recognises them.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let list = |d: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(d)
            .map(|e| e.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    let openapi = |p: &Path| {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or_default();
        ["json", "yaml", "yml"].contains(&ext)
            && std::fs::read_to_string(p)
                .is_ok_and(|t| postman_codegen::is_openapi(&p.display().to_string(), &t))
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

/// A crate-name-safe form of the file name, extension included.
fn crate_name(doc: &Path) -> String {
    doc.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn cell(g: &Generated, b: Option<&Option<Built>>) -> [String; 4] {
    // A document its reader refused (or whose paths it does not follow) has
    // no count of its own.
    let ops = match (&g.failure, g.of) {
        (Some(_), 0) => "none".to_owned(),
        _ => format!("{} / {}", g.operations, g.of),
    };
    let compiles = match (b, &g.failure) {
        (_, Some(_)) => "—".to_owned(),
        (None, _) => "not built".to_owned(),
        (Some(None), _) => "—".to_owned(),
        (Some(Some(b)), _) if b.ok => format!("yes, {} warnings", b.warnings),
        (Some(Some(_)), _) => "**no**".to_owned(),
    };
    let compile_time = match b {
        Some(Some(b)) => secs(b.time),
        _ => "—".to_owned(),
    };
    [ops, compiles, secs(g.time), compile_time]
}

fn print_table(
    dir: &Path,
    rows: &[(PathBuf, String, Generated, Generated)],
    built: &[(Option<Built>, Option<Built>)],
) {
    println!(
        "| document | ours: operations | ours: compiles | ours: generation | ours: compile | progenitor: operations | progenitor: compiles | progenitor: generation | progenitor: compile |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut notes = Vec::new();
    for (i, (doc, _, ours, theirs)) in rows.iter().enumerate() {
        let file = doc.strip_prefix(dir).unwrap_or(doc).display().to_string();
        let (bo, bt) = built
            .get(i)
            .map_or((None, None), |(o, t)| (Some(o), Some(t)));
        let o = cell(ours, bo);
        let t = cell(theirs, bt);
        println!(
            "| `{file}` | {} | {} | {} | {} | {} | {} | {} | {} |",
            o[0], o[1], o[2], o[3], t[0], t[1], t[2], t[3]
        );
        for (who, g, b) in [("ours", ours, bo), ("progenitor", theirs, bt)] {
            if let Some(f) = &g.failure {
                notes.push(format!("- `{file}`, {who}: generation failed: {f}"));
            }
            if let Some(Some(Built { error: Some(e), .. })) = b {
                notes.push(format!("- `{file}`, {who}: does not compile: {e}"));
            }
        }
    }
    println!();
    for n in notes {
        println!("{n}");
    }
}
