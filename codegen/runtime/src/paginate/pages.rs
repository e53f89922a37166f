//! The pages of a listing, one call each: the first as the operation built
//! it, each next one where the page before it says ([`Page::next_page`]),
//! sent down the same call path as any call (`call.rs`), with the
//! operation's credentials, headers, timeouts and retry policy.

use super::link::resolve;
use super::page::{NextPage, Page};
use crate::call::options::CallOptions;
use crate::call::{Sending, send};
use crate::{Client, Error, ErrorKind, Method, PageLinkProblem, Request, Response, RetryPolicy};
use reqwest::Url;
use std::collections::HashSet;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// The pages of a listing, fetched one at a time as they are asked for:
/// `while let Some(page) = pages.next().await`, or as a
/// [`Stream`](https://docs.rs/futures-core/0.3/futures_core/stream/trait.Stream.html).
/// Made by [`crate::Items::pages`] from what a generated listing method
/// returns.
///
/// The first page is the operation's request as its method built it; each
/// next one is where the page before it says ([`Page::next_page`]), sent
/// as a call of the same operation: its credentials, its headers, the
/// client's timeouts and retry policy (or this listing's own, set below,
/// which apply to each page). The listing ends after the last page, after
/// [`Pages::max_pages`] pages, or with the first error, which is the
/// failed page's own (status, body, request id, attempts, delivery), after
/// every page before it was delivered. A next page that would leave the
/// operation's host, or one already fetched, ends it with
/// [`ErrorKind::PageLink`], nothing sent; so does a next page of an
/// operation other than `GET`.
///
/// Nothing is sent until it is polled; no page is asked for before the
/// caller asks for it.
#[must_use = "a listing does nothing until it is polled"]
pub struct Pages<P> {
    client: Client,
    /// The request of the next page; `None` once the listing has ended.
    next: Option<Result<Request, Error>>,
    /// The first page's request, without its body: the next pages are
    /// made from it.
    first: Option<Request>,
    /// The URL of the last page sent: a relative link resolves against it.
    current: Option<Url>,
    /// This listing's call options: the first page's as set (a refusal
    /// included), the next pages' as checked by the first.
    options: Option<Box<CallOptions>>,
    decode: fn(Response) -> Result<P, Error>,
    sending: Option<Sending>,
    /// The URL of every page sent, so that none is asked for twice.
    fetched: HashSet<String>,
    pages: usize,
    max_pages: Option<usize>,
}

impl<P: Page> Pages<P> {
    pub(super) fn new(
        client: Client,
        request: Result<Request, Error>,
        decode: fn(Response) -> Result<P, Error>,
    ) -> Self {
        Pages {
            client,
            next: Some(request),
            first: None,
            current: None,
            options: None,
            decode,
            sending: None,
            fetched: HashSet::new(),
            pages: 0,
            max_pages: None,
        }
    }

    fn options(&mut self) -> &mut CallOptions {
        self.options.get_or_insert_with(Box::default)
    }

    /// Ends the listing after `pages` pages (0: nothing is sent).
    pub fn max_pages(mut self, pages: usize) -> Self {
        self.max_pages = Some(pages);
        self
    }

