//! The `account` group (cases/account.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    CreateSubaccountRequest, DeleteSubaccountRequest, PricingGetParams, SubaccountsListParams,
    UpdateAccountRequest, UpdateSubaccountRequest,
};

/// Each case of cases/account.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("account.get", |c, _| erase(c.account().get())),
    ("account.update", |c, a| {
        erase(c.account().update(&a.body::<UpdateAccountRequest>()?))
    }),
    ("subaccounts.create", |c, a| {
        erase(
            c.subaccounts()
                .create(&a.body::<CreateSubaccountRequest>()?),
        )
    }),
    ("subaccounts.update", |c, a| {
        erase(
            c.subaccount(a.path("subauth_id")?)
                .update(&a.body::<UpdateSubaccountRequest>()?),
        )
    }),
    ("subaccounts.get", |c, a| {
        erase(c.subaccount(a.path("subauth_id")?).get())
    }),
    ("subaccounts.list", |c, a| {
        erase(c.subaccounts().list(&params!(a, SubaccountsListParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("subaccounts.delete", |c, a| {
        erase(
            c.subaccount(a.path("subauth_id")?)
                .delete(&a.body::<DeleteSubaccountRequest>()?),
        )
    }),
    ("pricing.get", |c, a| {
        erase(
            c.pricing().get(
                &params!(a, PricingGetParams::new(), "country_iso": String => with_country_iso),
            ),
        )
    }),
];
