//! One change between two models, and the rules that classify it for users
//! of the generated Rust API.

use crate::error::printable;
use std::fmt;

/// What a change means for code written against the generated API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Code that compiled against the old API may not compile, or may mean
    /// something else, against the new one.
    Breaking,
    /// Code written against the old API compiles and behaves as before; the
    /// new API offers more, or follows the spec to a new place.
    Additive,
    /// Only documentation or examples change.
    Docs,
}

impl Verdict {
    /// The word the report and tests use: `breaking`, `additive`, `docs`.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Breaking => "breaking",
            Verdict::Additive => "additive",
            Verdict::Docs => "docs",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Which side of the wire a type or field is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Built by callers: request bodies, query and header parameters.
    Request,
    /// Decoded from the API.
    Response,
}

/// The kind of a change, with what the rules need to classify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// An operation (a method) appears.
    OperationAdded,
    /// An operation disappears.
    OperationRemoved,
    /// The same method and path template now has another Rust name.
    OperationRenamed,
    /// The same item (or Rust name) now calls another method or path;
    /// `same_signature` when the Rust call is written as before.
    OperationMoved {
        /// The Rust call path and its path parameters are unchanged.
        same_signature: bool,
    },
    /// The shared base URL (scheme, host, path prefix) changes.
    BaseUrlChanged,
    /// The authentication an operation uses changes.
    AuthChanged,
    /// Whether an operation is retried after a failure changes.
    RetryChanged,
    /// A body appears or disappears, or becomes optional or required: the
    /// method's arguments change.
    BodyArgumentChanged,
    /// Query or header parameters appear or disappear: the method's
    /// arguments change.
    ParamsArgumentChanged,
    /// A body field with a fixed value (sent by the runtime) is added,
    /// removed or changes value.
    ConstantChanged,
    /// A body or response is now of another type.
    Retyped,
    /// A named type appears.
    TypeAdded,
    /// A named type disappears.
    TypeRemoved,
    /// A name that was an alias of another type (one shape, one type) is
    /// no longer that type: its own struct, or an alias of another.
    TypeUnshared,
    /// Two names that were distinct types are now one type.
    TypesMerged,
    /// A field appears.
    FieldAdded {
        /// Request or response side.
        direction: Direction,
        /// Callers must set it.
        required: bool,
    },
    /// A field disappears.
    FieldRemoved,
    /// A field keeps its wire name but changes its Rust name.
    FieldRenamed,
    /// A field is now of another type.
    FieldRetyped,
    /// A field that was optional becomes required.
    FieldMadeRequired,
    /// A field that was required becomes optional.
    FieldMadeOptional,
    /// The runtime starts checking a field's format, or checks another one.
    FormatAdded,
    /// The runtime stops checking a field's format.
    FormatRemoved,
    /// An enum gains a value.
    EnumValueAdded {
        /// Request or response side.
        direction: Direction,
    },
    /// An enum loses a value.
    EnumValueRemoved,
    /// An enum value keeps its wire text but changes its Rust name.
    EnumValueRenamed,
    /// An enum starts keeping values it does not list.
    EnumOpened,
    /// An enum stops keeping values it does not list.
    EnumClosed,
    /// A description changes.
    DocChanged,
    /// An example changes (body, saved response, parameter value).
    ExampleChanged,
}

/// The rules, one line per kind of change, for the API the generator emits
/// (issue 12, item 1): request and response types are `#[non_exhaustive]`,
/// request types have a constructor for required fields and setters for
/// optional ones, and an enum keeps an unknown value sealed.
///
/// Changes no compiler sees but that move where a call goes (host, path)
/// follow the spec and count as additive; an auth change may make a working
/// call fail and counts as breaking.
// One line per rule reads as a table; rustfmt would spread the patterns out.
#[rustfmt::skip]
pub fn verdict(kind: ChangeKind) -> Verdict {
    use ChangeKind as K;
    use Direction::{Request, Response};
    use Verdict::{Additive, Breaking, Docs};
    match kind {
        K::OperationAdded                                      => Additive,
        K::OperationRemoved | K::OperationRenamed              => Breaking,
        K::OperationMoved { same_signature: true }             => Additive,
        K::OperationMoved { same_signature: false }            => Breaking,
        K::BaseUrlChanged                                      => Additive,
        // A call that worked may be refused, or send credentials elsewhere.
        K::AuthChanged                                         => Breaking,
        K::RetryChanged                                        => Additive,
        K::BodyArgumentChanged | K::ParamsArgumentChanged      => Breaking,
        K::ConstantChanged                                     => Additive,
        K::Retyped                                             => Breaking,
        K::TypeAdded                                           => Additive,
        K::TypeRemoved                                         => Breaking,
        // Code that mixed the two names, or gave each its own impl, breaks.
        K::TypeUnshared | K::TypesMerged                       => Breaking,
        // The constructor takes every required field: a new one changes it.
        K::FieldAdded { direction: Request, required: true }   => Breaking,
        K::FieldAdded { direction: Request, required: false }  => Additive,
        K::FieldAdded { direction: Response, .. }              => Additive,
        K::FieldRemoved | K::FieldRenamed | K::FieldRetyped    => Breaking,
        // `T` and `Option<T>` are different types, on either side.
        K::FieldMadeRequired | K::FieldMadeOptional            => Breaking,
        // A value that was sent may now be refused before sending.
        K::FormatAdded                                         => Breaking,
        K::FormatRemoved                                       => Additive,
        // Request enums accept a value the crate does not list yet;
        // response enums keep an unknown value, sealed.
        K::EnumValueAdded { direction: Request | Response }    => Additive,
        K::EnumValueRemoved | K::EnumValueRenamed              => Breaking,
        K::EnumOpened                                          => Additive,
        K::EnumClosed                                          => Breaking,
        K::DocChanged | K::ExampleChanged                      => Docs,
    }
}

/// One change, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// What it means for users of the generated API ([`verdict`] of `kind`).
    pub verdict: Verdict,
    /// The change in one line, naming the Rust item (such as
    /// ``field `level` added to `LightsOnRequest` (optional)``).
    pub text: String,
}

impl Change {
    /// `text` names things of the spec: it is made [`printable`], so a
    /// report or CHANGELOG entry keeps one line per change.
    pub(crate) fn new(kind: ChangeKind, text: String) -> Self {
        Change {
            kind,
            verdict: verdict(kind),
            text: printable(&text).into_owned(),
        }
    }
}
