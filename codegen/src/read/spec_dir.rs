//! Finding and reading the spec files in a directory: the only file I/O of
//! the library, shared by build scripts and the command line (through
//! `generate_dir`).

use crate::error::{Error, ErrorKind, Location};
use crate::read::limits::Limits;
use std::path::{Path, PathBuf};

/// The files a spec directory holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecFiles {
    /// The collection: the one `*.postman_collection.json` or `*.postman.json` file.
    pub collection: PathBuf,
    /// The overlay: the `*.overlay.json` file, if there is one.
    pub overlay: Option<PathBuf>,
}

impl SpecFiles {
    /// Finds the collection and overlay in `dir`.
    ///
    /// # Errors
    ///
    /// Fails when the directory cannot be read, holds no collection, or holds
    /// more than one collection or overlay.
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
        let pick = |what: &str, matches: &dyn Fn(&str) -> bool| -> Result<Option<PathBuf>, Error> {
            let found: Vec<&String> = names.iter().filter(|n| matches(n)).collect();
            match found.as_slice() {
                [] => Ok(None),
                [one] => Ok(Some(dir.join(one))),
                many => Err(io(format!(
                    "holds {} {what} files ({}); keep one",
                    many.len(),
                    many.iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            }
        };
        let collection = pick("collection", &|n| {
            n.ends_with(".postman_collection.json") || n.ends_with(".postman.json")
        })?
        .ok_or_else(|| io("holds no `*.postman_collection.json` file".into()))?;
        let overlay = pick("overlay", &|n| n.ends_with(".overlay.json"))?;
        Ok(SpecFiles {
            collection,
            overlay,
        })
    }

    /// Every file generation reads, for a build script's `rerun-if-changed`.
    pub fn paths(&self) -> Vec<&Path> {
        let mut out = vec![self.collection.as_path()];
        out.extend(self.overlay.as_deref());
        out
    }
}

/// A spec file's text, with the name errors and the module header show.
pub(crate) struct NamedText {
    pub name: String,
    pub text: String,
}

/// Reads the collection and the overlay of `files`, found in `dir`, each
/// within `limits`.
///
/// Files are named `<dir name>/<file>`, so the output does not depend on
/// where the checkout lives.
pub(crate) fn read_files(
    dir: &Path,
    files: &SpecFiles,
    limits: &Limits,
) -> Result<(NamedText, Option<NamedText>), Error> {
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
    let collection = read(&files.collection)?;
    let overlay = match &files.overlay {
        Some(path) => Some(read(path)?),
        None => None,
    };
    Ok((collection, overlay))
}
