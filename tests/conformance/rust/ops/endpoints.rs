//! The `endpoints` group (cases/endpoints.json).

use super::Case;
use crate::erased::erase;
use plivo::{CreateEndpointRequest, EndpointsListParams, JwtTokenRequest, UpdateEndpointRequest};

/// Each case of cases/endpoints.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("endpoints.create", |c, a| {
        erase(c.endpoints().create(&a.body::<CreateEndpointRequest>()?))
    }),
    ("endpoints.list", |c, a| {
        erase(c.endpoints().list(&params!(a, EndpointsListParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("endpoints.get", |c, a| {
        erase(c.endpoint(a.path("endpoint_id")?).get())
    }),
    ("endpoints.update", |c, a| {
        erase(
            c.endpoint(a.path("endpoint_id")?)
                .update(&a.body::<UpdateEndpointRequest>()?),
        )
    }),
    ("endpoints.delete", |c, a| {
        erase(c.endpoint(a.path("endpoint_id")?).delete())
    }),
    ("jwt.create", |c, a| {
        erase(c.jwt_token().create(&a.body::<JwtTokenRequest>()?))
    }),
];
