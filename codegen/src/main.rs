//! Command line: prints (or writes) the module a build script would generate,
//! so a reviewer can read it; compares two specs (`diff`); serves a
//! collection as a mock (`mock`, with the feature `mock`).

/// `postman-codegen mock`, beside this file: the binary's own, not the
/// library's.
#[cfg(feature = "mock")]
#[path = "cli/mock.rs"]
mod mock_command;

/// Help and usage errors, as every subcommand reports them.
#[path = "cli/usage.rs"]
mod usage;

/// `postman-codegen new`, beside this file.
#[path = "cli/new.rs"]
mod new_command;

use postman_codegen::{
    DiffError, Errors, Options, Source, diff_paths, generate, generate_dir, generate_openapi_file,
    is_openapi, printable,
};
use std::io::{ErrorKind, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: postman-codegen <spec-dir | collection.json | openapi.(json|yaml|yml)> [options]
       postman-codegen diff OLD NEW [--changelog] [--skip-unsupported] [--client-path <path>]
       postman-codegen mock <spec-dir | collection.json> [--port <port>] ... (mock --help)
       postman-codegen new <spec-dir | collection.json> <DIR> ... (new --help)

Prints the Rust module generated from a Postman Collection (v2.0 or v2.1)
or an OpenAPI 3.0 or 3.1 document (JSON or YAML; the files its `$ref`s
reach are read from beside it). Given a directory, reads its *.postman_collection.json and optional
*.overlay.json, exactly as the SDK's build script does. Ends with one
`summary:` line on stderr: operations generated, items skipped and the
count per reason, and other warnings.

options:
  --overlay <file>        overlay to apply (with a collection file)
  --out <file>            write the module to <file> instead of stdout
  --skip-unsupported      skip unsupported items with a warning instead of failing
  --runtime-path <path>   runtime crate path (default: ::postman_runtime)
  --client-path <path>    client type path (default: crate::Client)
  --client-methods <a,b>  the client type's own methods, left free
  --folder <path>         generate only this folder's items (repeatable);
                          a path of folder names joined by /, such as
                          Accounts or Accounts/Capabilities
  -h, --help              show this help

diff: compares two specs, each a spec directory, a collection file, or
REV:path (a directory or file at a git revision of the repository here,
such as HEAD~1:spec). Prints every change classified as breaking, additive
or docs for users of the generated API, and the semver bump; --changelog
prints only a CHANGELOG entry in markdown. Exits 0 whatever the verdict,
1 when a side cannot be read or generated, 2 on a usage error.

mock: serves the collection on 127.0.0.1 with its example responses,
checking each request as the spec describes it (a binary built with the
feature `mock`: cargo install postman-codegen --features mock).

new: writes a ready crate in DIR from the collection: its client generated
at build time, a README with the first call, a test against the mock.";

struct Args {
    input: PathBuf,
    overlay: Option<PathBuf>,
    out: Option<PathBuf>,
    options: Options,
}

/// What the command line asks for.
enum Command {
    Help,
    Generate(Args),
    Diff(DiffArgs),
    /// `mock` and the arguments after it.
    Mock(Vec<String>),
    /// `new` and the arguments after it.
    New(Vec<String>),
}

struct DiffArgs {
    old: String,
    new: String,
    changelog: bool,
    options: Options,
}

fn parse_args() -> Result<Command, String> {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().is_some_and(|a| a == "diff") {
        args.next();
        return parse_diff(args);
    }
    if args.peek().is_some_and(|a| a == "mock") {
        args.next();
        return Ok(Command::Mock(args.collect()));
    }
    if args.peek().is_some_and(|a| a == "new") {
        args.next();
        return Ok(Command::New(args.collect()));
    }
    let mut input = None;
    let mut overlay = None;
    let mut out = None;
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--overlay" => overlay = Some(PathBuf::from(value("--overlay")?)),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--skip-unsupported" => options.skip_unsupported = true,
            "--runtime-path" => options.runtime_path = value("--runtime-path")?,
            "--client-path" => options.client_path = value("--client-path")?,
            "--folder" => options.folders.push(value("--folder")?),
            "--client-methods" => {
                let list = value("--client-methods")?;
                options.client_methods = list.split(',').map(str::to_owned).collect();
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path if input.is_none() => input = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    let input = input.ok_or("missing the spec directory or collection file")?;
    Ok(Command::Generate(Args {
        input,
        overlay,
        out,
        options,
    }))
}

fn parse_diff(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let mut sides = Vec::new();
    let mut changelog = false;
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--changelog" => changelog = true,
            "--skip-unsupported" => options.skip_unsupported = true,
            "--client-path" => {
                options.client_path = args.next().ok_or("--client-path needs a value")?;
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ if sides.len() < 2 => sides.push(arg),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    let mut sides = sides.into_iter();
    match (sides.next(), sides.next()) {
        (Some(old), Some(new)) => Ok(Command::Diff(DiffArgs {
            old,
            new,
            changelog,
            options,
        })),
        _ => Err("diff needs two specs: OLD NEW".into()),
    }
}

/// Why the command failed.
enum Failure {
    /// Shown as one `error:` line.
    Message(String),
    /// Every problem of the spec, one `error:` line each.
    Spec(Errors),
    /// A side of a diff that does not generate, with its problems.
    Diff(DiffError),
    /// Whoever read stdout stopped reading (`| head`): nothing to tell them.
    ReaderGone,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}

impl From<Errors> for Failure {
    fn from(errors: Errors) -> Self {
        Failure::Spec(errors)
    }
}

/// Exit status of a process that wrote to a closed pipe (128 + SIGPIPE), as
/// a shell shows it.
const READER_GONE: u8 = 141;

fn run(args: Args) -> Result<(), Failure> {
    let output = if args.input.is_dir() {
        if args.overlay.is_some() {
            return Err(Failure::Message(
                "--overlay goes with a collection file; a directory brings its own".into(),
            ));
        }
        generate_dir(&args.input, &args.options).map(|(output, _)| output)?
    } else {
        let limits = &args.options.limits;
        let read =
            |p: &PathBuf| (limits.read_file(p, &p.display().to_string())).map_err(Errors::from);
        let collection_name = args.input.display().to_string();
        let collection = read(&args.input)?;
        if is_openapi(&collection_name, &collection) {
            if args.overlay.is_some() {
                return Err(Failure::Message(
                    "--overlay goes with a Postman collection, not an OpenAPI document".into(),
                ));
            }
            let output = generate_openapi_file(&args.input, &args.options)?;
            return finish(&args, &output);
        }
        let overlay = match &args.overlay {
            Some(p) => Some((p.display().to_string(), read(p)?)),
            None => None,
        };
        generate(
            Source {
                name: &collection_name,
                text: &collection,
            },
            overlay.as_ref().map(|(name, text)| Source { name, text }),
            &args.options,
        )?
    };
    finish(&args, &output)
}

/// Prints the warnings, writes the module, and ends with the summary line.
fn finish(args: &Args, output: &postman_codegen::Output) -> Result<(), Failure> {
    for warning in &output.warnings {
        to_stderr(&format!("warning: {warning}"));
    }
    match &args.out {
        Some(path) => std::fs::write(path, &output.code)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?,
        None => to_stdout(&output.code)?,
    }
    // Last, so that it is the one line a script reads with `tail -1`.
    to_stderr(&format!("summary: {}", output.summary()));
    Ok(())
}

fn run_diff(args: DiffArgs) -> Result<(), Failure> {
    let report = diff_paths(&args.old, &args.new, &args.options).map_err(Failure::Diff)?;
    if args.changelog {
        to_stdout(&report.changelog())
    } else {
        to_stdout(&report.render())
    }
}

/// `print!` panics when stdout fails; a full disk or a closed pipe is an
/// outcome to report, not a bug.
fn to_stdout(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Err(Failure::ReaderGone),
        Err(e) => Err(Failure::Message(format!(
            "cannot write the module to stdout: {e}"
        ))),
    }
}

/// A line for the user; if even stderr fails there is nobody left to tell.
fn to_stderr(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn report(failure: Failure) -> ExitCode {
    match failure {
        Failure::Message(message) => {
            // It may hold a file name or a spec's name (warnings and errors
            // are printable already).
            to_stderr(&format!("error: {}", printable(&message)));
            ExitCode::FAILURE
        }
        Failure::Spec(errors) => {
            for e in errors.iter() {
                to_stderr(&format!("error: {e}"));
            }
            to_stderr(&format!(
                "summary: no module generated, {} errors",
                errors.len()
            ));
            ExitCode::FAILURE
        }
        Failure::Diff(failure) => {
            let mut count = 0;
            for side in &failure.sides {
                to_stderr(&format!("error: {side}"));
                for e in side.errors.iter() {
                    to_stderr(&format!("error: {e}"));
                }
                count += side.errors.len();
            }
            to_stderr(&format!("summary: no diff, {count} errors"));
            ExitCode::FAILURE
        }
        Failure::ReaderGone => ExitCode::from(READER_GONE),
    }
}

fn main() -> ExitCode {
    match parse_args() {
        Ok(Command::Help) => match to_stdout(&format!("{USAGE}\n")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(failure) => report(failure),
        },
        Ok(Command::Generate(args)) => match run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(failure) => report(failure),
        },
        Ok(Command::Diff(args)) => match run_diff(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(failure) => report(failure),
        },
        Ok(Command::Mock(args)) => mock(args),
        Ok(Command::New(args)) => new_command::run(args.into_iter()),
        Err(e) => {
            to_stderr(&format!("error: {e}\n\n{USAGE}"));
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "mock")]
fn mock(args: Vec<String>) -> ExitCode {
    mock_command::run(args.into_iter())
}

#[cfg(not(feature = "mock"))]
fn mock(_args: Vec<String>) -> ExitCode {
    to_stderr(
        "error: this postman-codegen was built without the `mock` feature; \
         build it with `--features mock` (cargo install postman-codegen --features mock)",
    );
    ExitCode::from(2)
}
