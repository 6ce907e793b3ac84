//! The conformance assertions the local server passes (`local_server.rs`), run against moto's
//! server: both must agree wherever both implement an operation. Run through scripts/test.sh.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod conformance;

use conformance::Quirks;

/// moto 5.2 answers a page size above 60 instead of refusing it as AWS does, does not check
/// AdminCreateUser's TemporaryPassword against the pool's policy, confirms users in any status,
/// reports MFA unlike AWS, ignores email MFA and keeps a changed email verified (see `Quirks`).
const MOTO: Quirks = Quirks {
    refuses_limit_above_60: false,
    checks_temporary_password: false,
    confirms_only_unconfirmed: false,
    omits_empty_mfa_members: false,
    lists_sms_in_mfa_options: false,
    checks_sms_mfa_phone: false,
    email_mfa: false,
    unverifies_changed_contacts: false,
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
    conformance::filters(&common::moto().await).await;
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

#[tokio::test]
async fn mfa_preferences() {
    conformance::security::mfa_preferences(&common::moto().await, MOTO).await;
}

#[tokio::test]
async fn contact_changes_need_verification() {
    conformance::security::contact_changes_need_verification(&common::moto().await, MOTO).await;
}
