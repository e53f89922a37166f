//! Finding and reading the spec files in a directory: the only file I/O of
//! the library, shared by build scripts and the command line (through
//! `generate_dir`).

use crate::error::{Error, ErrorKind, Location};
use crate::read::limits::Limits;
use std::path::{Path, PathBuf};

/// The files a spec directory holds, each list in file-name order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecFiles {
    /// The collections: every `*.postman_collection.json` or `*.postman.json` file.
    pub collections: Vec<PathBuf>,
    /// The overlays: every `*.overlay.json` file.
    pub overlays: Vec<PathBuf>,
}

/// Whether a file name is a collection's.
pub(crate) fn is_collection(name: &str) -> bool {
    name.ends_with(".postman_collection.json") || name.ends_with(".postman.json")
}

/// Whether a file name is an overlay's.
pub(crate) fn is_overlay(name: &str) -> bool {
    name.ends_with(".overlay.json")
}

impl SpecFiles {
    /// Finds the collections and overlays in `dir`.
    ///
    /// # Errors
    ///
    /// Fails when the directory cannot be read or holds no collection.
    pub fn find(dir: &Path) -> Result<SpecFiles, Error> {
        let io = |msg: String| {
            Error::new(
                Location::file(&dir.display().to_string()),
                ErrorKind::Io(msg),
            )
        };
        let entries =
            std::fs::read_dir(dir).map_err(|e| io(format!("cannot read the directory: {e}")))?;
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| io(format!("cannot read the directory: {e}")))?;
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
        names.sort();
        let pick = |matches: fn(&str) -> bool| -> Vec<PathBuf> {
            names
                .iter()
                .filter(|n| matches(n))
                .map(|n| dir.join(n))
                .collect()
        };
        let collections = pick(is_collection);
        if collections.is_empty() {
            return Err(io("holds no `*.postman_collection.json` file".into()));
        }
        Ok(SpecFiles {
            collections,
            overlays: pick(is_overlay),
        })
    }

    /// Every file generation reads, for a build script's `rerun-if-changed`.
    pub fn paths(&self) -> Vec<&Path> {
        self.collections
            .iter()
            .chain(&self.overlays)
            .map(PathBuf::as_path)
            .collect()
    }
}

/// A spec file's text, with the name errors and the module header show.
pub(crate) struct NamedText {
    pub name: String,
    pub text: String,
}

/// Reads the collections and the overlays of `files`, found in `dir`, each
/// within `limits`.
///
/// Files are named `<dir name>/<file>`, so the output does not depend on
/// where the checkout lives.
pub(crate) fn read_files(
    dir: &Path,
    files: &SpecFiles,
    limits: &Limits,
) -> Result<(Vec<NamedText>, Vec<NamedText>), Error> {
    let label = |path: &Path| {
        let dir_name = dir.file_name().map(|d| d.to_string_lossy().into_owned());
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        match dir_name {
            Some(d) if !d.is_empty() && d != "." => format!("{d}/{file}"),
            _ => file,
        }
    };
    let read = |path: &Path| {
        let name = label(path);
        let text = limits.read_file(path, &name)?;
        Ok::<_, Error>(NamedText { name, text })
    };
    let collections = files.collections.iter().map(|p| read(p));
    let overlays = files.overlays.iter().map(|p| read(p));
    Ok((
        collections.collect::<Result<_, _>>()?,
        overlays.collect::<Result<_, _>>()?,
    ))
}
