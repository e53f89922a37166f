//! The future a plain call boxes stays small. It is allocated on every
//! call, and an allocation past the allocator's small sizes (glibc's
//! per-thread cache stops at 1,032 bytes) takes its slow path: when this
//! future was 2,080 bytes, its box cost a plain call about 500 instructions
//! more than the SDK's whole overhead over a hand-written call.

use crate::test_vendor::TEST;
use crate::{Auth, Client, Host, Method, Operation, PathPart};

static GET: Operation = Operation::new("get", Method::GET, &[PathPart::Literal("/v1/things")])
    .item("Get")
    .host(Host::MAIN)
    .idempotent(true)
    .auth(Auth::Basic);

/// The largest size glibc serves from its per-thread cache.
const SMALL: usize = 1032;

#[test]
fn a_plain_calls_sending_future_fits_the_allocators_small_sizes() {
    let client = Client::builder(&TEST, "user", "password")
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    let request = client.request::<&str>(&GET, &[]).unwrap();
    let sending = super::send(&client, request, None).unwrap();
    let size = std::mem::size_of_val(&*sending);
    assert!(
        size <= SMALL,
        "the sending future is {size} bytes: what lives across its awaits grew"
    );
}
