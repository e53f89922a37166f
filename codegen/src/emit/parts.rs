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

/// A part of the module: a sequence of whole top-level items.
pub(crate) struct Part<'a> {
    /// Roughly how many operations or definitions it prints: the heaviest
    /// parts are handed out first, so no worker starts a long one last
    /// while the others wait.
    weight: usize,
    build: Box<dyn Fn() -> Result<TokenStream, String> + Send + Sync + 'a>,
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
            out.push_items((part.build)()?)?;
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
        let formatted = (parts[i].build)().and_then(|tokens| {
            let mut text = Formatted::new("", 0);
            text.push_items(tokens)?;
            Ok(text)
        });
        // Every part is built even after an error: which error is
        // reported (the first in module order, as on one thread) must not
        // depend on timing.
        done.push((i, formatted));
    }
}
