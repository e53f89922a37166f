//! What a spec change costs a developer: the time `cargo build -p plivo`
//! takes after a spec file changes (build script plus recompiling the
//! crate), against a build with nothing changed, and against a spec file
//! touched without a change.
//!
//! `cargo bench -p plivo --bench build_cost`. It works on a copy of the
//! workspace in the system's temp directory, so the repository's spec is
//! never edited; the first, cold build of the copy is not timed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const ROUNDS: usize = 3;

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let copy = std::env::temp_dir().join("plivo-build-cost");
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).expect("a folder for the copy");
    for entry in [
        "Cargo.toml",
        "Cargo.lock",
        "codegen",
        "sdk",
        "spec",
        "tests",
    ] {
        copy_tree(&repo.join(entry), &copy.join(entry));
    }
    let spec = copy.join("spec/phlo.postman_collection.json");
    let original = std::fs::read_to_string(&spec).expect("the spec");

    build(&copy); // cold, not timed
    let mut unchanged = Vec::new();
    let mut touched = Vec::new();
    let mut changed = Vec::new();
    for round in 0..ROUNDS {
        unchanged.push(build(&copy));
        // Same bytes, new modification time: the build script reruns.
        std::fs::write(&spec, &original).expect("touch the spec");
        touched.push(build(&copy));
        // A real change: a description the generated docs carry.
        let edited = original.replacen(
            "Plivo's PHLO API",
            &format!("Plivo's PHLO API ({round})"),
            1,
        );
        std::fs::write(&spec, edited).expect("edit the spec");
        changed.push(build(&copy));
    }
    std::fs::write(&spec, &original).expect("restore the copy");

    let median = |mut runs: Vec<Duration>| {
        runs.sort();
        runs[runs.len() / 2]
    };
    let (base, touch, change) = (median(unchanged), median(touched), median(changed));
    println!("build cost: `cargo build -p plivo` (dev profile), median of {ROUNDS} rounds");
    println!("{:<34} {:>10}", "", "seconds");
    println!("{:<34} {:>10.2}", "nothing changed", base.as_secs_f64());
    println!(
        "{:<34} {:>10.2}",
        "spec file touched, same content",
        touch.as_secs_f64()
    );
    println!("{:<34} {:>10.2}", "spec file changed", change.as_secs_f64());
}

/// Runs `cargo build -p plivo` in `dir` with its own target directory.
fn build(dir: &Path) -> Duration {
    let started = Instant::now();
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "-q", "-p", "plivo"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo build failed in {}", dir.display());
    started.elapsed()
}

/// Copies files and folders, skipping build output.
fn copy_tree(from: &Path, to: &PathBuf) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("create folder");
        for entry in std::fs::read_dir(from).expect("read folder") {
            let entry = entry.expect("entry");
            if entry.file_name() == "target" {
                continue;
            }
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).expect("copy file");
    }
}
