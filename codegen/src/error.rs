//! Errors and warnings, each naming the file, the item and the problem.

use std::fmt;

mod printable;
mod reason;
pub use printable::printable;
pub use reason::SkipReason;

/// Where in the input a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file the input came from, as the caller named it.
    pub file: String,
    /// Folder path and name of the item, when the problem belongs to one item.
    pub item: Option<String>,
}

impl Location {
    pub(crate) fn file(file: &str) -> Self {
        Location {
            file: file.to_owned(),
            item: None,
        }
    }

    pub(crate) fn item(file: &str, item: &str) -> Self {
        Location {
            file: file.to_owned(),
            item: Some(item.to_owned()),
        }
    }
}

/// Spec text in it is [`printable`].
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(f, "{}: item \"{}\"", printable(&self.file), printable(item)),
            None => f.write_str(&printable(&self.file)),
        }
    }
}

/// What went wrong, by stage.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Text that should be JSON is not; `line` and `column` are 1-based.
    InvalidJson {
        /// What held the JSON: the file itself, or a body inside it.
        what: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// The JSON is valid but not shaped the way the format requires.
    UnexpectedFormat(String),
    /// The input uses something the generator does not support.
    Unsupported(String),
    /// A URL or path that cannot be turned into a request path.
    InvalidUrl(String),
    /// The overlay refers to something that does not exist, or contradicts the collection.
    Overlay(String),
    /// Two things need the same Rust name and nothing in the spec tells them apart.
    NameConflict(String),
    /// The generated tokens did not parse as Rust (a generator bug, reported, never a panic).
    Emit(String),
    /// Reading a spec file or directory failed.
    Io(String),
}

/// A problem that stops generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Where the problem is.
    pub location: Location,
    /// What the problem is.
    pub kind: ErrorKind,
    /// Set where the kind alone would count the item under too broad a
    /// reason (an unsupported construct, an item without a URL).
    reason: Option<SkipReason>,
}

impl Error {
    pub(crate) fn new(location: Location, kind: ErrorKind) -> Self {
        Error {
            location,
            kind,
            reason: None,
        }
    }

    /// An item that uses a construct lowering does not support yet.
    pub(crate) fn unsupported(location: Location, reason: SkipReason, message: String) -> Self {
        Error::new(location, ErrorKind::Unsupported(message)).with_reason(reason)
    }

    pub(crate) fn with_reason(mut self, reason: SkipReason) -> Self {
        self.reason = Some(reason);
        self
    }

    /// Why the item of this error is left out, when it is skipped: the
    /// reason given where it was found, else one that follows from its kind.
    pub fn reason(&self) -> SkipReason {
        self.reason.unwrap_or(match self.kind {
            ErrorKind::InvalidJson { .. } => SkipReason::InvalidJson,
            ErrorKind::InvalidUrl(_) => SkipReason::InvalidUrl,
            ErrorKind::UnexpectedFormat(_) => SkipReason::MalformedItem,
            _ => SkipReason::Other,
        })
    }

    /// Turns a `serde_json` parse failure into an error that keeps line and column.
    pub(crate) fn json(location: Location, what: &str, err: &serde_json::Error) -> Self {
        // serde_json appends " at line L column C" to its message; the fields carry it.
        let message = err.to_string();
        let message = match message.rfind(" at line ") {
            Some(cut) => message[..cut].to_owned(),
            None => message,
        };
        Error::new(
            location,
            ErrorKind::InvalidJson {
                what: what.to_owned(),
                line: err.line(),
                column: err.column(),
                message,
            },
        )
    }
}

/// Spec text in it is [`printable`].
impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.text()))
    }
}

