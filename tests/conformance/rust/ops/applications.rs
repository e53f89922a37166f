//! The `applications` group (cases/applications.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    ApplicationsListParams, CreateApplicationRequest, DeleteApplicationRequest,
    UpdateApplicationRequest,
};

/// Each case of cases/applications.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("applications.create", |c, a| {
        erase(
            c.applications()
                .create(&a.body::<CreateApplicationRequest>()?),
        )
    }),
    ("applications.list", |c, a| {
        erase(c.applications().list(&params!(a, ApplicationsListParams::new(), "subaccount": String => with_subaccount, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("applications.get", |c, a| {
        erase(c.application(a.path("app_id")?).get())
    }),
    ("applications.update", |c, a| {
        erase(
            c.application(a.path("app_id")?)
                .update(&a.body::<UpdateApplicationRequest>()?),
        )
    }),
    ("applications.delete", |c, a| {
        erase(
            c.application(a.path("app_id")?)
                .delete(&a.body::<DeleteApplicationRequest>()?),
        )
    }),
];