    /// Each page's deadline, retries included, instead of the client's
    /// timeout ([`crate::Call::timeout`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options().timeout = Some(timeout);
        self
    }

    /// Retries each page as `policy` allows instead of the client's policy
    /// ([`crate::Call::retry`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.options().retry = Some(policy);
        self
    }

    /// Sends header `name: value` with every page, under the rules of
    /// [`crate::Call::header`]: a refused header fails the first page,
    /// nothing sent.
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        self.options().add_header(name.as_ref(), value.as_ref());
        self
    }

    /// How many pages were answered so far, failed ones included.
    pub fn pages_fetched(&self) -> usize {
        self.pages
    }

    /// The next page: `None` once the listing has ended, after its last
    /// page or its error.
    pub async fn next(&mut self) -> Option<Result<P, Error>> {
        std::future::poll_fn(|cx| self.poll_page(cx)).await
    }

    /// Sends the next page's request when first polled, then polls it.
    pub(super) fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<P, Error>>> {
        if self.sending.is_none() {
            if self.max_pages.is_some_and(|max| self.pages >= max) {
                self.next = None;
            }
            let request = match self.next.take() {
                None => return Poll::Ready(None),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                Some(Ok(request)) => request,
            };
            match self.start(request) {
                Ok(sending) => self.sending = Some(sending),
                Err(error) => return Poll::Ready(Some(Err(error))),
            }
        }
        let Some(sending) = &mut self.sending else {
            return Poll::Ready(None);
        };
        let Poll::Ready(result) = sending.as_mut().poll(cx) else {
            return Poll::Pending;
        };
        self.sending = None;
        self.pages += 1;
        let page = match result.and_then(self.decode) {
            Ok(page) => page,
            Err(error) => return Poll::Ready(Some(Err(error))),
        };
        self.next = self.after(&page);
        Poll::Ready(Some(Ok(page)))
    }

    /// The sending of `request`, unless its URL was fetched already.
    fn start(&mut self, request: Request) -> Result<Sending, Error> {
        let operation = request.operation();
        let url = self
            .client
            .state()
            .url(operation, request.path_and_query())
            .map_err(|e| e.in_operation(operation.name))?;
        if !self.fetched.insert(url.as_str().to_owned()) {
            return Err(refused(PageLinkProblem::Repeated, &request));
        }
        let options = if self.first.is_none() {
            // The first page's options carry any refusal, which `send`
            // reports; the next pages' are copies of them once checked.
            let original = self.options.take();
            self.options = original.as_deref().map(|o| Box::new(o.copy_checked()));
            self.first = Some(request.for_page(request.path_and_query().to_owned()));
            original
        } else {
            self.options.as_deref().map(|o| Box::new(o.copy_checked()))
        };
        self.current = Some(url);
        send(&self.client, request, options)
    }

    /// The request of the page after `page`, or why there is none to send.
    fn after(&self, page: &P) -> Option<Result<Request, Error>> {
        let first = self.first.as_ref()?;
        let next = page.next_page();
        if next == NextPage::End {
            return None;
        }
        if first.operation().method != Method::GET {
            return Some(Err(refused(PageLinkProblem::NotGet, first)));
        }
        Some(match next {
            NextPage::End => return None,
            NextPage::Link(link) => {
                let operation = first.operation();
                let base = match self.client.state().base_of(operation) {
                    Ok(base) => base,
                    Err(error) => return Some(Err(error.in_operation(operation.name))),
                };
                let current = self.current.as_ref()?;
                resolve(link, &base, current)
                    .map(|path_and_query| first.for_page(path_and_query))
                    .map_err(|problem| refused(problem, first))
            }
            NextPage::Query { name, value } => Ok(first.with_query_value(name, &value)),
        })
    }
}

/// The error of a next page not requested.
fn refused(problem: PageLinkProblem, request: &Request) -> Error {
    Error::new(ErrorKind::PageLink { problem }).in_operation(request.operation().name)
}

/// Nothing in a listing is pinned in place: the call in flight is boxed.
impl<P> Unpin for Pages<P> {}

impl<P: Page> futures_core::Stream for Pages<P> {
    type Item = Result<P, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_page(cx)
    }
}

impl<P: Page> futures_core::FusedStream for Pages<P> {
    fn is_terminated(&self) -> bool {
        self.next.is_none() && self.sending.is_none()
    }
}

impl<P> fmt::Debug for Pages<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let operation = match (&self.first, &self.next) {
            (Some(first), _) | (None, Some(Ok(first))) => Some(first.operation().name),
            _ => None,
        };
        f.debug_struct("Pages")
            .field("operation", &operation)
            .field("pages_fetched", &self.pages)
            .field("max_pages", &self.max_pages)
            .field("options", &self.options)
            .field("ended", &(self.next.is_none() && self.sending.is_none()))
            .finish_non_exhaustive()
    }
}
