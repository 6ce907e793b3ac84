//! The implemented operations, by exact wire name.

pub mod auth_events;
pub mod client_rules;
pub mod clients;
pub mod devices;
pub mod domains;
pub mod groups;
pub mod idps;
pub mod links;
pub mod members;
pub mod mfa;
pub mod paging;
pub mod pool_edits;
pub mod pool_schema;
pub mod pools;
pub mod resource_servers;
pub mod sign_up;
pub mod tags;
pub mod user_edits;
pub mod user_mfa;
pub mod user_pages;
pub mod users;

use rusqlite::{Connection, Params, Transaction};
use serde_json::Value;

use super::error::{LocalError, LocalResult};
use super::store::{Cached as _, Store};

/// One call: its input and who asked (the region of the SigV4 credential scope).
#[derive(Debug, Clone)]
pub struct Request {
    pub input: Value,
    pub region: String,
    pub account: String,
}

type Handler = fn(&Store, &Request) -> LocalResult;

const HANDLERS: &[(&str, Handler)] = &[
    ("AddCustomAttributes", pool_schema::add_custom_attributes),
    ("AdminAddUserToGroup", groups::admin_add_user_to_group),
    ("AdminCreateUser", users::admin_create_user),
    ("AdminDeleteUser", users::admin_delete_user),
    ("AdminConfirmSignUp", user_edits::admin_confirm_sign_up),
    (
        "AdminDeleteUserAttributes",
        user_edits::admin_delete_user_attributes,
    ),
    (
        "AdminDisableProviderForUser",
        links::admin_disable_provider_for_user,
    ),
    ("AdminDisableUser", users::admin_disable_user),
    ("AdminEnableUser", users::admin_enable_user),
    ("AdminGetUser", users::admin_get_user),
    (
        "AdminLinkProviderForUser",
        links::admin_link_provider_for_user,
    ),
    ("AdminListGroupsForUser", groups::admin_list_groups_for_user),
    (
        "AdminRemoveUserFromGroup",
        members::admin_remove_user_from_group,
    ),
    (
        "AdminResetUserPassword",
        user_edits::admin_reset_user_password,
    ),
    ("AdminSetUserPassword", user_edits::admin_set_user_password),
    (
        "AdminUpdateUserAttributes",
        user_edits::admin_update_user_attributes,
    ),
    (
        "AdminUserGlobalSignOut",
        user_edits::admin_user_global_sign_out,
    ),
    ("CreateGroup", groups::create_group),
    ("CreateUserPool", pools::create_user_pool),
    ("CreateUserPoolClient", clients::create_user_pool_client),
    ("DeleteGroup", members::delete_group),
    ("DescribeUserPool", pools::describe_user_pool),
    ("DescribeUserPoolClient", clients::describe_user_pool_client),
    ("GetGroup", members::get_group),
    ("ListGroups", groups::list_groups),
    ("ListUserPoolClients", clients::list_user_pool_clients),
    ("ListUserPools", pools::list_user_pools),
    ("ListUsers", users::list_users),
    ("ListUsersInGroup", members::list_users_in_group),
    ("SignUp", sign_up::sign_up),
    ("UpdateGroup", members::update_group),
    // Pool-level resources: identity providers, domain, MFA, tags, resource servers, lifecycle.
    ("CreateIdentityProvider", idps::create_identity_provider),
    (
        "CreateResourceServer",
        resource_servers::create_resource_server,
    ),
    ("CreateUserPoolDomain", domains::create_user_pool_domain),
    ("DeleteIdentityProvider", idps::delete_identity_provider),
    (
        "DeleteResourceServer",
        resource_servers::delete_resource_server,
    ),
    ("DeleteUserPool", pool_edits::delete_user_pool),
    ("DeleteUserPoolClient", clients::delete_user_pool_client),
    ("DeleteUserPoolDomain", domains::delete_user_pool_domain),
    ("DescribeIdentityProvider", idps::describe_identity_provider),
    (
        "DescribeResourceServer",
        resource_servers::describe_resource_server,
    ),
    ("DescribeUserPoolDomain", domains::describe_user_pool_domain),
    ("GetCSVHeader", pool_edits::get_csv_header),
    (
        "GetIdentityProviderByIdentifier",
        idps::get_identity_provider_by_identifier,
    ),
    ("GetUserPoolMfaConfig", mfa::get_user_pool_mfa_config),
    ("ListIdentityProviders", idps::list_identity_providers),
    (
        "ListResourceServers",
        resource_servers::list_resource_servers,
    ),
    ("ListTagsForResource", tags::list_tags_for_resource),
    ("SetUserPoolMfaConfig", mfa::set_user_pool_mfa_config),
    ("TagResource", tags::tag_resource),
    ("UntagResource", tags::untag_resource),
    ("UpdateIdentityProvider", idps::update_identity_provider),
    (
        "UpdateResourceServer",
        resource_servers::update_resource_server,
    ),
    ("UpdateUserPool", pool_edits::update_user_pool),
    ("UpdateUserPoolClient", clients::update_user_pool_client),
    ("UpdateUserPoolDomain", domains::update_user_pool_domain),
    // A user's security: MFA, remembered devices, auth events.
    ("AdminForgetDevice", devices::admin_forget_device),
    ("AdminGetDevice", devices::admin_get_device),
    ("AdminListDevices", devices::admin_list_devices),
    (
        "AdminListUserAuthEvents",
        auth_events::admin_list_user_auth_events,
    ),
    (
        "AdminSetUserMFAPreference",
        user_mfa::admin_set_user_mfa_preference,
    ),
    (
        "AdminUpdateAuthEventFeedback",
        auth_events::admin_update_auth_event_feedback,
    ),
    (
        "AdminUpdateDeviceStatus",
        devices::admin_update_device_status,
    ),
];

