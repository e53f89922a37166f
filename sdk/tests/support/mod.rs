//! Shared by the tests that run the examples.

use std::path::PathBuf;
use std::process::Command;

/// Runs an example that `cargo test` built, with no Plivo credentials.
pub fn run(name: &str) -> String {
    // Test binaries live in target/<profile>/deps, examples in .../examples.
    let exe = std::env::current_exe().expect("the test binary's path");
    let dir: PathBuf = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir")
        .join("examples");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let output = Command::new(&path)
        .env_remove("PLIVO_AUTH_ID")
        .env_remove("PLIVO_AUTH_TOKEN")
        .env_remove("PLIVO_BASE_URL")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {}: {e}; a whole `cargo test` builds the examples first",
                path.display()
            )
        });
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{name} failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
