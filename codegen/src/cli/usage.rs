//! What a subcommand does with its parsed arguments before its work: help
//! printed on request, a usage error reported, exit codes as every
//! subcommand gives them.

use postman_codegen::printable;
use std::process::ExitCode;

/// The arguments `parsed` holds; else the exit code, once `usage` is
/// printed: 0 when help was asked for (`Ok(None)`), 2 after a usage error.
pub(crate) fn arguments<A>(parsed: Result<Option<A>, String>, usage: &str) -> Result<A, ExitCode> {
    match parsed {
        Ok(Some(args)) => Ok(args),
        Ok(None) => {
            println!("{usage}");
            Err(ExitCode::SUCCESS)
        }
        Err(problem) => {
            eprintln!("error: {}\n\n{usage}", printable(&problem));
            Err(ExitCode::from(2))
        }
    }
}
