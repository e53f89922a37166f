//! A Postman Collection (v2.0 or v2.1) as plain Rust data: what
//! `postman_items`, `postman_request` and `postman_fields` read it into.

use crate::error::{Error, Warning};
use std::collections::BTreeMap;

/// A whole collection.
#[derive(Debug, Clone)]
pub(crate) struct Collection {
    pub name: String,
    /// Collection variables: name to value.
    pub variables: BTreeMap<String, String>,
    /// Every request in document order, folders flattened.
    pub items: Vec<Item>,
    /// What was read leniently at the collection's level (the file itself,
    /// its variables); the items are still read.
    pub warnings: Vec<Warning>,
    /// The names of the top-level folders, to say what there is when a
    /// chosen folder is not found.
    pub top_folders: Vec<String>,
}

/// An authentication declaration (`"auth": {"type": "basic", ...}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Auth {
    /// `basic`, `noauth`, `bearer`, `apikey`, ...
    pub kind: String,
    /// The scheme's parameters, such as `username` and `password`.
    pub params: BTreeMap<String, String>,
}

/// One request, with the folders it sits in.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub folders: Vec<String>,
    pub name: String,
    /// The auth in force: the request's own, else the nearest folder's, else the collection's.
    pub auth: Option<Auth>,
    pub request: Request,
    pub examples: Vec<Example>,
    /// Why the item (or the folder it stands for) could not be read; the
    /// rest of the collection still is.
    pub broken: Option<Error>,
    /// Saved examples left out because they could not be read.
    pub dropped: Vec<Warning>,
}

impl Item {
    /// An item (or folder) that could not be read: it keeps its place, name
    /// and, when it says one, its method, so that reports and overlay
    /// entries still find it.
    pub(super) fn unreadable(
        folders: &[String],
        name: String,
        method: String,
        error: Error,
    ) -> Item {
        Item {
            folders: folders.to_vec(),
            name,
            auth: None,
            request: Request {
                method,
                ..Request::default()
            },
            examples: Vec::new(),
            broken: Some(error),
            dropped: Vec::new(),
        }
    }

    /// `Folder / Sub-folder / Name`, as errors and docs show it.
    pub(crate) fn display_path(&self) -> String {
        let mut parts = self.folders.clone();
        parts.push(self.name.clone());
        parts.join(" / ")
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Request {
    pub method: String,
    pub url: Url,
    pub headers: Vec<KeyValue>,
    pub body: Body,
    pub description: String,
}

/// A header, query parameter or path variable.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct KeyValue {
    pub key: String,
    /// `None` for a query flag without `=`.
    pub value: Option<String>,
    pub description: String,
    pub disabled: bool,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Url {
    pub raw: Option<String>,
    pub protocol: Option<String>,
    /// Host labels; a single label may be a `{{variable}}` holding a whole base URL.
    pub host: Option<Vec<String>>,
    pub port: Option<String>,
    pub path: Option<Vec<String>>,
    pub query: Option<Vec<KeyValue>>,
    pub variables: Vec<KeyValue>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum Body {
    #[default]
    None,
    Raw {
        text: String,
        language: Option<String>,
    },
    /// `urlencoded`: fields in order; a key may repeat and may be written
    /// with brackets (`metadata[key]`); disabled fields are optional.
    Urlencoded(Vec<KeyValue>),
    /// `formdata`: text and file parts in order.
    FormData(Vec<FormPart>),
    /// `file`: the whole body is one file, by the path Postman saved.
    File { src: Option<String> },
    /// `graphql`: the query, and the variables' JSON text as written.
    GraphQl {
        query: String,
        variables: Option<String>,
    },
    /// A mode Postman does not define.
    Other(String),
}

/// One part of a multipart (`formdata`) body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FormPart {
    /// Name, text value (for a text part), description and `disabled`.
    pub field: KeyValue,
    /// A file part (`"type": "file"`), rather than text.
    pub is_file: bool,
    /// A file part's saved path, when it has one.
    pub src: Option<String>,
    /// The part's own `contentType`, when the spec gives one.
    pub content_type: Option<String>,
}

/// A saved example response.
#[derive(Debug, Clone)]
pub(crate) struct Example {
    pub name: String,
    pub status: Option<u16>,
    pub body: Option<String>,
    /// The saved response's `Content-Type` header, if it has one: what the
    /// body is when its text cannot say (a PDF or an image is saved as
    /// lossy text, or not at all).
    pub content_type: Option<String>,
    /// The body of the request that produced the example, if saved.
    pub request_body: Body,
}
