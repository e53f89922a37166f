//! How to generate: the [`Options`] every entry point takes, read with the
//! input.

use super::limits::Limits;
use super::overlay::DocExamples;

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
