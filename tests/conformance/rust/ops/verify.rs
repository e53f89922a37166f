//! The `verify` group (cases/verify.json).

use super::Case;
use crate::erased::erase;
use plivo::{SessionCreateRequest, SessionValidateRequest, VerifySessionsListParams};

/// Each case of cases/verify.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("verify_sessions.create", |c, a| {
        erase(
            c.verify_sessions()
                .create(&a.body::<SessionCreateRequest>()?),
        )
    }),
    ("verify_sessions.get", |c, a| {
        erase(c.verify_session(a.path("session_uuid")?).get())
    }),
    ("verify_sessions.list", |c, a| {
        erase(c.verify_sessions().list(&params!(a, VerifySessionsListParams::new(), "status": String => with_status, "country": String => with_country, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("verify_sessions.validate", |c, a| {
        erase(
            c.verify_session(a.path("session_uuid")?)
                .validate(&a.body::<SessionValidateRequest>()?),
        )
    }),
];
