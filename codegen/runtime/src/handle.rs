//! The path parameters a generated resource handle holds, and how a child
//! handle gets its parent's.
//!
//! A handle shares the client and holds one `Cow` per path parameter: an
//! id given as `&str` is borrowed, one given as a `String` is moved in, so
//! building `client.a(id).b(id)` from borrowed ids allocates nothing (a
//! child of a handle holding owned ids copies them). The list is an
//! array whose length is the handle's depth in the path, written once per
//! handle type, so the generated code grows linearly with the path.

use std::borrow::Cow;

/// One path parameter of a handle: borrowed or owned, as the caller gave it.
pub type PathParam<'a> = Cow<'a, str>;

/// The parameters of a child handle: its parent's (cloned, which copies a
/// borrowed one and allocates only for an owned one), then its own.
///
/// `M` must be `N + 1`: the generated code names both lengths, and a
/// mismatch fails to compile (where the accessor is used), never panics.
pub fn child_params<'a, const N: usize, const M: usize>(
    parent: &[PathParam<'a>; N],
    own: PathParam<'a>,
) -> [PathParam<'a>; M] {
    const {
        assert!(
            M == N + 1,
            "a child handle holds one parameter more than its parent"
        )
    };
    let mut own = Some(own);
    std::array::from_fn(|i| match parent.get(i) {
        Some(p) => p.clone(),
        None => own.take().unwrap_or_default(),
    })
}

/// The same parameters, each owned: a handle's `into_owned`, which makes it
/// `'static` (it copies each borrowed id once).
pub fn owned_params<const N: usize>(params: [PathParam<'_>; N]) -> [PathParam<'static>; N] {
    params.map(|p| Cow::Owned(p.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_holds_its_parents_parameters_then_its_own() {
        let parent: [PathParam<'_>; 2] = [Cow::Borrowed("a"), Cow::Owned("b".to_owned())];
        let child: [PathParam<'_>; 3] = child_params(&parent, Cow::Borrowed("c"));
        assert_eq!(child, ["a", "b", "c"].map(Cow::Borrowed));
        assert!(matches!(child[0], Cow::Borrowed(_)));
    }

    #[test]
    fn owned_parameters_outlive_what_they_were_borrowed_from() {
        let owned: [PathParam<'static>; 2] = {
            let id = String::from("a");
            owned_params([Cow::Borrowed(id.as_str()), Cow::Borrowed("b")])
        };
        assert_eq!(owned, ["a", "b"].map(Cow::Borrowed));
    }

    #[test]
    fn the_first_parameter_needs_no_parent() {
        let child: [PathParam<'_>; 1] = child_params(&[], Cow::Borrowed("x"));
        assert_eq!(child, [Cow::Borrowed("x")]);
    }
}
