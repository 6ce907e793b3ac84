//! Reads of things the local server does not create yet: identity providers. They answer what
//! AWS answers for a pool that has none, after the same checks.

use serde_json::json;

use super::super::error::LocalResult;
use super::super::input::{page_limit, required_str};
use super::super::store::Store;
use super::Request;
use super::pools::pool_spec;

pub fn list_identity_providers(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    page_limit(&req.input, "MaxResults", 60)?;
    store.read(|conn| pool_spec(conn, pool))?;
    Ok(json!({ "Providers": [] }))
}
