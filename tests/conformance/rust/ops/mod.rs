//! Every case of cases/*.json as a call of the generated client: one file
//! per group, one line per case, keyed by the case's id.
//!
//! A builder reads the case's logical arguments (`Args`) and returns the
//! call unsent (`erase`), so the same line serves sending the case to the
//! recorder and parsing a fixture into the operation's response type.

use crate::args::Args;
use crate::erased::Built;
use plivo::Client;

/// A query-parameter struct from a case's `query` arguments: each
/// `"wire name": Type => setter` is set when the case gives it.
#[allow(unused_macros)] // used by the calls of the catalogue's groups
macro_rules! params {
    ($args:expr, $params:expr $(, $name:literal : $ty:ty => $with:ident)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut params = $params;
        $(
            if let Some(value) = $args.query::<$ty>($name)? {
                params = params.$with(value);
            }
        )*
        params
    }};
}
#[allow(unused_imports)]
pub(crate) use params;

/// A multipart request struct from a case's arguments, every field named:
/// required body fields, optional ones, then optional uploads (`$files`).
#[allow(unused_macros)] // used by the calls of the catalogue's groups
macro_rules! multipart {
    ($args:expr, $ty:ident { $($req:ident),* ; $($opt:ident),* ; $($file:ident),* $(,)? }) => {
        $ty {
            $($req: $args.required(stringify!($req))?,)*
            $($opt: $args.field(stringify!($opt))?,)*
            $($file: $args.upload_opt(stringify!($file))?,)*
        }
    };
}
#[allow(unused_imports)]
pub(crate) use multipart;

mod account;
mod applications;
mod calls;
mod compliance;
mod conferences;
mod endpoints;
mod hosted_messaging;
mod lookup;
mod masking;
mod messages;
mod multiparty_calls;
mod numbers;
mod phlo;
mod powerpacks;
mod recordings;
mod tendlc;
mod tollfree_verification;
mod verify;

/// A case id and how to build its call.
pub type Case = (&'static str, fn(&Client, &Args) -> Built);

/// Every group's cases.
pub fn all() -> Vec<Case> {
    [
        account::CASES,
        applications::CASES,
        calls::CASES,
        compliance::CASES,
        conferences::CASES,
        endpoints::CASES,
        hosted_messaging::CASES,
        lookup::CASES,
        masking::CASES,
        messages::CASES,
        multiparty_calls::CASES,
        numbers::CASES,
        phlo::CASES,
        powerpacks::CASES,
        recordings::CASES,
        tendlc::CASES,
        tollfree_verification::CASES,
        verify::CASES,
    ]
    .concat()
}

/// The builder of case `id`.
pub fn find(id: &str) -> Option<fn(&Client, &Args) -> Built> {
    all()
        .into_iter()
        .find(|(case, _)| *case == id)
        .map(|(_, build)| build)
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
