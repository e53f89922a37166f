//! The files of a document: the entry and every file its `$ref`s reach,
//! transitively, from texts given (pure) or read from disk. Only files in
//! the entry's folder or below it are read: a reference never makes the
//! generator read elsewhere, nor fetch anything.

use crate::error::{Error, ErrorKind, Errors, Location};
use crate::read::limits::Limits;
use crate::read::openapi::refs::{Documents, normalize, referenced_files};
use crate::read::openapi::text::parse;
use std::path::Path;

/// At most this many files in one document.
const MAX_FILES: usize = 4096;

/// The files of the document whose entry is `entry`, each text found by
/// `text_of` (by name, relative to where the entry is named).
pub(crate) fn gather(
    entry: &str,
    mut text_of: impl FnMut(&str) -> Result<String, Error>,
) -> Result<Documents, Errors> {
    let entry = &normalize(entry);
    let mut docs = Documents::new(entry);
    let folder = match entry.rfind('/') {
        Some(cut) => &entry[..=cut],
        None => "",
    };
    let mut pending = vec![entry.to_owned()];
    let mut errors = Vec::new();
    while let Some(name) = pending.pop() {
        if docs.contains(&name) {
            continue;
        }
        let inside = name
            .strip_prefix(folder)
            .is_some_and(|rest| !rest.split('/').any(|p| p == ".."));
        if !inside {
            errors.push(Error::new(
                Location::file(entry),
                ErrorKind::Unsupported(format!(
                    "`$ref` to `{name}`: outside the document's folder, not read"
                )),
            ));
            continue;
        }
        if docs.len() >= MAX_FILES {
            errors.push(Error::new(
                Location::file(entry),
                ErrorKind::Unsupported(format!("more than {MAX_FILES} files")),
            ));
            break;
        }
        let value = match text_of(&name).and_then(|text| parse(&name, &text)) {
            Ok(value) => value,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let mut more = referenced_files(&name, &value);
        more.retain(|m| !docs.contains(m));
        more.reverse();
        pending.extend(more);
        docs.insert(name, value);
    }
    match Errors::from_list(errors) {
        Some(errors) => Err(errors),
        None => Ok(docs),
    }
}

/// The document whose entry file is at `path`, its other files read from
/// beside it.
pub(crate) fn read(path: &Path, limits: &Limits) -> Result<Documents, Errors> {
    let entry = path.display().to_string().replace('\\', "/");
    gather(&entry, |name| limits.read_file(Path::new(name), name))
}

/// The document made of `files` (name and text), the first the entry.
pub(crate) fn from_texts(files: &[(&str, &str)]) -> Result<Documents, Errors> {
    let Some((entry, _)) = files.first() else {
        return Err(Error::new(Location::file(""), ErrorKind::Io("no file given".into())).into());
    };
    gather(entry, |name| {
        files
            .iter()
            .find(|(n, _)| normalize(n) == name)
            .map(|(_, text)| (*text).to_owned())
            .ok_or_else(|| {
                Error::new(
                    Location::file(entry),
                    ErrorKind::Io(format!("`$ref` to `{name}`: no such file given")),
                )
            })
    })
}
