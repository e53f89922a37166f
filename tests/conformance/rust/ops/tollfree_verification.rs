//! The `tollfree_verification` group (cases/tollfree_verification.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    TollfreeVerificationCreateRequest, TollfreeVerificationUpdateRequest,
    TollfreeVerificationsListParams,
};

/// Each case of cases/tollfree_verification.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("tollfree_verifications.create", |c, a| {
        erase(
            c.tollfree_verifications()
                .create(&a.body::<TollfreeVerificationCreateRequest>()?),
        )
    }),
    ("tollfree_verifications.get", |c, a| {
        erase(
            c.tollfree_verification(a.path("tollfree_verification_uuid")?)
                .get(),
        )
    }),
    ("tollfree_verifications.update", |c, a| {
        erase(
            c.tollfree_verification(a.path("tollfree_verification_uuid")?)
                .update(&a.body::<TollfreeVerificationUpdateRequest>()?),
        )
    }),
    ("tollfree_verifications.delete", |c, a| {
        erase(
            c.tollfree_verification(a.path("tollfree_verification_uuid")?)
                .delete(),
        )
    }),
    ("tollfree_verifications.list", |c, a| {
        erase(c.tollfree_verifications().list(&params!(a, TollfreeVerificationsListParams::new(), "status": String => with_status, "usecase": String => with_usecase, "limit": String => with_limit, "offset": String => with_offset)))
    }),
];
