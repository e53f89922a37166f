//! Generating only chosen folders: which items a selection keeps, decided
//! from names alone, so that the others are never read past their names.
//!
//! A selection is a list of folder paths, names joined by `/` (`Accounts`,
//! `Accounts/Capabilities`). Paths are compared as joined text, so a folder
//! whose own name holds a `/` (`v1/charges`) is chosen by writing it as is.

use crate::error::{Error, ErrorKind, Location};
use std::cell::Cell;

/// The folders chosen; empty chooses everything.
pub(crate) struct Selection<'a> {
    paths: &'a [String],
    /// Whether each path named a folder that was found.
    found: Vec<Cell<bool>>,
}

/// What to do with a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Visit {
    /// Chosen, or inside a chosen folder: read all of it.
    Whole,
    /// On the way to a chosen folder: look inside, keep only what is chosen.
    Inside,
    /// Neither: leave it unread.
    Skip,
}

impl<'a> Selection<'a> {
    pub(crate) fn new(paths: &'a [String]) -> Self {
        Selection {
            paths,
            found: paths.iter().map(|_| Cell::new(false)).collect(),
        }
    }

    /// What to do with the folder at `path` (its parents' names and its own).
    pub(crate) fn folder(&self, path: &[String]) -> Visit {
        if self.paths.is_empty() {
            return Visit::Whole;
        }
        let joined = path.join("/");
        let mut visit = Visit::Skip;
        for (chosen, found) in self.paths.iter().zip(&self.found) {
            let chosen = chosen.trim_matches('/');
            if joined == chosen {
                found.set(true);
                visit = Visit::Whole;
            } else if is_under(&joined, chosen) {
                visit = Visit::Whole;
            } else if visit == Visit::Skip && is_under(chosen, &joined) {
                visit = Visit::Inside;
            }
        }
        visit
    }

    /// Whether a request that sits directly in the folders `folders` is chosen.
    pub(crate) fn request(&self, folders: &[String]) -> bool {
        if self.paths.is_empty() {
            return true;
        }
        let joined = folders.join("/");
        self.paths.iter().any(|chosen| {
            let chosen = chosen.trim_matches('/');
            joined == chosen || is_under(&joined, chosen)
        })
    }

    /// Whether the overlay entry for the item at `path` (folders, then its
    /// name) concerns a chosen item: entries for the others are set aside,
    /// not reported as matching nothing.
    pub(crate) fn overlay_entry(&self, path: &[String]) -> bool {
        path.split_last()
            .is_none_or(|(_, folders)| self.request(folders))
    }

    /// Fails, naming them, when chosen paths named no folder; `top` lists
    /// the collection's top-level folders, to say what there is.
    pub(crate) fn check(&self, file: &str, top: &[String]) -> Result<(), Error> {
        let missing: Vec<String> = self
            .paths
            .iter()
            .zip(&self.found)
            .filter(|(_, found)| !found.get())
            .map(|(path, _)| format!("`{path}`"))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let available = if top.is_empty() {
            "the collection has no folders".to_owned()
        } else {
            let names: Vec<String> = top.iter().map(|n| format!("`{n}`")).collect();
            format!("top-level folders: {}", names.join(", "))
        };
        Err(Error::new(
            Location::file(file),
            ErrorKind::UnexpectedFormat(format!(
                "no folder {} in the collection ({available})",
                missing.join(", ")
            )),
        ))
    }
}

/// Whether `path` lies strictly inside the folder `folder`.
fn is_under(path: &str, folder: &str) -> bool {
    path.strip_prefix(folder)
        .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &[&str]) -> Vec<String> {
        p.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn chooses_a_nested_folder_through_its_parents() {
        let chosen = path(&["Accounts/Capabilities"]);
        let s = Selection::new(&chosen);
        assert_eq!(s.folder(&path(&["Accounts"])), Visit::Inside);
        assert_eq!(s.folder(&path(&["Accounts", "Capabilities"])), Visit::Whole);
        assert_eq!(s.folder(&path(&["Accounts", "Cap"])), Visit::Skip);
        assert_eq!(s.folder(&path(&["Account"])), Visit::Skip);
        assert!(!s.request(&path(&["Accounts"])));
        assert!(s.request(&path(&["Accounts", "Capabilities", "Deeper"])));
        assert!(s.check("c.json", &[]).is_ok());
    }

    #[test]
    fn names_what_it_did_not_find_and_what_there_is() {
        let chosen = path(&["Accounts", "Nope"]);
        let s = Selection::new(&chosen);
        assert_eq!(s.folder(&path(&["Accounts"])), Visit::Whole);
        let e = s
            .check("c.json", &path(&["Accounts", "Calls"]))
            .unwrap_err();
        let text = e.to_string();
        assert!(text.contains("`Nope`"), "{text}");
        assert!(!text.contains("folder `Accounts`"), "{text}");
        assert!(
            text.contains("top-level folders: `Accounts`, `Calls`"),
            "{text}"
        );
    }

    #[test]
    fn an_empty_selection_chooses_everything() {
        let s = Selection::new(&[]);
        assert_eq!(s.folder(&path(&["Any"])), Visit::Whole);
        assert!(s.request(&[]));
        assert!(s.overlay_entry(&path(&["Any", "item"])));
    }
}
