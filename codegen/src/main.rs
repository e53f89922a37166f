//! Command line: prints (or writes) the module a build script would generate,
//! so a reviewer can read it.

use postman_codegen::{Errors, Options, Source, generate, generate_dir};
use std::io::{ErrorKind, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: postman-codegen <spec-dir | collection.json> [options]

Prints the Rust module generated from a Postman Collection (v2.0 or v2.1).
Given a directory, reads its *.postman_collection.json and optional
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
  -h, --help              show this help";

struct Args {
    input: PathBuf,
    overlay: Option<PathBuf>,
    out: Option<PathBuf>,
    options: Options,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = std::env::args().skip(1);
    let mut input = None;
    let mut overlay = None;
    let mut out = None;
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--overlay" => overlay = Some(PathBuf::from(value("--overlay")?)),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--skip-unsupported" => options.skip_unsupported = true,
            "--runtime-path" => options.runtime_path = value("--runtime-path")?,
            "--client-path" => options.client_path = value("--client-path")?,
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
    Ok(Some(Args {
        input,
        overlay,
        out,
        options,
    }))
}

/// Why the command failed.
enum Failure {
    /// Shown as one `error:` line.
    Message(String),
    /// Every problem of the spec, one `error:` line each.
    Spec(Errors),
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
        let read = |p: &PathBuf| {
            std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))
        };
        let collection_name = args.input.display().to_string();
        let collection = read(&args.input)?;
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
            to_stderr(&format!("error: {message}"));
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
        Failure::ReaderGone => ExitCode::from(READER_GONE),
    }
}

fn main() -> ExitCode {
    match parse_args() {
        Ok(None) => match to_stdout(&format!("{USAGE}\n")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(failure) => report(failure),
        },
        Ok(Some(args)) => match run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(failure) => report(failure),
        },
        Err(e) => {
            to_stderr(&format!("error: {e}\n\n{USAGE}"));
            ExitCode::from(2)
        }
    }
}
