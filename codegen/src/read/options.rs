//! What a caller hands the generator: the spec's files as named texts, and
//! the options. Kept in the first stage since every stage reads them.

use super::limits::Limits;
use super::overlay::DocExamples;
use std::collections::BTreeMap;

/// A named input text; the name appears in every error about it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file name shown in errors, such as `spec/api.postman_collection.json`.
    pub name: &'a str,
    /// The file's contents.
    pub text: &'a str,
}

/// Several collections and overlays that together describe one API.
///
/// Collections are generated in the order given (a spec folder gives them in
/// file-name order), their items concatenated; each collection's auth and
/// variables apply to its own items only. Overlays are merged: their
/// operations concatenated, their `resources` and `params` merged by key
/// (the same value twice is fine; two different values are an error naming
/// both files).
#[derive(Debug, Clone, Default)]
pub struct Spec<'a> {
    /// The collections.
    pub collections: Vec<Source<'a>>,
    /// The overlays.
    pub overlays: Vec<Source<'a>>,
}

impl<'a> Spec<'a> {
    /// A spec of one collection and its overlay, if any.
    pub fn new(collection: Source<'a>, overlay: Option<Source<'a>>) -> Self {
        Spec {
            collections: vec![collection],
            overlays: overlay.into_iter().collect(),
        }
    }
}

/// How to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Skip items that use unsupported constructs or cannot be read (a
    /// malformed body, URL or field), with one warning each, instead of
    /// failing. Mistakes in the overlay are errors either way.
    pub skip_unsupported: bool,
    /// Path of the runtime crate the generated code calls.
    pub runtime_path: String,
    /// Path of the host's client type, which the generated code extends
    /// and which must implement `AsRef<postman_runtime::Client>`.
    pub client_path: String,
    /// Methods the host's client type already has, which no generated
    /// accessor or operation on it may take (`new`, `builder`, ...).
    pub client_methods: Vec<String>,
    /// Give every operation a runnable example in its docs. `None` leaves
    /// it to the overlay's `doc_examples`, if it has one.
    pub doc_examples: Option<DocExamples>,
    /// Emit a hidden `example_calls` module: every operation called with
    /// the spec's example values, as the docs show it, listed in
    /// `example_calls::CALLS` with its item. For tests of what reaches the
    /// server; off by default.
    pub example_calls: bool,
    /// Generate only the items in these folders (and their sub-folders),
    /// each a path of folder names joined by `/`, such as `"Accounts"` or
    /// `"Accounts/Capabilities"`; empty generates every item. The items
    /// left out are not read past their names, and an overlay entry for
    /// one of them is set aside. A path that names no folder is an error.
    pub folders: Vec<String>,
    /// Bounds on the input: file size, name length, folder depth.
    pub limits: Limits,
    /// The cargo feature that gates each collection's items, by the
    /// collection's name ([`Source::name`]). The generated module decides
    /// every name over the whole spec, whatever features are enabled, and
    /// gates each item (`#[cfg(feature = ...)]`) by the features of the
    /// operations that use it; a collection without a feature is always
    /// generated, and so is whatever its operations use.
    pub features: BTreeMap<String, String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            skip_unsupported: false,
            runtime_path: "::postman_runtime".into(),
            client_path: "crate::Client".into(),
            client_methods: Vec::new(),
            doc_examples: None,
            example_calls: false,
            folders: Vec::new(),
            limits: Limits::default(),
            features: BTreeMap::new(),
        }
    }
}

impl Options {
    /// Sets [`Options::skip_unsupported`].
    pub fn with_skip_unsupported(mut self, skip: bool) -> Self {
        self.skip_unsupported = skip;
        self
    }

    /// Sets [`Options::runtime_path`].
    pub fn with_runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime_path = path.into();
        self
    }

    /// Sets [`Options::doc_examples`].
    pub fn with_doc_examples(mut self, examples: DocExamples) -> Self {
        self.doc_examples = Some(examples);
        self
    }

    /// Sets [`Options::example_calls`].
    pub fn with_example_calls(mut self, on: bool) -> Self {
        self.example_calls = on;
        self
    }

    /// Sets [`Options::folders`].
    pub fn with_folders<S: Into<String>>(mut self, folders: impl IntoIterator<Item = S>) -> Self {
        self.folders = folders.into_iter().map(Into::into).collect();
        self
    }

    /// Sets [`Options::limits`].
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Gates the items of the collection called `collection` by `feature`
    /// (see [`Options::features`]).
    pub fn with_feature(
        mut self,
        collection: impl Into<String>,
        feature: impl Into<String>,
    ) -> Self {
        self.features.insert(collection.into(), feature.into());
        self
    }

    /// Sets [`Options::client_path`].
    pub fn with_client_path(mut self, path: impl Into<String>) -> Self {
        self.client_path = path.into();
        self
    }

    /// Sets [`Options::client_methods`].
    pub fn with_client_methods<S: Into<String>>(
        mut self,
        methods: impl IntoIterator<Item = S>,
    ) -> Self {
        self.client_methods = methods.into_iter().map(Into::into).collect();
        self
    }
}
