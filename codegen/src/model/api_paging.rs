//! The model of a listing that pages: what an operation's descriptor and
//! its `…_all` method say, and how its page type gives its items and its
//! next page. Part of [`crate::model::api`], which re-exports it.

use crate::model::api_types::TypeRef;

/// How an operation pages (offset paging with a link to the next page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PagingSpec {
    /// The method that lists every item, page after page.
    pub method_name: String,
    /// The response type, which implements the runtime's `Page`.
    pub page_type: String,
    /// The query parameters of a page's size and of the items skipped.
    pub limit: String,
    pub offset: String,
    /// Places in a page, as paths of wire keys.
    pub items: Vec<String>,
    pub next: Vec<String>,
    pub previous: Option<Vec<String>>,
    pub total: Option<Vec<String>>,
    /// The page's own limit and offset, when it states both.
    pub echo: Option<(Vec<String>, Vec<String>)>,
    pub default_limit: u32,
    pub max_limit: Option<u32>,
}

/// How a page type implements `Page`: the Rust fields leading to its items
/// and to its next link.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PageImpl {
    pub items: Vec<FieldStep>,
    /// The type of one item.
    pub item: TypeRef,
    pub next: Vec<FieldStep>,
    /// The link is any JSON (the examples only showed `null`), read when it
    /// is a string.
    pub next_is_json: bool,
}

/// One field on the way to a place in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldStep {
    /// The field's Rust name.
    pub field: String,
    /// It is an `Option`.
    pub optional: bool,
}
