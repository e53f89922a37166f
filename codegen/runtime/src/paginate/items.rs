//! The items of a listing, page after page: what a generated listing
//! method returns.

use super::page::Page;
use super::pages::Pages;
use crate::{Client, Error, Request, Response, RetryPolicy};
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

impl Client {
    /// The items of the listing whose first page `request` asks for (or
    /// its error, when polled), each page decoded with `decode` (such as
    /// [`Response::json`]): what a generated `…_all` method returns. Public
    /// for a hand-built request.
    pub fn paginate<P: Page>(
        &self,
        request: Result<Request, Error>,
        decode: fn(Response) -> Result<P, Error>,
    ) -> Items<P> {
        Items {
            pages: Pages::new(self.clone(), request, decode),
            buffer: Vec::new().into_iter(),
            delivered: 0,
            max_items: None,
        }
    }
}

/// The items of a listing across its pages:
/// `while let Some(item) = items.next().await`, or as a
/// [`Stream`](https://docs.rs/futures-core/0.3/futures_core/stream/trait.Stream.html).
///
/// Each page is fetched when its first item is asked for, as a call of the
/// operation (see [`Pages`] for how the next page is found, sent and
/// refused). The items end after the last page, after
/// [`Items::max_items`] items or the items of [`Items::max_pages`] pages,
/// whichever comes first, and no page is requested beyond them; or with an
/// error, the failed page's own, once the items of the pages before it
/// were delivered. After the end or an error, it gives `None`.
///
/// `max_items` is how many items the caller wants in all; the API's own
/// page size (a `limit` or `per_page` query parameter, say) is an argument
/// of the listing method, sent with the first page.
///
/// One allocation a page (its items, and the call), none an item.
#[must_use = "a listing does nothing until it is polled"]
pub struct Items<P: Page> {
    pages: Pages<P>,
    /// The items of the last page not yet delivered.
    buffer: std::vec::IntoIter<P::Item>,
    delivered: usize,
    max_items: Option<usize>,
}

impl<P: Page> Items<P> {
    /// Ends after `items` items in all (0: nothing is sent); the page
    /// holding the last of them is the last one requested.
    pub fn max_items(mut self, items: usize) -> Self {
        self.max_items = Some(items);
        self
    }

    /// Ends after the items of `pages` pages (0: nothing is sent).
    pub fn max_pages(mut self, pages: usize) -> Self {
        self.pages = self.pages.max_pages(pages);
        self
    }

    /// Each page's deadline, retries included ([`Pages::timeout`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.pages = self.pages.timeout(timeout);
        self
    }

    /// Retries each page as `policy` allows ([`Pages::retry`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.pages = self.pages.retry(policy);
        self
    }

    /// Sends header `name: value` with every page ([`Pages::header`]).
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        self.pages = self.pages.header(name, value);
        self
    }

    /// How many pages were answered so far, failed ones included.
    pub fn pages_fetched(&self) -> usize {
        self.pages.pages_fetched()
    }

    /// The listing page by page instead of item by item, from the next
    /// page on: items of the current page not yet delivered are dropped,
    /// so call it before the first item. [`Items::max_items`] does not
    /// apply to pages; [`Items::max_pages`] and the options do.
    pub fn pages(self) -> Pages<P> {
        self.pages
    }

    /// The next item: `None` once the listing has ended, after its last
    /// item, its limit or its error.
    pub async fn next(&mut self) -> Option<Result<P::Item, Error>> {
        std::future::poll_fn(|cx| self.poll_item(cx)).await
    }

    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<P::Item, Error>>> {
        loop {
            if self.max_items.is_some_and(|max| self.delivered >= max) {
                return Poll::Ready(None);
            }
            if let Some(item) = self.buffer.next() {
                self.delivered += 1;
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(self.pages.poll_page(cx)) {
                None => return Poll::Ready(None),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                Some(Ok(page)) => self.buffer = page.into_items().into_iter(),
            }
        }
    }
}

impl<P: Page> Pages<P> {
    /// The items of these pages ([`Items`]).
    pub fn items(self) -> Items<P> {
        Items {
            pages: self,
            buffer: Vec::new().into_iter(),
            delivered: 0,
            max_items: None,
        }
    }
}

/// Nothing in a listing is pinned in place: the call in flight is boxed.
impl<P: Page> Unpin for Items<P> {}

impl<P: Page> futures_core::Stream for Items<P> {
    type Item = Result<P::Item, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_item(cx)
    }
}

impl<P: Page> futures_core::FusedStream for Items<P> {
    fn is_terminated(&self) -> bool {
        let limited = self.max_items.is_some_and(|max| self.delivered >= max);
        limited || (self.buffer.len() == 0 && futures_core::FusedStream::is_terminated(&self.pages))
    }
}

impl<P: Page> fmt::Debug for Items<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("delivered", &self.delivered)
            .field("buffered", &self.buffer.len())
            .field("max_items", &self.max_items)
            .finish()
    }
}
