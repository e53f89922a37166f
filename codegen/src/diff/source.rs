//! What a side of a diff names: a spec folder, a collection file, or
//! `REV:path`, a folder or file at a git revision of the current repository.

use crate::error::{Error, ErrorKind, Errors, Location};
use crate::read::spec_dir::{NamedText, SpecFiles, is_collection, is_overlay, read_files};
use std::path::Path;
use std::process::Command;

/// A spec's files, read.
pub(crate) struct Loaded {
    pub collections: Vec<NamedText>,
    pub overlays: Vec<NamedText>,
}

/// Reads the spec `arg` names. A path that exists is read from disk;
/// otherwise `REV:path` is read from git, in `repo`.
pub(crate) fn load(arg: &str, repo: &Path) -> Result<Loaded, Errors> {
    let fail = |m: String| Errors::from(Error::new(Location::file(arg), ErrorKind::Io(m)));
    let path = Path::new(arg);
    if path.is_dir() {
        let files = SpecFiles::find(path)?;
        let (collections, overlays) = read_files(path, &files)?;
        return Ok(Loaded {
            collections,
            overlays,
        });
    }
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| fail(format!("cannot read: {e}")))?;
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
    match git(repo, &["cat-file", "-t", arg]).map_err(fail)?.trim() {
        "tree" => {
            let listing = git(repo, &["ls-tree", "--name-only", arg]).map_err(fail)?;
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
                let text = git(repo, &["show", &file]).map_err(fail)?;
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
                text: git(repo, &["show", arg]).map_err(fail)?,
            }],
            overlays: Vec::new(),
        }),
        other => Err(fail(format!("names a git {other}, not a folder or file"))),
    }
}

/// Runs git in `repo` and returns its output; a failure carries git's own
/// message.
fn git(repo: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr);
        return Err(format!("git {}: {}", args.join(" "), message.trim()));
    }
    String::from_utf8(out.stdout)
        .map_err(|_| format!("git {}: output is not UTF-8", args.join(" ")))
}
