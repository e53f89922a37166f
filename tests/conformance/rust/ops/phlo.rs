//! The `phlo` group (cases/phlo.json).

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
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .add_user(&a.body::<AddUserRequest>()?),
        )
    }),
    ("phlo.node.warm_transfer", |c, a| {
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .warm_transfer(&a.body::<TransferRequest>()?),
        )
    }),
    ("phlo.node.cold_transfer", |c, a| {
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .cold_transfer(&a.body::<TransferRequest>()?),
        )
    }),
    ("phlo.member.abort_transfer", |c, a| {
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .member(a.path("member_address")?)
                .abort_transfer(),
        )
    }),
    ("phlo.member.resume_call", |c, a| {
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .member(a.path("member_address")?)
                .resume_call(),
        )
    }),
    ("phlo.member.voicemail_drop", |c, a| {
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .member(a.path("member_address")?)
                .voicemail_drop(),
        )
    }),
    ("phlo.member.hangup", |c, a| {
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .member(a.path("member_address")?)
                .hangup(),
        )
    }),
    ("phlo.member.hold", |c, a| {
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .member(a.path("member_address")?)
                .hold(),
        )
    }),
    ("phlo.member.unhold", |c, a| {
        erase(
            c.phlo(a.path("phlo_id")?)
                .multi_party_call(a.path("node_id")?)
                .member(a.path("member_address")?)
                .unhold(),
        )
    }),
];
