//! The `hosted_messaging` group (cases/hosted_messaging.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    HostedMessagingNumberCreateRequest, HostedMessagingNumbersListParams,
    HostedMessagingNumbersLoasCreateRequest, HostedMessagingNumbersLoasListParams,
};

/// Each case of cases/hosted_messaging.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("hosted_messaging_numbers.list", |c, a| {
        erase(c.hosted_messaging_numbers().list(&params!(a, HostedMessagingNumbersListParams::new(), "alias": String => with_alias, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("hosted_messaging_numbers.create", |c, a| {
        erase(
            c.hosted_messaging_numbers()
                .create(&a.body::<HostedMessagingNumberCreateRequest>()?),
        )
    }),
    ("hosted_messaging_numbers.get", |c, a| {
        erase(
            c.hosted_messaging_number(a.path("hosted_messaging_number_id")?)
                .get(),
        )
    }),
    ("loas.list", |c, a| {
        erase(c.hosted_messaging_numbers().loas().list(&params!(a, HostedMessagingNumbersLoasListParams::new(), "alias": String => with_alias, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("loas.create", |c, a| {
        erase(c.hosted_messaging_numbers().loas().create(
            &HostedMessagingNumbersLoasCreateRequest {
                alias: a.required("alias")?,
                file: a.upload("file")?,
            },
        ))
    }),
    ("loas.get", |c, a| {
        erase(c.hosted_messaging_numbers().loa(a.path("loa_id")?).get())
    }),
    ("loas.delete", |c, a| {
        erase(c.hosted_messaging_numbers().loa(a.path("loa_id")?).delete())
    }),
];
