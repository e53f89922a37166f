//! What generation allocates, counted (a count, not a time, so the test is
//! as steady on a loaded machine as on an idle one): it must grow linearly
//! with the input. One path of many parameters once grew quadratically in
//! time and memory while the code it printed grew linearly, which
//! `growth.rs`, counting the code, could not see.

#[path = "growth/deep_path.rs"]
mod deep_path;

use deep_path::deep_path;
use postman_codegen::{Options, Source, generate};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes every allocation asks for.
struct Counting;

static ASKED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ASKED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ASKED.fetch_add(new_size.saturating_sub(layout.size()), Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes asked of the allocator to generate the module of `text`.
fn asked(text: &str) -> usize {
    let before = ASKED.load(Ordering::Relaxed);
    let output = generate(
        Source {
            name: "deep.json",
            text,
        },
        None,
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.operations, 1);
    ASKED.load(Ordering::Relaxed) - before
}

/// Eight times the parameters ask about eight times the bytes (8.1); 12.1
/// times while each handle kept a copy of its path's steps and the overlay
/// lookup wrote them all out.
#[test]
fn one_long_path_allocates_linearly() {
    let (small, large) = (deep_path(250), deep_path(2_000));
    let (small, large) = (asked(&small), asked(&large));
    let ratio = large as f64 / small as f64;
    assert!(
        ratio < 10.0,
        "8x the parameters asked {ratio:.1}x the memory ({small} then {large} bytes)"
    );
}
