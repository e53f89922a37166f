//! Why the next page a listing names is not requested.

use std::fmt;

/// Why a next-page link was not followed ([`crate::ErrorKind::PageLink`]).
///
/// The link itself is not shown: a listing's query can hold a filter on a
/// phone number or an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PageLinkProblem {
    /// The link points outside the URL the operation is sent to (another
    /// scheme, host or port, or a path outside the host's base path): the
    /// client's credentials are never sent there.
    OutsideHost,
    /// The link names a page already fetched in this listing: following it
    /// would loop for ever.
    Repeated,
    /// The link does not make a URL.
    Malformed,
    /// The operation is not a `GET`: a next page is requested with the
    /// first page's method and no body, which only a `GET` makes safe.
    NotGet,
}

impl fmt::Display for PageLinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PageLinkProblem::OutsideHost => {
                "the link points outside the operation's host, where credentials are never sent"
            }
            PageLinkProblem::Repeated => "the link names a page already fetched",
            PageLinkProblem::Malformed => "the link is not a URL",
            PageLinkProblem::NotGet => "only the pages of a GET operation are followed",
        })
    }
}
