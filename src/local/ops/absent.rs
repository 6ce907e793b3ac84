//! Reads of things the local server does not create yet: devices, auth events.
//! They answer what AWS answers for a pool or user that has none, after the same checks.

use serde_json::json;

use super::super::error::{LocalError, LocalResult};
use super::super::input::{page_limit, required_str};
use super::super::store::Store;
use super::Request;
use super::pools::pool_spec;
use super::users::require_user;

/// No tokens are issued yet, so no device was ever remembered.
pub fn admin_list_devices(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    page_limit(&req.input, "Limit", 60)?;
    store.read(|conn| {
        pool_spec(conn, pool)?;
        require_user(conn, pool, username)
    })?;
    Ok(json!({ "Devices": [] }))
}

/// Auth events need threat protection, which local pools (Essentials tier) do not have: AWS's
/// answer for such a pool.
pub fn admin_list_user_auth_events(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    store.read(|conn| {
        pool_spec(conn, pool)?;
        require_user(conn, pool, username)
    })?;
    Err(LocalError::new(
        "UserPoolAddOnNotEnabledException",
        "Threat protection is not enabled for this user pool.",
    ))
}
