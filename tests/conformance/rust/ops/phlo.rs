//! The `phlo` group (cases/phlo.json): the PHLO API's twelve operations.

use super::Case;
use crate::erased::erase;
use plivo::{AddUserRequest, TransferRequest};

/// Each case of cases/phlo.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("phlo.get", |c, a| erase(c.phlo(a.path("phlo_id")?).get())),
    ("phlo.run", |c, a| {
        erase(c.phlo(a.path("phlo_id")?).run(a.body_map()?.as_ref()))
    }),
    ("phlo.node.get", |c, a| {
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .get(),
        )
    }),
    ("phlo.node.add_user", |c, a| {
        let node = c
            .phlo(a.path("phlo_id")?)
            .multi_party_call(a.path("node_id")?);
        erase(node.add_user(&a.body::<AddUserRequest>()?))
    }),
    ("phlo.node.warm_transfer", |c, a| {
        let node = c
            .phlo(a.path("phlo_id")?)
            .multi_party_call(a.path("node_id")?);
        erase(node.warm_transfer(&a.body::<TransferRequest>()?))
    }),
    ("phlo.node.cold_transfer", |c, a| {
        let node = c
            .phlo(a.path("phlo_id")?)
            .multi_party_call(a.path("node_id")?);
        erase(node.cold_transfer(&a.body::<TransferRequest>()?))
    }),
    ("phlo.member.abort_transfer", |c, a| {
        erase(member(c, a)?.abort_transfer())
    }),
    ("phlo.member.resume_call", |c, a| {
        erase(member(c, a)?.resume_call())
    }),
    ("phlo.member.voicemail_drop", |c, a| {
        erase(member(c, a)?.voicemail_drop())
    }),
    ("phlo.member.hangup", |c, a| erase(member(c, a)?.hangup())),
    ("phlo.member.hold", |c, a| erase(member(c, a)?.hold())),
    ("phlo.member.unhold", |c, a| erase(member(c, a)?.unhold())),
];

fn member(c: &plivo::Client, a: &crate::args::Args) -> Result<plivo::MemberHandle, String> {
    Ok(c.phlo(a.path("phlo_id")?)
        .multi_party_call(a.path("node_id")?)
        .member(a.path("member_address")?))
}
