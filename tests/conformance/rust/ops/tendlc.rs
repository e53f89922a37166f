//! The `tendlc` group (cases/tendlc.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    BrandCreateRequest, BrandsListParams, CampaignCreateRequest, CampaignImportRequest,
    CampaignLinkNumbersRequest, CampaignNumbersListParams, CampaignUnlinkNumberRequest,
    CampaignUpdateRequest, CampaignsListParams, ProfileCreateRequest, ProfileUpdateRequest,
    ProfilesListParams,
};

/// Each case of cases/tendlc.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("profiles.list", |c, a| {
        erase(c.profiles().list(&params!(a, ProfilesListParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("profiles.create", |c, a| {
        erase(c.profiles().create(&a.body::<ProfileCreateRequest>()?))
    }),
    ("profiles.get", |c, a| {
        erase(c.profile(a.path("profile_uuid")?).get())
    }),
    ("profiles.update", |c, a| {
        erase(
            c.profile(a.path("profile_uuid")?)
                .update(&a.body::<ProfileUpdateRequest>()?),
        )
    }),
    ("profiles.delete", |c, a| {
        erase(c.profile(a.path("profile_uuid")?).delete())
    }),
    ("brands.list", |c, a| {
        erase(c.brands().list(&params!(a, BrandsListParams::new(), "type": String => with_type, "status": String => with_status, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("brands.create", |c, a| {
        erase(c.brands().create(&a.body::<BrandCreateRequest>()?))
    }),
    ("brands.get", |c, a| {
        erase(c.brand(a.path("brand_id")?).get())
    }),
    ("brands.delete", |c, a| {
        erase(c.brand(a.path("brand_id")?).delete())
    }),
    ("brands.usecases", |c, a| {
        erase(c.brand(a.path("brand_id")?).get_usecases())
    }),
    ("brands.otp", |c, a| {
        erase(c.brand(a.path("brand_id")?).trigger_otp())
    }),
    ("campaigns.list", |c, a| {
        erase(c.campaigns().list(&params!(a, CampaignsListParams::new(), "brand_id": String => with_brand_id, "usecase": String => with_usecase, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("campaigns.create", |c, a| {
        erase(c.campaigns().create(&a.body::<CampaignCreateRequest>()?))
    }),
    ("campaigns.import", |c, a| {
        erase(c.campaigns().import(&a.body::<CampaignImportRequest>()?))
    }),
    ("campaigns.get", |c, a| {
        erase(c.campaign(a.path("campaign_id")?).get())
    }),
    ("campaigns.update", |c, a| {
        erase(
            c.campaign(a.path("campaign_id")?)
                .update(&a.body::<CampaignUpdateRequest>()?),
        )
    }),
    ("campaigns.delete", |c, a| {
        erase(c.campaign(a.path("campaign_id")?).delete())
    }),
    ("campaigns.numbers.list", |c, a| {
        erase(c.campaign(a.path("campaign_id")?).numbers().list(&params!(a, CampaignNumbersListParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("campaigns.numbers.link", |c, a| {
        erase(
            c.campaign(a.path("campaign_id")?)
                .numbers()
                .link(&a.body::<CampaignLinkNumbersRequest>()?),
        )
    }),
    ("campaigns.numbers.get", |c, a| {
        erase(
            c.campaign(a.path("campaign_id")?)
                .number(a.path("number")?)
                .get(),
        )
    }),
    ("campaigns.numbers.unlink", |c, a| {
        erase(
            c.campaign(a.path("campaign_id")?)
                .number(a.path("number")?)
                .unlink(&a.body::<CampaignUnlinkNumberRequest>()?),
        )
    }),
];
