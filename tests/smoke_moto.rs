//! The first proof against moto: a pool is created and listed through the typed paginator.
mod common;

use futures::TryStreamExt as _;

#[tokio::test]
async fn a_created_pool_is_listed() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "smoke").await;
    let pages: Vec<_> = client.list_user_pools().try_collect().await.unwrap();
    assert!(pages.iter().flat_map(|p| &p.user_pools).any(|p| p.id == pool));
}