impl ErrorKind {
    fn text(&self) -> String {
        match self {
            ErrorKind::InvalidJson {
                what,
                line,
                column,
                message,
            } => format!("{what} is not valid JSON at line {line}, column {column}: {message}"),
            ErrorKind::UnexpectedFormat(msg) => format!("unexpected format: {msg}"),
            ErrorKind::Unsupported(msg) => format!("unsupported: {msg}"),
            ErrorKind::InvalidUrl(msg) => format!("invalid URL: {msg}"),
            ErrorKind::Overlay(msg) => format!("overlay: {msg}"),
            ErrorKind::NameConflict(msg) => format!("name conflict: {msg}"),
            ErrorKind::Emit(msg) => format!("internal error while emitting Rust: {msg}"),
            ErrorKind::Io(msg) => msg.clone(),
        }
    }
}

/// Spec text in it is [`printable`].
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)
    }
}

impl std::error::Error for Error {}

/// Every problem that stopped generation, in the order found: one run
/// reports them all, so a spec is fixed in one pass. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Errors {
    // Boxed: a `Result` carries its error inline, and most results are `Ok`.
    first: Box<Error>,
    rest: Vec<Error>,
}

impl Errors {
    /// The list, or `None` when it is empty (nothing stopped generation).
    pub(crate) fn from_list(mut list: Vec<Error>) -> Option<Errors> {
        if list.is_empty() {
            return None;
        }
        let rest = list.split_off(1);
        let first = Box::new(list.pop()?);
        Some(Errors { first, rest })
    }

    pub(crate) fn push(&mut self, error: Error) {
        self.rest.push(error);
    }

    /// The first problem found.
    pub fn first(&self) -> &Error {
        &self.first
    }

    /// Every problem, the first one first.
    pub fn iter(&self) -> impl Iterator<Item = &Error> {
        std::iter::once(&*self.first).chain(&self.rest)
    }

    /// How many problems there are (at least one).
    pub fn len(&self) -> usize {
        1 + self.rest.len()
    }

    /// Always `false`: there is at least one problem. (Clippy asks for it
    /// beside `len`.)
    pub fn is_empty(&self) -> bool {
        false
    }
}

impl From<Error> for Errors {
    fn from(first: Error) -> Self {
        Errors {
            first: Box::new(first),
            rest: Vec::new(),
        }
    }
}

/// One problem per line.
impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// Something left out of the generated module, or read only in part: an
/// item that is unsupported or unreadable (with
/// [`Options::skip_unsupported`](crate::Options)), a saved example that
/// cannot be read (its operation is kept without it), or JSON read leniently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The item skipped, or whose example was.
    pub location: Location,
    /// What was skipped and why.
    pub message: String,
    /// Why the whole item was left out; `None` when the item was kept.
    pub reason: Option<SkipReason>,
    /// Nothing was left out: the input was read differently than written
    /// (repaired, or taken untyped), and `message` says how.
    pub note: bool,
}

impl Warning {
    /// The item of `error` is left out.
    pub(crate) fn skipped_item(error: Error) -> Self {
        let reason = Some(error.reason());
        let message = match error.kind {
            // The historical wording: the kind is what was not supported.
            ErrorKind::Unsupported(message) => message,
            other => other.to_string(),
        };
        Warning {
            location: error.location,
            message,
            reason,
            note: false,
        }
    }

    /// A saved example of the item of `error` is left out; the item is kept.
    pub(crate) fn skipped_example(error: &Error) -> Self {
        Warning::skipped_part(
            error.location.clone(),
            format!("{}; the operation is kept without it", error.kind),
        )
    }

    /// A part of an item or collection is left out; the rest is kept.
    pub(crate) fn skipped_part(location: Location, message: String) -> Self {
        Warning {
            location,
            message,
            reason: None,
            note: false,
        }
    }

    /// Input read differently than written; nothing is left out.
    pub(crate) fn kept(location: Location, message: String) -> Self {
        Warning {
            location,
            message,
            reason: None,
            note: true,
        }
    }
}

/// Spec text in it is [`printable`].
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = printable(&self.message);
        if self.note {
            write!(f, "{}: {message}", self.location)
        } else {
            write!(f, "{}: skipped: {message}", self.location)
        }
    }
}
