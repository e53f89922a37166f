//! A spec of several files read as one: every collection in the order
//! given, every overlay merged, and each problem naming its own file. A bad
//! file does not hide the problems of the others.

use crate::error::{Error, ErrorKind, Errors, Location};
use crate::read::folders::Selection;
use crate::read::limits::Limits;
use crate::read::overlay::{self, Overlay};
use crate::read::overlay_merge::merge;
use crate::read::postman::Collection;
use crate::read::postman_items::read_folders;

/// A named input text: the file's name as errors show it, and its text.
pub(crate) type Named<'a> = (&'a str, &'a str);

/// One collection of the spec, read.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    /// The file's name, as errors show it.
    pub file: String,
    /// The feature its items are gated by, if any.
    pub feature: Option<String>,
    pub collection: Collection,
}

/// The collections (with the feature of each) and the merged overlay of a
/// spec, keeping only the items `selection` chooses; overlay entries for the
/// others are set aside.
pub(crate) fn read_spec(
    collections: &[(Named<'_>, Option<&str>)],
    overlays: &[Named<'_>],
    selection: &Selection<'_>,
    limits: &Limits,
) -> Result<(Vec<Parsed>, Overlay), Errors> {
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    if collections.is_empty() {
        errors.push(Error::new(
            Location::file(overlays.first().map_or("", |o| o.0)),
            ErrorKind::Io("the spec holds no collection".into()),
        ));
    }
    for ((file, text), feature) in collections {
        match read_folders(file, text, selection, limits) {
            Ok(collection) => parsed.push(Parsed {
                file: (*file).to_owned(),
                feature: feature.map(str::to_owned),
                collection,
            }),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        let top: Vec<String> = parsed
            .iter()
            .flat_map(|p| p.collection.top_folders.iter().cloned())
            .collect();
        let files: Vec<&str> = parsed.iter().map(|p| p.file.as_str()).collect();
        if let Err(e) = selection.check(&files.join(", "), &top) {
            errors.push(e);
        }
    }
    let mut read = Vec::new();
    for (file, text) in overlays {
        match overlay::read(file, text, limits) {
            Ok(o) => read.push(((*file).to_owned(), o)),
            Err(e) => errors.push(e),
        }
    }
    let mut merged = merge(read).unwrap_or_else(|mut e| {
        errors.append(&mut e);
        Overlay::default()
    });
    if let Some(errors) = Errors::from_list(errors) {
        return Err(errors);
    }
    merged
        .operations
        .retain(|entry| selection.overlay_entry(&entry.item));
    Ok((parsed, merged))
}
