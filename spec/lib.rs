//! Plivo's API as data: one Postman collection and one overlay per group of
//! operations, and the table of Plivo XML, as the `plivo` crate's build
//! script reads them.
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
    /// The file's path as shown in errors, such as `spec/phlo.overlay.json`.
    pub name: &'static str,
    /// The file's contents.
    pub text: &'static str,
}

/// A group of operations: its name (the `plivo` crate's feature of the same
/// name builds it), its collection and its overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// The group's name, such as `messages`: the files are `<name>.*`.
    pub name: &'static str,
    /// The Postman Collection v2.1: every request, its docs and example responses.
    pub collection: SpecFile,
    /// What the collection cannot say: constant fields, enums, formats, names.
    pub overlay: SpecFile,
}

macro_rules! groups {
    ($($name:literal),* $(,)?) => {
        /// Every group, by name.
        pub const GROUPS: &[Group] = &[$(Group {
            name: $name,
            collection: SpecFile {
                name: concat!("spec/", $name, ".postman_collection.json"),
                text: include_str!(concat!($name, ".postman_collection.json")),
            },
            overlay: SpecFile {
                name: concat!("spec/", $name, ".overlay.json"),
                text: include_str!(concat!($name, ".overlay.json")),
            },
        }),*];
    };
}

groups!(
    "account",
    "applications",
    "calls",
    "compliance",
    "conferences",
    "endpoints",
    "hosted_messaging",
    "lookup",
    "masking",
    "messages",
    "multiparty_calls",
    "numbers",
    "phlo",
    "powerpacks",
    "recordings",
    "tendlc",
    "tollfree_verification",
    "verify",
);

/// The group called `name`, if there is one.
pub fn group(name: &str) -> Option<&'static Group> {
    GROUPS.iter().find(|g| g.name == name)
}

/// Plivo XML as a table: every element the SDKs build, its attributes
/// (types, allowed values, ranges, defaults), its content and the elements
/// it may contain, SSML included.
pub const XML: SpecFile = SpecFile {
    name: "spec/xml/plivo-xml.json",
    text: include_str!("xml/plivo-xml.json"),
};
