//! What a side of a diff names: a spec folder, a collection file, or
//! `REV:path`, a folder or file at a git revision of the current repository.

use crate::error::{Error, ErrorKind, Errors, Location};
use crate::read::limits::Limits;
use crate::read::spec_dir::{NamedText, SpecFiles, is_collection, is_overlay, read_files};
use std::path::Path;
use std::process::{Command, Stdio};

/// A spec's files, read.
pub(crate) struct Loaded {
    pub collections: Vec<NamedText>,
    pub overlays: Vec<NamedText>,
}

/// Reads the spec `arg` names, each file within `limits`. A path that
/// exists is read from disk; otherwise `REV:path` is read from git, in `repo`.
pub(crate) fn load(arg: &str, repo: &Path, limits: &Limits) -> Result<Loaded, Errors> {
    let fail = |m: String| Errors::from(Error::new(Location::file(arg), ErrorKind::Io(m)));
    let git = |args: &[&str]| git(repo, args, limits).map_err(fail);
    let path = Path::new(arg);
    if path.is_dir() {
        let files = SpecFiles::find(path)?;
        let (collections, overlays) = read_files(path, &files, limits)?;
        return Ok(Loaded {
            collections,
            overlays,
        });
    }
    if path.is_file() {
        let text = limits.read_file(path, arg)?;
        return Ok(Loaded {
            collections: vec![NamedText {
                name: arg.to_owned(),
                text,
            }],
            overlays: Vec::new(),
        });
    }
    let Some((rev, inner)) = arg.split_once(':') else {
        return Err(fail(
            "no such file or folder (a git revision is written `REV:path`)".into(),
        ));
    };
    let inner = inner.trim_end_matches('/');
    match git(&["cat-file", "-t", arg])?.trim() {
        "tree" => {
            let listing = git(&["ls-tree", "--name-only", arg])?;
            let mut names: Vec<&str> = listing.lines().collect();
            names.sort_unstable();
            let collections: Vec<&str> =
                names.iter().copied().filter(|n| is_collection(n)).collect();
            if collections.is_empty() {
                return Err(fail("holds no `*.postman_collection.json` file".into()));
            }
            let show = |name: &str| -> Result<NamedText, Errors> {
                let file = if inner.is_empty() {
                    format!("{rev}:{name}")
                } else {
                    format!("{rev}:{inner}/{name}")
                };
                let text = git(&["show", &file])?;
                Ok(NamedText { name: file, text })
            };
            let overlays = names.iter().copied().filter(|n| is_overlay(n));
            Ok(Loaded {
                collections: collections
                    .into_iter()
                    .map(show)
                    .collect::<Result<_, _>>()?,
                overlays: overlays.map(show).collect::<Result<_, _>>()?,
            })
        }
        "blob" => Ok(Loaded {
            collections: vec![NamedText {
                name: arg.to_owned(),
                text: git(&["show", arg])?,
            }],
            overlays: Vec::new(),
        }),
        other => Err(fail(format!("names a git {other}, not a folder or file"))),
    }
}

/// Runs git in `repo` and returns its output, read within `limits` (a
/// blob larger than the limit is not read in full: git is stopped); a
/// failure carries git's own message.
fn git(repo: &Path, args: &[&str], limits: &Limits) -> Result<String, String> {
    let what = format!("git {}", args.join(" "));
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let read = match child.stdout.take() {
        Some(stdout) => limits.read(stdout, &what).map_err(|e| e.kind.to_string()),
        None => Err("no output".to_owned()),
    };
    if read.is_err() {
        // What is left unread would keep git waiting on a full pipe.
        let _ = child.kill();
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let text = read.map_err(|e| format!("{what}: {e}"))?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr);
        return Err(format!("{what}: {}", message.trim()));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A blob past the limit is not read in full: git is stopped.
    #[test]
    fn git_output_is_read_within_the_limit() {
        let repo = std::env::temp_dir().join(format!("postman-codegen-git-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&repo);
        std::fs::create_dir_all(&repo).unwrap();
        std::fs::write(repo.join("big.json"), "x".repeat(1 << 20)).unwrap();
        std::fs::write(repo.join("small.json"), "{}").unwrap();
        let run = |args: &[&str]| {
            let ok = Command::new("git")
                .current_dir(&repo)
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .args(["-c", "user.name=T", "-c", "user.email=t@example.com"])
                .args(["-c", "commit.gpgsign=false"])
                .args(args)
                .status()
                .unwrap();
            assert!(ok.success(), "git {args:?}");
        };
        run(&["init", "-q"]);
        run(&["add", "-A"]);
        run(&["commit", "-q", "-m", "files"]);
        let limits = Limits {
            max_file_bytes: 1000,
            ..Limits::default()
        };
        assert_eq!(
            git(&repo, &["show", "HEAD:small.json"], &limits).unwrap(),
            "{}"
        );
        let e = git(&repo, &["show", "HEAD:big.json"], &limits).unwrap_err();
        assert!(e.contains("larger than the limit of 1000 bytes"), "{e}");
        std::fs::remove_dir_all(&repo).ok();
    }
}
