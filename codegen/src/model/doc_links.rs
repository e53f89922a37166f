//! Doc text that points at generated items: the method an operation
//! becomes, and the operations a type serves.

use crate::model::api::Handle;
use crate::model::naming;

/// An intra-doc link to the method an operation becomes.
pub(super) fn op_link(
    owner: Option<usize>,
    handles: &[Handle],
    method: &str,
    client: &str,
) -> String {
    let owner = owner
        .and_then(|h| handles.get(h))
        .map_or(client, |h| h.type_name.as_str());
    format!("[`{owner}::{}`]", naming::bare(method))
}

/// "Request body of [`X::y`]." or "... shared by [`X::y`], [`X::z`]."
pub(super) fn type_doc(kind: &str, users: &[usize], links: &[String]) -> String {
    let list: Vec<&str> = users
        .iter()
        .filter_map(|&i| links.get(i).map(String::as_str))
        .collect();
    match list.as_slice() {
        [] => format!("{kind}."),
        [one] => format!("{kind} of {one}."),
        _ => format!("{kind} shared by {}.", list.join(", ")),
    }
}
