//! `postman-codegen diff` run as a binary: the git-revision form on a
//! repository made here, the CHANGELOG entry, and the exit statuses.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_postman-codegen");

/// A git repository in a fresh temporary folder, removed when dropped.
struct Repo(PathBuf);

impl Repo {
    fn new(name: &str) -> Repo {
        let dir = std::env::temp_dir().join(format!(
            "postman-codegen-diff-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("spec")).unwrap();
        let repo = Repo(dir);
        repo.git(&["init", "-q"]);
        repo
    }

    /// Runs git with no configuration but this repository's, so a
    /// developer's signing or hooks settings cannot interfere.
    fn git(&self, args: &[&str]) {
        let out = Command::new("git")
            .current_dir(&self.0)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {out:?}");
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.0.join(file), text).unwrap();
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn diff(&self, args: &[&str]) -> (Option<i32>, String, String) {
        let out: Output = Command::new(BIN)
            .current_dir(&self.0)
            .arg("diff")
            .args(args)
            .output()
            .unwrap();
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/diff")
            .join(name),
    )
    .unwrap()
}

/// The base spec, committed; then the same with an optional request field
/// added (`note`, documented as optional), committed on top.
fn repo_with_two_revisions(name: &str) -> Repo {
    let repo = Repo::new(name);
    let collection = fixture("shop.postman.json");
    repo.write("spec/shop.postman_collection.json", &collection);
    repo.write("spec/shop.overlay.json", &fixture("shop.overlay.json"));
    repo.commit("base");
    let edited = collection
        .replace(
            r#"\"colour\": \"red\"}"#,
            r#"\"colour\": \"red\", \"note\": \"gift\"}"#,
        )
        .replace(
            r"| colour | Which colour. | Optional |",
            r"| colour | Which colour. | Optional |\n| note | For the parcel. | Optional |",
        );
    assert_ne!(edited, collection, "the edit applies");
    repo.write("spec/shop.postman_collection.json", &edited);
    repo.commit("add an optional field");
    repo
}

#[test]
fn two_git_revisions_of_a_spec_folder() {
    let repo = repo_with_two_revisions("folders");
    let (code, stdout, stderr) = repo.diff(&["HEAD~1:spec", "HEAD:spec"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("spec diff: HEAD~1:spec -> HEAD:spec\n"),
        "{stdout}"
    );
    assert!(stdout.contains("verdict: additive"), "{stdout}");
    assert!(
        stdout.contains(
            "semver: a minor change\nsemver bump (Cargo's rules): patch for a 0.x crate, minor from 1.0"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("field `note` added to `OrdersCreateRequest` (optional, `String`)"),
        "{stdout}"
    );
    // The overlay was read at the revision too: its enum is in both models.
    assert!(!stdout.contains("Colour"), "{stdout}");
    // A revision against the working tree, and files rather than folders.
    let (code, again, _) = repo.diff(&["HEAD~1:spec", "spec"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        again.lines().skip(1).collect::<Vec<_>>(),
        stdout.lines().skip(1).collect::<Vec<_>>()
    );
    let (code, files, stderr) = repo.diff(&[
        "HEAD~1:spec/shop.postman_collection.json",
        "spec/shop.postman_collection.json",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(files.contains("field `note` added"), "{files}");
}

#[test]
fn changelog_prints_only_the_entry() {
    let repo = repo_with_two_revisions("changelog");
    let (code, stdout, stderr) = repo.diff(&["HEAD~1:spec", "HEAD:spec", "--changelog"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("## Unreleased\n\n"), "{stdout}");
    assert!(
        stdout.contains(
            "\n### Added\n\n- field `note` added to `OrdersCreateRequest` (optional, `String`)\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("\n### Documentation\n\n- "), "{stdout}");
    assert!(!stdout.contains("### Breaking"), "{stdout}");
    assert!(!stdout.contains("verdict:"), "{stdout}");
}

#[test]
fn a_side_that_cannot_be_read_or_generated_exits_1_with_its_errors() {
    let repo = repo_with_two_revisions("failures");
    let (code, stdout, stderr) = repo.diff(&["HEAD:nowhere", "spec"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("error: the old spec `HEAD:nowhere` cannot be read"),
        "{stderr}"
    );
    assert!(stderr.contains("nowhere"), "{stderr}");
    assert!(stderr.ends_with("summary: no diff, 1 errors\n"), "{stderr}");

    repo.write("broken.postman.json", "{\"info\": ");
    let (code, _, stderr) = repo.diff(&["spec", "broken.postman.json"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("error: the new spec `broken.postman.json`"),
        "{stderr}"
    );
    assert!(stderr.contains("error: broken.postman.json: "), "{stderr}");
    assert!(!stderr.contains("the old spec"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let repo = Repo::new("usage");
    for args in [&["spec"][..], &["a", "b", "c"], &["a", "b", "--bogus"]] {
        let (code, stdout, stderr) = repo.diff(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert_eq!(stdout, "");
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
}
