//! The `masking` group (cases/masking.json).

use super::Case;
use crate::erased::erase;
use plivo::{CreateMaskingSessionRequest, MaskingSessionsListParams, UpdateMaskingSessionRequest};

/// Each case of cases/masking.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("masking_sessions.create", |c, a| {
        erase(
            c.masking_sessions()
                .create(&a.body::<CreateMaskingSessionRequest>()?),
        )
    }),
    ("masking_sessions.list", |c, a| {
        erase(c.masking_sessions().list(&params!(a, MaskingSessionsListParams::new(), "status": String => with_status, "first_party": String => with_first_party, "duration__gte": String => with_duration_gte, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("masking_sessions.get", |c, a| {
        erase(c.masking_session(a.path("session_uuid")?).get())
    }),
    ("masking_sessions.update", |c, a| {
        erase(
            c.masking_session(a.path("session_uuid")?)
                .update(&a.body::<UpdateMaskingSessionRequest>()?),
        )
    }),
    ("masking_sessions.delete", |c, a| {
        erase(c.masking_session(a.path("session_uuid")?).delete())
    }),
];
