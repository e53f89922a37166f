//! The `lookup` group (cases/lookup.json).

use super::Case;
use crate::erased::erase;
use plivo::LookupParams;

/// Each case of cases/lookup.json, as a call of the generated client.
pub const CASES: &[Case] = &[("lookup.get", |c, a| {
    erase(
        c.number(a.path("number")?)
            .lookup(&params!(a, LookupParams::new(), "type": String => with_type)),
    )
})];
