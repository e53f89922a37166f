//! The path parameters a generated resource handle holds, and how a child
//! handle gets its parent's.
//!
//! A handle shares the client and holds one `Cow` per path parameter: an
//! id given as `&str` is borrowed, one given as a `String` is moved in, so
//! building `client.a(id).b(id)` allocates nothing of its own. The list is an
//! array whose length is the handle's depth in the path, written once per
//! handle type, so the generated code grows linearly with the path.

use std::borrow::Cow;

/// One path parameter of a handle: borrowed or owned, as the caller gave it.
pub type PathParam<'a> = Cow<'a, str>;

/// The parameters of a child handle: its parent's (cloned, which copies a
/// borrowed one and allocates only for an owned one), then its own.
///
/// `M` must be `N + 1`: the generated code names both lengths, and a
/// mismatch is a compile error, never a panic.
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
    fn the_first_parameter_needs_no_parent() {
        let child: [PathParam<'_>; 1] = child_params(&[], Cow::Borrowed("x"));
        assert_eq!(child, [Cow::Borrowed("x")]);
    }
}
