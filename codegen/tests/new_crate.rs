//! `postman-codegen new` on a fixture collection writes a crate whose own
//! `cargo test` passes: its build script generates the client from
//! `spec/` (`build_api`, the one-line path), and its test calls every
//! operation against the runtime's mock. The crate depends on this
//! workspace by path and builds in the workspace's target folder, with the
//! workspace's lock file, so that only the new crate itself compiles once
//! the workspace is built.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_postman-codegen");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh folder under the target's scratch space.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn new(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(BIN).arg("new").args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_new_crate_builds_and_its_mock_test_passes() {
    let root = scratch("new-crate");
    let dir = root.join("acme-api");
    let collection = fixture("auth.postman.json");
    let codegen = env!("CARGO_MANIFEST_DIR");
    let (code, stdout, stderr) = new(&[
        collection.to_str().unwrap(),
        dir.to_str().unwrap(),
        "--path",
        codegen,
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("wrote crate `acme-api`"), "{stdout}");
    assert!(stdout.contains("10 operation(s)"), "{stdout}");
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).unwrap();
    assert!(read("build.rs").contains("postman_codegen::build_api(\"spec\")"));
    assert_eq!(
        read("spec/auth.postman.json"),
        std::fs::read_to_string(&collection).unwrap()
    );
    let readme = read("README.md");
    assert!(
        readme.contains("    let answer = client.widget(\"w1\").get().await?;\n"),
        "the first call, with the collection's example value: {readme}"
    );
    assert!(
        read("examples/first_call.rs").contains("client.widget(\"w1\").get().await?"),
        "the README's program, compiled by cargo test"
    );
    assert!(read("Cargo.toml").contains(&format!("path = {:?}", format!("{codegen}/runtime"))));

    // Built as a user would, but sharing what the workspace compiled.
    let workspace = Path::new(codegen).parent().unwrap();
    std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["test", "--offline", "--quiet"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("test result: ok. 2 passed"),
        "the crate's two mock tests ran: {stdout}"
    );
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn new_refuses_a_folder_in_use_a_bad_name_and_a_bad_collection() {
    let root = scratch("new-refusals");
    std::fs::create_dir_all(root.join("used")).unwrap();
    std::fs::write(root.join("used/keep.txt"), "mine").unwrap();
    let auth = fixture("auth.postman.json");
    let auth = auth.to_str().unwrap();
    let at = |name: &str| root.join(name).to_str().unwrap().to_owned();

    let (code, _, stderr) = new(&[auth, &at("used")]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("is not empty"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(root.join("used/keep.txt")).unwrap(),
        "mine"
    );

    let (code, _, stderr) = new(&[auth, &at("9lives")]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("is not a crate name"), "{stderr}");

    std::fs::write(root.join("broken.json"), "{not json").unwrap();
    let (code, _, stderr) = new(&[&at("broken.json"), &at("fresh")]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("broken.json"), "{stderr}");
    assert!(!root.join("fresh").exists(), "nothing written");

    let (code, _, stderr) = new(&[auth]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("usage: postman-codegen new"), "{stderr}");
    let (code, _, stderr) = new(&[auth, &at("x"), "--path", "a", "--git", "b"]);
    assert_eq!(code, Some(2), "{stderr}");
    std::fs::remove_dir_all(&root).unwrap();
}
