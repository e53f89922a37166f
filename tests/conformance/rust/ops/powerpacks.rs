//! The `powerpacks` group (cases/powerpacks.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    NumberPoolAddRequest, NumberPoolNumbersListParams, NumberPoolRemoveRequest,
    NumberPoolShortcodesListParams, NumberPoolTollfreesListParams, PowerpackCreateRequest,
    PowerpackDeleteRequest, PowerpackUpdateRequest, PowerpacksListParams,
};

/// Each case of cases/powerpacks.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("powerpacks.create", |c, a| {
        erase(c.powerpacks().create(&a.body::<PowerpackCreateRequest>()?))
    }),
    ("powerpacks.get", |c, a| {
        erase(c.powerpack(a.path("powerpack_uuid")?).get())
    }),
    ("powerpacks.update", |c, a| {
        erase(
            c.powerpack(a.path("powerpack_uuid")?)
                .update(&a.body::<PowerpackUpdateRequest>()?),
        )
    }),
    ("powerpacks.delete", |c, a| {
        erase(
            c.powerpack(a.path("powerpack_uuid")?)
                .delete(&a.body::<PowerpackDeleteRequest>()?),
        )
    }),
    ("powerpacks.list", |c, a| {
        erase(c.powerpacks().list(&params!(a, PowerpacksListParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("number_pool.numbers.list", |c, a| {
        erase(c.number_pool(a.path("number_pool_uuid")?).numbers().list(&params!(a, NumberPoolNumbersListParams::new(), "starts_with": String => with_starts_with, "country_iso2": String => with_country_iso2, "type": String => with_type, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("number_pool.numbers.get", |c, a| {
        erase(
            c.number_pool(a.path("number_pool_uuid")?)
                .number(a.path("number")?)
                .get(None),
        )
    }),
    ("number_pool.numbers.add", |c, a| {
        erase(
            c.number_pool(a.path("number_pool_uuid")?)
                .number(a.path("number")?)
                .add(&a.body::<NumberPoolAddRequest>()?),
        )
    }),
    ("number_pool.numbers.remove", |c, a| {
        erase(
            c.number_pool(a.path("number_pool_uuid")?)
                .number(a.path("number")?)
                .remove(&a.body::<NumberPoolRemoveRequest>()?),
        )
    }),
    ("number_pool.shortcodes.list", |c, a| {
        erase(c.number_pool(a.path("number_pool_uuid")?).shortcodes().list(&params!(a, NumberPoolShortcodesListParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("number_pool.shortcodes.get", |c, a| {
        erase(
            c.number_pool(a.path("number_pool_uuid")?)
                .shortcode(a.path("shortcode")?)
                .get(),
        )
    }),
    ("number_pool.shortcodes.remove", |c, a| {
        erase(
            c.number_pool(a.path("number_pool_uuid")?)
                .shortcode(a.path("shortcode")?)
                .remove(),
        )
    }),
    ("number_pool.tollfree.list", |c, a| {
        erase(c.number_pool(a.path("number_pool_uuid")?).tollfrees().list(&params!(a, NumberPoolTollfreesListParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("number_pool.tollfree.add", |c, a| {
        erase(
            c.number_pool(a.path("number_pool_uuid")?)
                .tollfree(a.path("tollfree")?)
                .add(),
        )
    }),
    ("number_pool.tollfree.get", |c, a| {
        erase(
            c.number_pool(a.path("number_pool_uuid")?)
                .tollfree(a.path("tollfree")?)
                .get(),
        )
    }),
    ("number_pool.tollfree.remove", |c, a| {
        erase(
            c.number_pool(a.path("number_pool_uuid")?)
                .tollfree(a.path("tollfree")?)
                .remove(&a.body::<NumberPoolRemoveRequest>()?),
        )
    }),
];
