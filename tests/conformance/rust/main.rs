//! The conformance harness's Rust side (see ../README.md).
//!
//! ```text
//! plivo-conformance operations OUT
//!     our operations as JSON: item, method, host, path, constants, examples
//! plivo-conformance run CASES_DIR HOSTS_FILE OUT [GROUP...]
//!     every case through the generated client to the recorder
//! plivo-conformance fixtures CASES_DIR IN OUT
//!     each fixture of IN parsed into its case's response type
//! ```

mod args;
mod cases;
mod erased;
mod fixtures;
mod operations;
mod ops;
mod probe;
mod run;

use std::path::Path;
use std::process::ExitCode;

/// Fake credentials: `MA` and 18 characters, as the official SDKs require.
pub const AUTH_ID: &str = "MACONFORMANCE0000001";
/// A fake Auth Token.
pub const AUTH_TOKEN: &str = "conformance-fake-token";

#[tokio::main]
async fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    let result = match argv.as_slice() {
        ["operations", out] => write(out, &operations::dump()),
        ["run", cases, hosts, out, groups @ ..] => {
            match run::run(Path::new(cases), Path::new(hosts), groups).await {
                Ok(value) => write(out, &value),
                Err(e) => Err(e),
            }
        }
        ["fixtures", cases, input, out] => {
            fixtures::parse_all(Path::new(cases), Path::new(input)).and_then(|v| write(out, &v))
        }
        _ => Err("usage: plivo-conformance operations OUT | run CASES HOSTS OUT [GROUP...] | fixtures CASES IN OUT".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("plivo-conformance: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write(path: &str, value: &serde_json::Value) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{path}: {e}"))
}
