//! The `compliance` group (cases/compliance.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    AddressUpdateRequest, AddressesCreateRequest, AddressesListParams,
    ComplianceApplicationsListParams, ComplianceDocumentTypesListParams,
    ComplianceDocumentUpdateRequest, ComplianceDocumentsCreateRequest,
    ComplianceDocumentsListParams, CreateComplianceApplicationRequest, CreateEndUserRequest,
    EndUsersListParams, FindParams, IdentitiesCreateRequest, IdentitiesListParams,
    IdentityUpdateRequest, UpdateComplianceApplicationRequest, UpdateEndUserRequest,
};

/// Each case of cases/compliance.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("compliance_applications.create", |c, a| {
        erase(
            c.compliance_applications()
                .create(&a.body::<CreateComplianceApplicationRequest>()?),
        )
    }),
    ("compliance_applications.get", |c, a| {
        erase(
            c.compliance_application(a.path("compliance_application_id")?)
                .get(),
        )
    }),
    ("compliance_applications.list", |c, a| {
        erase(c.compliance_applications().list(&params!(a, ComplianceApplicationsListParams::new(), "status": String => with_status, "country_iso2": String => with_country_iso2, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("compliance_applications.update", |c, a| {
        erase(
            c.compliance_application(a.path("compliance_application_id")?)
                .update(&a.body::<UpdateComplianceApplicationRequest>()?),
        )
    }),
    ("compliance_applications.delete", |c, a| {
        erase(
            c.compliance_application(a.path("compliance_application_id")?)
                .delete(),
        )
    }),
    ("compliance_applications.submit", |c, a| {
        erase(
            c.compliance_application(a.path("compliance_application_id")?)
                .submit(),
        )
    }),
    ("compliance_documents.create", |c, a| {
        erase(c.compliance_documents().create(&multipart!(a, ComplianceDocumentsCreateRequest { end_user_id, document_type_id, alias ; first_name, last_name, date_of_birth, address_line_1, address_line_2, city, country, postal_code, unique_identification_number, nationality, place_of_birth, date_of_issue, date_of_expiration, type_of_utility, billing_id, billing_date, business_name, type_of_id, support_phone_number, support_email, authorized_representative_name, bill_date, bill_id, use_case_description ; file })))
    }),
    ("compliance_documents.get", |c, a| {
        erase(
            c.compliance_document(a.path("compliance_document_id")?)
                .get(),
        )
    }),
    ("compliance_documents.list", |c, a| {
        erase(c.compliance_documents().list(&params!(a, ComplianceDocumentsListParams::new(), "end_user_id": String => with_end_user_id, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("compliance_documents.update", |c, a| {
        erase(c.compliance_document(a.path("compliance_document_id")?).update(&multipart!(a, ComplianceDocumentUpdateRequest { ; end_user_id, document_type_id, alias, first_name, last_name, date_of_birth, address_line_1, address_line_2, city, country, postal_code, unique_identification_number, nationality, place_of_birth, date_of_issue, date_of_expiration, type_of_utility, billing_id, billing_date, business_name, type_of_id, support_phone_number, support_email, authorized_representative_name, bill_date, bill_id, use_case_description ; file })))
    }),
    ("compliance_documents.delete", |c, a| {
        erase(
            c.compliance_document(a.path("compliance_document_id")?)
                .delete(),
        )
    }),
    ("compliance_document_types.get", |c, a| {
        erase(
            c.compliance_document_type(a.path("document_type_id")?)
                .get(),
        )
    }),
    ("compliance_document_types.list", |c, a| {
        erase(c.compliance_document_types().list(&params!(a, ComplianceDocumentTypesListParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("compliance_requirements.get", |c, a| {
        erase(
            c.compliance_requirement(a.path("compliance_requirement_id")?)
                .get(),
        )
    }),
    ("compliance_requirements.list", |c, a| {
        erase(c.compliance_requirements().find(&params!(a, FindParams::new(), "country_iso2": String => with_country_iso2, "number_type": String => with_number_type, "end_user_type": String => with_end_user_type)))
    }),
    ("end_users.create", |c, a| {
        erase(c.end_users().create(&a.body::<CreateEndUserRequest>()?))
    }),
    ("end_users.get", |c, a| {
        erase(c.end_user(a.path("end_user_id")?).get())
    }),
    ("end_users.list", |c, a| {
        erase(c.end_users().list(&params!(a, EndUsersListParams::new(), "name": String => with_name, "end_user_type": String => with_end_user_type, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("end_users.update", |c, a| {
        erase(
            c.end_user(a.path("end_user_id")?)
                .update(&a.body::<UpdateEndUserRequest>()?),
        )
    }),
    ("end_users.delete", |c, a| {
        erase(c.end_user(a.path("end_user_id")?).delete())
    }),
    ("addresses.create", |c, a| {
        erase(c.addresses().create(&multipart!(a, AddressesCreateRequest { country_iso, salutation, first_name, last_name, address_line1, address_line2, city, region, postal_code, address_proof_type ; alias, auto_correct_address, fiscal_identification_code, street_code, municipal_code, callback_url, callback_method ; file })))
    }),
    ("addresses.get", |c, a| {
        erase(c.address(a.path("address_id")?).get())
    }),
    ("addresses.list", |c, a| {
        erase(c.addresses().list(&params!(a, AddressesListParams::new(), "country_iso": String => with_country_iso, "verification_status": String => with_verification_status, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("addresses.update", |c, a| {
        erase(c.address(a.path("address_id")?).update(&multipart!(a, AddressUpdateRequest { ; country_iso, salutation, first_name, last_name, address_line1, address_line2, city, region, postal_code, alias, auto_correct_address, callback_url, callback_method ; file })))
    }),
    ("addresses.delete", |c, a| {
        erase(c.address(a.path("address_id")?).delete())
    }),
    ("identities.create", |c, a| {
        erase(c.identities().create(&multipart!(a, IdentitiesCreateRequest { country_iso, salutation, first_name, last_name, birth_place, birth_date, nationality, id_nationality, id_issue_date, id_type, id_number, address_line1, address_line2, city, region, postal_code ; alias, business_name, fiscal_identification_code, street_code, municipal_code, subaccount, auto_correct_address, callback_url, callback_method ; file })))
    }),
    ("identities.get", |c, a| {
        erase(c.identity(a.path("identity_id")?).get())
    }),
    ("identities.list", |c, a| {
        erase(c.identities().list(&params!(a, IdentitiesListParams::new(), "country_iso": String => with_country_iso, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("identities.update", |c, a| {
        erase(c.identity(a.path("identity_id")?).update(&multipart!(a, IdentityUpdateRequest { ; country_iso, salutation, first_name, last_name, birth_place, birth_date, nationality, id_nationality, id_issue_date, id_type, id_number, address_line1, address_line2, city, region, postal_code, alias, business_name, fiscal_identification_code, street_code, municipal_code, subaccount, auto_correct_address, callback_url, callback_method ; file })))
    }),
    ("identities.delete", |c, a| {
        erase(c.identity(a.path("identity_id")?).delete())
    }),
];
