//! What a page of a listing says: its items, and where the next page is.

/// A page of a listing: a response type that holds some items and says
/// where the next page is. The generator implements it for the response
/// type of each operation the spec says pages; [`crate::Client::paginate`]
/// follows its pages.
///
/// ```
/// use postman_runtime::{NextPage, Page};
///
/// #[derive(serde::Deserialize)]
/// struct Meta {
///     next: Option<String>,
/// }
///
/// #[derive(serde::Deserialize)]
/// struct ItemList {
///     meta: Meta,
///     objects: Vec<String>,
/// }
///
/// impl Page for ItemList {
///     type Item = String;
///
///     fn next_page(&self) -> NextPage<'_> {
///         NextPage::link(self.meta.next.as_deref())
///     }
///
///     fn into_items(self) -> Vec<String> {
///         self.objects
///     }
/// }
/// ```
pub trait Page {
    /// What the listing lists.
    type Item;

    /// Where the next page is: [`NextPage::End`] on the last page.
    fn next_page(&self) -> NextPage<'_>;

    /// The page's items, in order.
    fn into_items(self) -> Vec<Self::Item>;
}

/// Where the page after this one is; one variant per way an API says it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NextPage<'a> {
    /// This is the last page.
    End,
    /// A link to the next page: a path under the operation's host
    /// (`/v1/items/?offset=20`, appended to the host's URL as an
    /// operation's own path is), a reference relative to this page's URL
    /// (`?page=3`), or an absolute URL under the host's URL. A link
    /// anywhere else is refused
    /// ([`crate::PageLinkProblem::OutsideHost`]), never requested.
    Link(&'a str),
    /// The first page's request with its query parameter `name` set to
    /// `value` (every value it had replaced): a cursor (`cursor=abc`), a
    /// page number (`page=3`) or an offset the client works out.
    Query {
        /// The query parameter.
        name: &'static str,
        /// Its value for the next page, not yet percent-encoded.
        value: String,
    },
}

impl<'a> NextPage<'a> {
    /// A link when there is one, [`NextPage::End`] when `link` is `None`
    /// or blank (APIs end a listing with `null` or `""`).
    pub fn link(link: Option<&'a str>) -> Self {
        match link {
            Some(link) if !link.trim().is_empty() => NextPage::Link(link),
            _ => NextPage::End,
        }
    }
}

#[test]
fn a_missing_or_blank_link_ends_the_listing() {
    assert_eq!(NextPage::link(None), NextPage::End);
    assert_eq!(NextPage::link(Some(" ")), NextPage::End);
    assert_eq!(NextPage::link(Some("/a?b=1")), NextPage::Link("/a?b=1"));
}
