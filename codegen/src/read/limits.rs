//! Bounds on what the generator reads, so that a broken or hostile input
//! (`/dev/zero`, a name of a hundred megabytes, folders nested without
//! end) costs bounded time and memory and ends in an error that names the
//! file and the limit.

use crate::error::{Error, ErrorKind, Location};
use std::io::Read;
use std::path::Path;

/// The limits on input, part of [`Options`](crate::Options). The defaults
/// are far above real collections (the largest in the corpus is 3.6 MB,
/// its longest name 103 bytes, its deepest folder 4 levels). JSON itself
/// nests at most 128 levels (`serde_json`'s own limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest spec file read (collection or overlay), in bytes:
    /// reading stops past it. 64 MiB by default.
    pub max_file_bytes: u64,
    /// The longest item or folder name, in bytes; an item with a longer
    /// name (or in a folder with one) is unreadable, as any malformed
    /// item. 1 KiB by default.
    pub max_name_bytes: usize,
    /// The deepest folders nest; an item deeper is unreadable. 32 by
    /// default.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 << 20,
            max_name_bytes: 1024,
            max_depth: 32,
        }
    }
}

impl Limits {
    /// Reads the spec file at `path`, named `name` in errors: at most
    /// [`Limits::max_file_bytes`] and one byte more are read, never the
    /// whole of a larger file.
    ///
    /// # Errors
    ///
    /// The file cannot be read, is larger than the limit, or is not UTF-8.
    pub fn read_file(&self, path: &Path, name: &str) -> Result<String, Error> {
        let file = std::fs::File::open(path).map_err(|e| io(name, format!("cannot read: {e}")))?;
        self.read(file, name)
    }

    /// Reads `reader` to its end, or to the limit; see [`Limits::read_file`].
    pub(crate) fn read(&self, reader: impl Read, name: &str) -> Result<String, Error> {
        let mut bytes = Vec::new();
        reader
            .take(self.max_file_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| io(name, format!("cannot read: {e}")))?;
        self.check_size(name, bytes.len())?;
        String::from_utf8(bytes).map_err(|e| {
            io(
                name,
                format!(
                    "is not UTF-8 text (at byte {})",
                    e.utf8_error().valid_up_to()
                ),
            )
        })
    }

    /// An error when a text of `len` bytes, named `name`, is over the limit.
    pub(crate) fn check_size(&self, name: &str, len: usize) -> Result<(), Error> {
        if u64::try_from(len).unwrap_or(u64::MAX) <= self.max_file_bytes {
            return Ok(());
        }
        Err(io(
            name,
            format!(
                "is larger than the limit of {} bytes (`Limits::max_file_bytes`)",
                self.max_file_bytes
            ),
        ))
    }

    /// Why a name of `len` bytes, or an item `depth` folders deep, cannot
    /// be read; `None` when within the limits.
    pub(crate) fn item_problem(&self, len: usize, depth: usize) -> Option<String> {
        if len > self.max_name_bytes {
            Some(format!(
                "the name is {len} bytes, longer than the limit of {} (`Limits::max_name_bytes`)",
                self.max_name_bytes
            ))
        } else if depth > self.max_depth {
            Some(format!(
                "folders nest deeper than the limit of {} (`Limits::max_depth`)",
                self.max_depth
            ))
        } else {
            None
        }
    }
}

/// A name cut to at most `max` bytes (on a character boundary), marked
/// with `…` when cut: what errors call an item whose name is too long.
pub(crate) fn shortened(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_owned();
    }
    let mut end = max.min(64);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &name[..end])
}

fn io(name: &str, message: String) -> Error {
    Error::new(Location::file(name), ErrorKind::Io(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_at_the_limit() {
        let limits = Limits {
            max_file_bytes: 8,
            ..Limits::default()
        };
        assert_eq!(limits.read(&b"12345678"[..], "f").unwrap(), "12345678");
        // An endless reader: only the limit and one byte are taken.
        let e = limits.read(std::io::repeat(b'x'), "f.json").unwrap_err();
        assert_eq!(
            e.to_string(),
            "f.json: is larger than the limit of 8 bytes (`Limits::max_file_bytes`)"
        );
        let e = limits.read(&[b'a', 0xff][..], "f").unwrap_err();
        assert!(e.to_string().contains("not UTF-8"), "{e}");
        assert_eq!(shortened("ab", 5), "ab");
        assert_eq!(shortened("aé", 2), "a…");
    }
}
