//! The `numbers` group (cases/numbers.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    AddNumberRequest, BuyNumberRequest, CompleteVerificationRequest, GetRequirementsParams,
    InitiateVerificationRequest, LinkComplianceRequest, NumbersListParams,
    PhoneNumbersComplianceGetParams, PhoneNumbersComplianceUpdateRequest,
    PhoneNumbersCompliancesCreateRequest, PhoneNumbersCompliancesListParams, SearchParams,
    UpdateNumberRequest, UpdateVerifiedCallerIdRequest, VerifiedCallerIdsListParams,
};

/// Each case of cases/numbers.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("numbers.list", |c, a| {
        erase(c.numbers().list(&params!(a, NumbersListParams::new(), "type": String => with_type, "number_startswith": String => with_number_startswith, "services": String => with_services, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("numbers.get", |c, a| {
        erase(c.number(a.path("number")?).get())
    }),
    ("numbers.update", |c, a| {
        erase(
            c.number(a.path("number")?)
                .update(&a.body::<UpdateNumberRequest>()?),
        )
    }),
    ("numbers.delete", |c, a| {
        erase(c.number(a.path("number")?).delete())
    }),
    ("numbers.create", |c, a| {
        erase(c.numbers().create(&a.body::<AddNumberRequest>()?))
    }),
    ("phone_numbers.search", |c, a| {
        erase(c.phone_numbers().search(&params!(a, SearchParams::new(), "country_iso": String => with_country_iso, "type": String => with_type, "pattern": String => with_pattern, "services": String => with_services, "limit": String => with_limit)))
    }),
    ("phone_numbers.buy", |c, a| {
        erase(
            c.phone_number(a.path("number")?)
                .buy(&a.body::<BuyNumberRequest>()?),
        )
    }),
    ("compliance.requirements", |c, a| {
        erase(c.phone_numbers().compliances().get_requirements(&params!(a, GetRequirementsParams::new(), "country_iso": String => with_country_iso, "number_type": String => with_number_type, "user_type": String => with_user_type)))
    }),
    ("compliance.create", |c, a| {
        erase(
            c.phone_numbers()
                .compliances()
                .create(&PhoneNumbersCompliancesCreateRequest {
                    data: a.json_text("data")?,
                    documents_0_file: a.upload_opt("doc0")?,
                    documents_1_file: None,
                    documents_2_file: None,
                    documents_3_file: None,
                    documents_4_file: None,
                }),
        )
    }),
    ("compliance.list", |c, a| {
        erase(c.phone_numbers().compliances().list(&params!(a, PhoneNumbersCompliancesListParams::new(), "status": String => with_status, "country_iso": String => with_country_iso, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("compliance.get", |c, a| {
        erase(c.phone_numbers().compliance(a.path("compliance_id")?).get(
            &params!(a, PhoneNumbersComplianceGetParams::new(), "expand": String => with_expand),
        ))
    }),
    ("compliance.update", |c, a| {
        erase(
            c.phone_numbers()
                .compliance(a.path("compliance_id")?)
                .update(&PhoneNumbersComplianceUpdateRequest {
                    data: a.json_text("data")?,
                    documents_0_file: a.upload_opt("doc0")?,
                    documents_1_file: None,
                    documents_2_file: None,
                    documents_3_file: None,
                    documents_4_file: None,
                }),
        )
    }),
    ("compliance.delete", |c, a| {
        erase(
            c.phone_numbers()
                .compliance(a.path("compliance_id")?)
                .delete(),
        )
    }),
    ("compliance.link", |c, a| {
        erase(
            c.phone_numbers()
                .compliances()
                .link(&a.body::<LinkComplianceRequest>()?),
        )
    }),
    ("verified_caller_ids.initiate", |c, a| {
        erase(
            c.verified_caller_ids()
                .create(&a.body::<InitiateVerificationRequest>()?),
        )
    }),
    ("verified_caller_ids.verify", |c, a| {
        erase(
            c.verified_caller_ids()
                .verification(a.path("verification_uuid")?)
                .verify(&a.body::<CompleteVerificationRequest>()?),
        )
    }),
    ("verified_caller_ids.get", |c, a| {
        erase(c.verified_caller_id(a.path("phone_number")?).get())
    }),
    ("verified_caller_ids.update", |c, a| {
        erase(
            c.verified_caller_id(a.path("phone_number")?)
                .update(&a.body::<UpdateVerifiedCallerIdRequest>()?),
        )
    }),
    ("verified_caller_ids.list", |c, a| {
        erase(c.verified_caller_ids().list(&params!(a, VerifiedCallerIdsListParams::new(), "country": String => with_country, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("verified_caller_ids.delete", |c, a| {
        erase(c.verified_caller_id(a.path("phone_number")?).delete())
    }),
];
