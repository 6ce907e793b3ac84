//! Pool administration on the embedded local server, through the real client: the conformance
//! suite moto runs too (`moto_conformance.rs`), and linked identities, which moto lacks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod conformance;

use cognito_tui::cognito::CognitoClient;
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use common::backend::local as start;
use conformance::AWS;

async fn empty() -> (LocalServer, CognitoClient) {
    start(&StateLocation::Memory, Seed::Empty).await
}

#[tokio::test]
async fn app_client_defaults_and_the_reset_of_omitted_settings() {
    let (_server, client) = empty().await;
    conformance::admin::client_defaults_and_reset(&client, AWS).await;
}

#[tokio::test]
async fn app_client_oauth_settings() {
    let (_server, client) = empty().await;
    conformance::admin::client_oauth(&client, AWS).await;
}

#[tokio::test]
async fn custom_attributes_are_added_never_changed() {
    let (_server, client) = empty().await;
    conformance::admin::custom_attributes(&client).await;
}

#[tokio::test]
async fn the_domain_update() {
    let (_server, client) = empty().await;
    conformance::admin::domain_update(&client, AWS).await;
}

#[tokio::test]
async fn pool_defaults_and_the_reset_of_omitted_settings() {
    let (_server, client) = empty().await;
    conformance::admin::pool_defaults_and_reset(&client, AWS).await;
}

#[tokio::test]
async fn linked_identities_and_the_read_by_identifier() {
    let (_server, client) = empty().await;
    conformance::admin::linked_identities(&client).await;
}