/// The names this server implements.
pub fn implemented() -> impl Iterator<Item = &'static str> {
    HANDLERS.iter().map(|(name, _)| *name)
}

/// Runs `operation`; unknown and unimplemented ones answer UnknownOperationException like AWS.
pub fn dispatch(store: &Store, operation: &str, request: &Request) -> LocalResult {
    let handler = HANDLERS
        .iter()
        .find(|(name, _)| *name == operation)
        .map(|(_, h)| *h)
        .ok_or_else(|| {
            LocalError::new(
                "UnknownOperationException",
                format!("The local server does not implement {operation}"),
            )
        })?;
    if !request.input.is_object() {
        return Err(LocalError::new(
            "SerializationException",
            "The request body must be a JSON object",
        ));
    }
    super::shapes::check(operation, &request.input)?;
    match super::aliases::resolve(store, operation, request)? {
        Some(resolved) => handler(store, &resolved),
        None => handler(store, request),
    }
}

/// Runs an UPDATE or DELETE of one named row; `missing` is the error when no row matched.
fn change_one(
    tx: &Connection,
    sql: &str,
    params: impl Params,
    missing: impl FnOnce() -> LocalError,
) -> LocalResult<()> {
    if tx.cached_execute(sql, params)? == 0 {
        return Err(missing());
    }
    Ok(())
}

/// A read of something in `pool`; ResourceNotFoundException first when the pool does not exist.
fn read_in_pool<T>(
    store: &Store,
    pool: &str,
    f: impl FnOnce(&Connection) -> LocalResult<T>,
) -> LocalResult<T> {
    store.read(|conn| {
        pools::pool_spec(conn, pool)?;
        f(conn)
    })
}

/// A change of something in `pool`; ResourceNotFoundException first when the pool does not exist.
fn write_in_pool<T>(
    store: &Store,
    pool: &str,
    f: impl FnOnce(&Transaction<'_>) -> LocalResult<T>,
) -> LocalResult<T> {
    store.write(|tx| {
        pools::pool_spec(tx, pool)?;
        f(tx)
    })
}

/// Whether `sql` (a `SELECT EXISTS (..)`) finds its row.
fn exists(conn: &Connection, sql: &str, params: impl Params) -> LocalResult<bool> {
    Ok(conn.cached_row(sql, params, |r| r.get(0))?)
}

/// A change of one named row in `pool` that answers nothing (a delete, an enable/disable).
fn change_in_pool(
    store: &Store,
    pool: &str,
    sql: &str,
    params: impl Params,
    missing: impl FnOnce() -> LocalError,
) -> LocalResult {
    write_in_pool(store, pool, |tx| {
        change_one(tx, sql, params, missing)?;
        Ok(serde_json::json!({}))
    })
}

#[cfg(test)]
pub(crate) mod testing {
    use serde_json::Value;

    use super::{Request, dispatch};
    use crate::local::store::{StateLocation, Store};

    /// An empty in-memory store with one pool, and that pool's id.
    pub fn store_with_pool() -> (Store, Value) {
        let store = Store::open(&StateLocation::Memory).unwrap();
        let created = call(
            &store,
            "CreateUserPool",
            serde_json::json!({"PoolName": "p"}),
        );
        let pool = created.unwrap()["UserPool"]["Id"].clone();
        (store, pool)
    }

    /// One call as the server dispatches it; the error as its code and message.
    pub fn call(store: &Store, operation: &str, input: Value) -> Result<Value, (String, String)> {
        let request = Request {
            input,
            region: "us-east-1".into(),
            account: "123456789012".into(),
        };
        dispatch(store, operation, &request).map_err(|e| (e.code.to_string(), e.message.clone()))
    }
}
