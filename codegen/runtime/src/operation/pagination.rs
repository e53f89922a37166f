//! How an operation's answers are split into pages, as the descriptors
//! state it: what the mock needs to serve more than one page. The client
//! follows pages through the [`crate::Page`] trait of the response type,
//! which the generator implements from the same facts.

/// How a listing is paged; one variant per strategy.
///
/// Only offset paging with a next link is described so far; a cursor,
/// page number or `Link` header strategy would be another variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Pagination {
    /// Offset paging: see [`OffsetPaging`].
    Offset(OffsetPaging),
}

/// Offset paging: the request says how many items a page holds and how
/// many to skip, in two query parameters (`?limit=20&offset=40`); the page
/// holds its items in an array and a link to the next page (a URL relative
/// to the host, or `null` on the last page), and may state the previous
/// page, the total and its own limit and offset.
///
/// Places in a page are paths of object keys from the top of the body
/// (`&["meta", "next"]` is `body.meta.next`).
///
/// ```
/// use postman_runtime::{Method, OffsetPaging, Operation, PathPart, Pagination};
///
/// static LIST: Operation = Operation::new("list_items", Method::GET, &[PathPart::Literal("/items/")])
///     .idempotent(true)
///     .pagination(Pagination::Offset(
///         OffsetPaging::new("limit", "offset", &["objects"], &["meta", "next"])
///             .previous(&["meta", "previous"])
///             .total(&["meta", "total_count"])
///             .echo(&["meta", "limit"], &["meta", "offset"])
///             .limits(20, Some(20)),
///     ));
/// assert!(LIST.pagination.is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct OffsetPaging {
    /// The query parameter of a page's size.
    pub limit: &'static str,
    /// The query parameter of the number of items skipped.
    pub offset: &'static str,
    /// Where a page holds its items (an array).
    pub items: &'static [&'static str],
    /// Where a page holds the link to the next one.
    pub next: &'static [&'static str],
    /// Where a page holds the link to the previous one, if it does.
    pub previous: Option<&'static [&'static str]>,
    /// Where a page states how many items the listing holds, if it does.
    pub total: Option<&'static [&'static str]>,
    /// Where a page states its own limit, if it does.
    pub limit_echo: Option<&'static [&'static str]>,
    /// Where a page states its own offset, if it does.
    pub offset_echo: Option<&'static [&'static str]>,
    /// A page's size when the request gives none.
    pub default_limit: u32,
    /// The largest size the API serves, if it states one: a larger limit
    /// is refused.
    pub max_limit: Option<u32>,
}

impl OffsetPaging {
    /// Paging by the query parameters `limit` and `offset`, the items at
    /// `items` and the next link at `next`; no previous link, total or
    /// echo; 20 items a page by default, no maximum.
    pub const fn new(
        limit: &'static str,
        offset: &'static str,
        items: &'static [&'static str],
        next: &'static [&'static str],
    ) -> Self {
        OffsetPaging {
            limit,
            offset,
            items,
            next,
            previous: None,
            total: None,
            limit_echo: None,
            offset_echo: None,
            default_limit: 20,
            max_limit: None,
        }
    }

    /// The same, with the previous page's link at `path`.
    #[must_use]
    pub const fn previous(mut self, path: &'static [&'static str]) -> Self {
        self.previous = Some(path);
        self
    }

    /// The same, with the number of items in the listing at `path`.
    #[must_use]
    pub const fn total(mut self, path: &'static [&'static str]) -> Self {
        self.total = Some(path);
        self
    }

    /// The same, with the page's own limit at `limit` and offset at
    /// `offset`.
    #[must_use]
    pub const fn echo(
        mut self,
        limit: &'static [&'static str],
        offset: &'static [&'static str],
    ) -> Self {
        self.limit_echo = Some(limit);
        self.offset_echo = Some(offset);
        self
    }

    /// The same, `default` items a page when the request gives no limit,
    /// and a limit above `max` (when given) refused.
    #[must_use]
    pub const fn limits(mut self, default: u32, max: Option<u32>) -> Self {
        self.default_limit = default;
        self.max_limit = max;
        self
    }
}
