//! `postman-codegen new COLLECTION DIR`: a ready crate from a collection.
//! It holds the collection (`spec/`), a one-line build script
//! (`postman_codegen::build_api`) that regenerates the client whenever the
//! collection changes, a `src/lib.rs` that includes it, a test of every
//! operation against the runtime's mock, and a README with the first call.
//! The collection is generated once here as well, so that a collection the
//! generator cannot read fails now, naming its problems, not at the first
//! build.

#[path = "new_files.rs"]
mod files;

use files::{Crate, Dependency};
use postman_codegen::{Options, Source, SpecFiles, generate, printable};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The subcommand's usage.
pub(crate) const USAGE: &str = "\
usage: postman-codegen new <spec-dir | collection.json> <DIR> [--name <crate>]
                           [--path <codegen-dir> | --git <url> [--rev <rev>]]

Writes a crate in DIR (which must not exist, or be empty): Cargo.toml,
build.rs (postman_codegen::build_api(\"spec\"): the client is regenerated
whenever the collection changes), spec/ (the collection, and its overlay
if a spec folder has one), src/lib.rs, tests/mock.rs (every operation's
example call against a local mock) and README.md (the first call). The
crate is named after DIR unless --name says otherwise. It depends on
postman-runtime and postman-codegen by path (--path: the folder of
postman-codegen's Cargo.toml, by default the sources this command was built
from, when they are still there) or by git (--git, --rev).";

struct Args {
    input: PathBuf,
    dir: PathBuf,
    name: Option<String>,
    dependency: Option<Dependency>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut paths = Vec::new();
    let (mut name, mut path, mut git, mut rev) = (None, None, None, None);
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--name" => name = Some(value("--name")?),
            "--path" => path = Some(PathBuf::from(value("--path")?)),
            "--git" => git = Some(value("--git")?),
            "--rev" => rev = Some(value("--rev")?),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            other => paths.push(PathBuf::from(other)),
        }
    }
    let dependency = match (path, git, rev) {
        (Some(_), Some(_), _) => return Err("--path and --git exclude each other".into()),
        (Some(path), None, None) => Some(Dependency::Path(path)),
        (None, Some(url), rev) => Some(Dependency::Git { url, rev }),
        (_, None, Some(_)) => return Err("--rev goes with --git".into()),
        (None, None, None) => None,
    };
    let mut paths = paths.into_iter();
    let (Some(input), Some(dir), None) = (paths.next(), paths.next(), paths.next()) else {
        return Err("expected the collection (or spec folder) and the crate's folder".into());
    };
    Ok(Some(Args {
        input,
        dir,
        name,
        dependency,
    }))
}

/// Runs the command on the arguments after `new`: 0 when the crate is
/// written, 1 when the collection cannot be generated or a file written,
/// 2 on a usage error.
pub(crate) fn run(args: impl Iterator<Item = String>) -> ExitCode {
    let args = match crate::usage::arguments(parse(args), USAGE) {
        Ok(args) => args,
        Err(code) => return code,
    };
    match write(&args) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(lines) => {
            for line in lines {
                eprintln!("error: {}", printable(&line));
            }
            ExitCode::FAILURE
        }
    }
}

/// The spec's files, read: each with the name it keeps in `spec/`.
struct Spec {
    /// The collection as errors name it: the path given.
    shown: String,
    collection: (String, String),
    overlay: Option<(String, String)>,
}

fn read_spec(input: &Path) -> Result<Spec, Vec<String>> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| vec![format!("{}: {e}", path.display())])
    };
    let name_of = |path: &Path| {
        path.file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    if input.is_dir() {
        let files = SpecFiles::find(input).map_err(|e| vec![e.to_string()])?;
        // A spec of several collections is one API to the generator, but
        // the crate's README and mock test are written from one.
        let ([collection], overlays) = (files.collections.as_slice(), &files.overlays) else {
            return Err(vec![format!(
                "{}: new reads a folder of one collection (and at most one overlay); it holds {}",
                input.display(),
                files.collections.len()
            )]);
        };
        let overlay = match overlays.as_slice() {
            [] => None,
            [path] => Some((name_of(path), read(path)?)),
            more => {
                return Err(vec![format!(
                    "{}: new reads at most one overlay; the folder holds {}",
                    input.display(),
                    more.len()
                )]);
            }
        };
        return Ok(Spec {
            shown: collection.display().to_string(),
            collection: (name_of(collection), read(collection)?),
            overlay,
        });
    }
    let name = name_of(input);
    // The build script reads `spec/` as a spec folder, which knows a
    // collection by its name's ending.
    let kept = if name.ends_with(".postman_collection.json") || name.ends_with(".postman.json") {
        name
    } else {
        "api.postman_collection.json".to_owned()
    };
    Ok(Spec {
        shown: input.display().to_string(),
        collection: (kept, read(input)?),
        overlay: None,
    })
}

fn write(args: &Args) -> Result<String, Vec<String>> {
    let occupied = std::fs::read_dir(&args.dir).is_ok_and(|mut d| d.next().is_some());
    if occupied {
        return Err(vec![format!(
            "{} is not empty: new writes a crate only into a new or empty folder",
            args.dir.display()
        )]);
    }
    let spec = read_spec(&args.input)?;
    // What build_api will generate, generated now.
    let options = Options::default()
        .with_skip_unsupported(true)
        .with_client_path("super::Client")
        .with_client_methods(["builder", "new"])
        .with_example_calls(true);
    let collection = Source {
        name: &spec.shown,
        text: &spec.collection.1,
    };
    let overlay = spec
        .overlay
        .as_ref()
        .map(|(name, text)| Source { name, text });
    let output = generate(collection, overlay, &options)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let name = match &args.name {
        Some(name) => name.clone(),
        None => files::crate_name(&args.dir),
    };
    if !files::valid_crate_name(&name) {
        return Err(vec![format!(
            "`{name}` is not a crate name (letters, digits, `-` and `_`, starting with a letter): use --name"
        )]);
    }
    let dependency = match &args.dependency {
        Some(dependency) => dependency.clone(),
        None => Dependency::default_for_this_build(),
    };
    let krate = Crate {
        name,
        title: files::title(&spec.collection.1),
        collection: spec.collection.0.clone(),
        dependency,
        first_call: files::first_call(&output.code),
    };
    let mut written: Vec<(PathBuf, String)> = krate.files();
    written.push((
        PathBuf::from("spec").join(&spec.collection.0),
        spec.collection.1.clone(),
    ));
    if let Some((name, text)) = &spec.overlay {
        written.push((PathBuf::from("spec").join(name), text.clone()));
    }
    for (path, text) in &written {
        let path = args.dir.join(path);
        let parent = path.parent().unwrap_or(&args.dir);
        std::fs::create_dir_all(parent)
            .and_then(|()| std::fs::write(&path, text))
            .map_err(|e| vec![format!("cannot write {}: {e}", path.display())])?;
    }
    Ok(format!(
        "wrote crate `{}` in {}: {} operation(s), {} item(s) left out or read leniently\n\
         next: cd {} && cargo test",
        krate.name,
        args.dir.display(),
        output.operations,
        output.warnings.len(),
        args.dir.display()
    ))
}
