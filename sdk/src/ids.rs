//! Identifiers that a path takes in more than one form, built so that the
//! form cannot be misspelt: a Multi-Party Call by UUID or by friendly name
//! (`uuid_…`, `name_…`, as the Python SDK builds them from `uuid` or
//! `friendly_name`: `plivo/resources/multipartycall.py`), and the members
//! an action applies to: one, several as a comma list, or `all`
//! (<https://plivo.com/docs/voice/api/conferences>; the spec's MPC
//! participant and member paths say the same).
//!
//! Each goes where a raw id does: a handle takes it by value (moved in) or
//! by reference (borrowed, no copy), as it takes a `String` or a `&str`:
//!
//! ```
//! use plivo::ids::{MemberIds, MpcId};
//!
//! assert_eq!(String::from(MpcId::uuid("2a3c-9f")), "uuid_2a3c-9f");
//! assert_eq!(String::from(MpcId::name("sales standup")), "name_sales standup");
//! assert_eq!(String::from(MemberIds::list(["355", "356"])), "355,356");
//! assert_eq!(String::from(MemberIds::all()), "all");
//! # #[cfg(feature = "multiparty_calls")]
//! # fn handle(client: &plivo::Client) {
//! let call = client.multi_party_call(MpcId::name("sales standup"));
//! let everyone = call.member(MemberIds::all());
//! // Or borrowed, for an id kept to use again:
//! let members = MemberIds::list(["355", "356"]);
//! let some = call.member(&members);
//! # }
//! ```

use std::borrow::Cow;
use std::fmt;

/// A Multi-Party Call in a path: by its UUID or by its friendly name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MpcId(String);

impl MpcId {
    /// The call with this UUID (`uuid_{uuid}`).
    pub fn uuid(uuid: impl AsRef<str>) -> Self {
        MpcId(format!("uuid_{}", uuid.as_ref()))
    }

    /// The call with this friendly name (`name_{name}`).
    pub fn name(name: impl AsRef<str>) -> Self {
        MpcId(format!("name_{}", name.as_ref()))
    }

    /// The path segment, before percent-encoding.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The members an action applies to: one, several, or all of them.
///
/// A member id holds no comma (Plivo's are numbers), so a list is read
/// back as it was given.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MemberIds(String);

impl MemberIds {
    /// One member.
    pub fn one(id: impl Into<String>) -> Self {
        MemberIds(id.into())
    }

    /// Several members, as a comma list (`355,356`). An empty list is an
    /// empty segment, which the call refuses before sending.
    pub fn list<I>(ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let ids: Vec<String> = ids.into_iter().map(|id| id.as_ref().to_owned()).collect();
        MemberIds(ids.join(","))
    }

    /// Every member of the call (`all`).
    pub fn all() -> Self {
        MemberIds("all".to_owned())
    }

    /// The path segment, before percent-encoding.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<MpcId> for String {
    fn from(id: MpcId) -> String {
        id.0
    }
}

impl From<MemberIds> for String {
    fn from(ids: MemberIds) -> String {
        ids.0
    }
}

impl From<MpcId> for Cow<'static, str> {
    fn from(id: MpcId) -> Self {
        Cow::Owned(id.0)
    }
}

impl From<MemberIds> for Cow<'static, str> {
    fn from(ids: MemberIds) -> Self {
        Cow::Owned(ids.0)
    }
}

impl<'a> From<&'a MpcId> for Cow<'a, str> {
    fn from(id: &'a MpcId) -> Self {
        Cow::Borrowed(&id.0)
    }
}

impl<'a> From<&'a MemberIds> for Cow<'a, str> {
    fn from(ids: &'a MemberIds) -> Self {
        Cow::Borrowed(&ids.0)
    }
}

impl fmt::Display for MpcId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for MemberIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
