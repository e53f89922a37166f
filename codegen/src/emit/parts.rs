//! The module as a list of parts, formatted on worker threads and joined
//! in order.
//!
//! Tokens cannot cross threads (`proc_macro2` types are neither `Send` nor
//! `Sync`), and passing formatted text back to be lexed again costs more
//! than it saves. The model is plain data, though: each part is a recipe
//! that builds its own tokens from it, so a worker builds, parses and
//! prints a part from start to end, and only text comes back. Parts are
//! joined in list order, so the output does not depend on which worker
//! took which part, nor on how many there are.

use crate::emit::format::Formatted;
use proc_macro2::TokenStream;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Makes tokens from the model, on the thread that formats them.
type Build<'a> = Box<dyn Fn() -> Result<TokenStream, String> + Send + Sync + 'a>;

/// A part of the module: a sequence of whole top-level items, or some
/// items of one module that several parts print in turn.
pub(crate) struct Part<'a> {
    /// Roughly how many operations or definitions it prints: the heaviest
    /// parts are handed out first, so no worker starts a long one last
    /// while the others wait.
    weight: usize,
    build: Build<'a>,
    within: Option<Within<'a>>,
}

/// The module a part's items are in: what comes before its braces (docs,
/// attributes, `mod name`), and which of its parts this is.
struct Within<'a> {
    head: Build<'a>,
    first: bool,
    last: bool,
}

impl<'a> Part<'a> {
    /// A part that `build` makes the tokens of.
    pub(crate) fn new(
        weight: usize,
        build: impl Fn() -> Result<TokenStream, String> + Send + Sync + 'a,
    ) -> Self {
        Part {
            weight,
            build: Box::new(build),
            within: None,
        }
    }

    /// A module of many items in parts of `per_part` items each: one
    /// module's syntax tree is too large to hold at once. `head` makes what
    /// comes before the module's braces, and `items(range)` the items of
    /// those indices in `0..count`; every part weighs its item count and
    /// holds its own clone of `items` (share what it captures).
    pub(crate) fn module<H, I>(count: usize, per_part: usize, head: H, items: I) -> Vec<Self>
    where
        H: Fn() -> TokenStream + Copy + Send + Sync + 'a,
        I: Fn(std::ops::Range<usize>) -> Result<TokenStream, String> + Clone + Send + Sync + 'a,
    {
        let per_part = per_part.max(1);
        let parts = count.div_ceil(per_part).max(1);
        (0..parts)
            .map(|i| {
                let range = i * per_part..((i + 1) * per_part).min(count);
                let items = items.clone();
                Part {
                    weight: range.len(),
                    build: Box::new(move || items(range.clone())),
                    within: Some(Within {
                        head: Box::new(move || Ok(head())),
                        first: i == 0,
                        last: i + 1 == parts,
                    }),
                }
            })
            .collect()
    }

    /// Builds the part's tokens and appends them to `out`, formatted.
    fn format(&self, out: &mut Formatted) -> Result<(), String> {
        match &self.within {
            None => out.push_items((self.build)()?),
            Some(within) => {
                let head = (within.head)()?;
                let items = (self.build)()?;
                out.push_mod_slice(head, items, within.first, within.last)
            }
        }
    }
}

/// Below this many operations the module is formatted on the calling
/// thread: starting workers would cost more than it saves.
pub(crate) const SMALL: usize = 64;

/// How many threads to format a module of `operations` operations on.
pub(crate) fn threads(operations: usize) -> usize {
    if operations < SMALL {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Every part formatted, in order, on up to `threads` threads (the calling
/// one included); appended to `out`.
pub(crate) fn format_into(
    out: &mut Formatted,
    parts: &[Part<'_>],
    threads: usize,
) -> Result<(), String> {
    let threads = threads.clamp(1, parts.len().max(1));
    if threads == 1 {
        for part in parts {
            part.format(out)?;
        }
        return Ok(());
    }
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(parts[i].weight));
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<Formatted, String>)> = Vec::with_capacity(parts.len());
    std::thread::scope(|scope| {
        // A worker that cannot start leaves its share to the others, and
        // to this thread, which always takes part.
        let workers: Vec<_> = (1..threads)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, || work(parts, &order, &next))
                    .ok()
            })
            .collect();
        done.extend(work(parts, &order, &next));
        for worker in workers {
            match worker.join() {
                Ok(formatted) => done.extend(formatted),
                Err(_) => done.push((usize::MAX, Err("a formatting thread failed".to_owned()))),
            }
        }
    });
    done.sort_by_key(|(i, _)| *i);
    for (_, formatted) in done {
        out.append(formatted?);
    }
    Ok(())
}

/// Takes parts, in `order`, until none is left; each formatted on its own.
fn work(
    parts: &[Part<'_>],
    order: &[usize],
    next: &AtomicUsize,
) -> Vec<(usize, Result<Formatted, String>)> {
    let mut done = Vec::new();
    loop {
        let taken = next.fetch_add(1, Ordering::Relaxed);
        let Some(&i) = order.get(taken) else {
            return done;
        };
        let mut text = Formatted::new("", 0);
        let formatted = parts[i].format(&mut text).map(|()| {
            text.shrink_to_fit();
            text
        });
        // Every part is built even after an error: which error is
        // reported (the first in module order, as on one thread) must not
        // depend on timing.
        done.push((i, formatted));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::docs::doc_line;
    use quote::{format_ident, quote};

    /// A module printed in parts reads as it does printed whole, on one
    /// thread or several, with an item before and after it: its docs, the
    /// items' doc placeholders, the blank lines between them.
    #[test]
    fn a_module_in_parts_reads_as_it_does_whole() {
        let head = || {
            quote! {
                /// The statics.
                #[allow(dead_code)]
                pub mod statics
            }
        };
        let item = |i: usize| {
            let name = format_ident!("VALUE_NUMBER_{i}");
            let docs = doc_line(&format!(" Value {i}, documented at some length."));
            quote! { #docs pub static #name: (&str, &str) = ("a rather long text", "and another one"); }
        };
        for count in [0, 1, 4, 5, 13] {
            let before = || Ok(quote! { pub const BEFORE: u8 = 1; });
            let after = || Ok(quote! { pub const AFTER: u8 = 2; });
            let mut parts = vec![Part::new(1, before)];
            parts.extend(Part::module(count, 4, head, move |range| {
                Ok(range.map(item).collect())
            }));
            parts.push(Part::new(1, after));
            let mut whole = Formatted::new("", 0);
            let (h, items): (TokenStream, TokenStream) = (head(), (0..count).map(item).collect());
            whole
                .push_items(
                    quote! { pub const BEFORE: u8 = 1; #h { #items } pub const AFTER: u8 = 2; },
                )
                .unwrap();
            let whole = whole.finish();
            for threads in [1, 3] {
                let mut out = Formatted::new("", 0);
                format_into(&mut out, &parts, threads).unwrap();
                assert_eq!(out.finish(), whole, "{count} items, {threads} threads");
            }
        }
    }
}
