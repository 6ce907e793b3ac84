//! The conformance assertions the local server passes (`local_server.rs`), run against moto's
//! server: both must agree wherever both implement an operation. Run through scripts/test.sh.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod conformance;

use conformance::Quirks;

/// moto 5.2 answers a page size above 60 instead of refusing it as AWS does, does not check
/// AdminCreateUser's TemporaryPassword against the pool's policy, and confirms users in any status.
/// Of the pool resources it overwrites duplicate providers, validates none, lets domains collide,
/// shapes domain answers its own way, takes MFA with no factor enabled, merges client updates and
/// ignores deletion protection, takes any OAuth settings and keeps deleted providers in clients;
/// of a user's security it reports MFA unlike AWS, ignores email MFA
/// and keeps a changed email verified; it checks almost none of the model's constraints (each
/// field's comment says how AWS differs).
const MOTO: Quirks = Quirks {
    refuses_limit_above_60: false,
    checks_temporary_password: false,
    confirms_only_unconfirmed: false,
    refuses_duplicate_providers: false,
    validates_providers: false,
    one_domain_per_pool: false,
    aws_domain_shapes: false,
    mfa_needs_an_enabled_factor: false,
    client_update_resets_omitted: false,
    honours_deletion_protection: false,
    omits_empty_mfa_members: false,
    lists_sms_in_mfa_options: false,
    checks_sms_mfa_phone: false,
    email_mfa: false,
    unverifies_changed_contacts: false,
    validates_constraints: false,
    user_status_filter_ignores_case: false,
    describes_client_defaults: true,
    validates_client_oauth: false,
    deleted_provider_leaves_clients: false,
    describes_pool_defaults: true,
    pool_update_resets_omitted: true,
};

#[tokio::test]
async fn pools() {
    conformance::pools(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn user_lifecycle() {
    conformance::user_lifecycle(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn pagination_at_60() {
    conformance::pagination(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn every_filter_operator_and_attribute() {
    conformance::filters(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn groups_and_memberships() {
    conformance::groups(&common::moto().await).await;
}

#[tokio::test]
async fn user_edits_and_status_transitions() {
    conformance::edits::user_edits(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn group_lifecycle_and_members() {
    conformance::edits::group_lifecycle(&common::moto().await).await;
}

#[tokio::test]
async fn app_clients() {
    conformance::edits::app_clients(&common::moto().await).await;
}

// Pool-level resources. moto 5.2.5 has no UpdateResourceServer or DeleteResourceServer and
// answers TagResource, ListTagsForResource and GetCSVHeader with an HTML 500: those run against
// the local server only (local_server.rs).

#[tokio::test]
async fn identity_providers() {
    conformance::resources::identity_providers(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn user_pool_domains() {
    conformance::resources::domains(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn mfa_configuration() {
    conformance::resources::mfa_config(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn resource_servers() {
    conformance::resource_servers::resource_servers(&common::moto().await).await;
}

#[tokio::test]
async fn pool_and_client_update_and_delete() {
    conformance::pool_lifecycle::pool_and_client_lifecycle(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn user_pools_are_listed_in_their_region_only() {
    let elsewhere = common::client_in(&common::moto_url(), "testing", "testing", "eu-west-1").await;
    conformance::pool_lifecycle::pools_by_region(&common::moto().await, &elsewhere).await;
}

#[tokio::test]
async fn mfa_preferences() {
    conformance::security::mfa_preferences(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn contact_changes_need_verification() {
    conformance::security::contact_changes_need_verification(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn create_user_constraints() {
    conformance::validation::create_user_constraints(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn ranges_patterns_and_list_elements() {
    conformance::validation::other_constraints(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn schema_data_type_is_an_enum() {
    conformance::validation::schema_data_type(&common::moto().await, MOTO).await;
}

// Pool administration for the console's read-modify-write edits. moto 5.2.5 has neither
// AdminLinkProviderForUser nor GetIdentityProviderByIdentifier: `linked_identities` runs against
// the local server only (local_admin.rs).

#[tokio::test]
async fn app_client_defaults_and_the_reset_of_omitted_settings() {
    conformance::admin::client_defaults_and_reset(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn app_client_oauth_settings() {
    conformance::admin::client_oauth(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn custom_attributes_are_added_never_changed() {
    conformance::admin::custom_attributes(&common::moto().await).await;
}

#[tokio::test]
async fn the_domain_update() {
    conformance::admin::domain_update(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn pool_defaults_and_the_reset_of_omitted_settings() {
    conformance::admin::pool_defaults_and_reset(&common::moto().await, MOTO).await;
}
