//! Plivo's PHLO API as data: the Postman collection and its overlay, and
//! the table of Plivo XML, as the `plivo` crate's build script reads them.
//!
//! The files beside this one are the source of truth; this crate exists so
//! that a build script can depend on them through Cargo (which then reruns
//! it whenever they change) and so that the published `plivo` crate carries
//! its spec without copies or symlinks.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// One spec file: the name errors and the generated header show, and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecFile {
    /// The file's path as shown in errors, such as `spec/plivo-phlo.overlay.json`.
    pub name: &'static str,
    /// The file's contents.
    pub text: &'static str,
}

/// The Postman Collection v2.1: every request, its docs and example responses.
pub const COLLECTION: SpecFile = SpecFile {
    name: "spec/plivo-phlo.postman_collection.json",
    text: include_str!("plivo-phlo.postman_collection.json"),
};

/// What a collection cannot say: constant fields, enums, formats, names.
pub const OVERLAY: SpecFile = SpecFile {
    name: "spec/plivo-phlo.overlay.json",
    text: include_str!("plivo-phlo.overlay.json"),
};

/// Plivo XML as a table: every element the SDKs build, its attributes
/// (types, allowed values, ranges, defaults), its content and the elements
/// it may contain, SSML included.
pub const XML: SpecFile = SpecFile {
    name: "spec/xml/plivo-xml.json",
    text: include_str!("xml/plivo-xml.json"),
};
