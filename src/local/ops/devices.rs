//! A user's remembered devices: AdminListDevices, AdminGetDevice, AdminForgetDevice,
//! AdminUpdateDeviceStatus. Devices are stored (the demo seed writes some); no sign-in flow on
//! this server remembers new ones yet.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::ids;
use super::super::input::{fetch_limit, page_limit, page_start, required_str, set_next_token};
use super::super::store::{Cached as _, Store, now};
use super::users::require_user;
use super::{Request, change_one, read_in_pool, write_in_pool};

/// A device row as the seed writes it.
pub struct NewDevice<'a> {
    pub pool: &'a str,
    pub username: &'a str,
    /// `REGION_uuid`, as AWS makes them.
    pub key: &'a str,
    pub name: &'a str,
    pub last_ip: &'a str,
    pub remembered: bool,
    pub created: f64,
    pub last_authenticated: f64,
}

pub fn insert_device(tx: &Connection, device: &NewDevice<'_>) -> LocalResult<()> {
    tx.cached_execute(
        "INSERT INTO devices (pool_id, username, device_key, name, last_ip, remembered, created,
                              modified, last_authenticated)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            device.pool,
            device.username,
            device.key,
            device.name,
            device.last_ip,
            device.remembered,
            device.created,
            device.last_authenticated
        ],
    )?;
    Ok(())
}

const DEVICE_COLUMNS: &str =
    "device_key, name, last_ip, remembered, created, modified, last_authenticated";

/// A `DeviceType` with the attributes AWS sends, in its order.
fn device_json(
    r: &rusqlite::Row<'_>,
    pool: &str,
    username: &str,
    account: &str,
) -> rusqlite::Result<Value> {
    let key: String = r.get(0)?;
    let name: String = r.get(1)?;
    let ip: String = r.get(2)?;
    let remembered: bool = r.get(3)?;
    let region = ids::region_of_pool(pool);
    let owner = format!("{username}.{pool}");
    let attributes = [
        ("device_status", "valid".to_owned()),
        ("device_name", name),
        (
            "dev:device_arn",
            format!("arn:aws:cognito-idp:{region}:{account}:owner/{owner}/device/{key}"),
        ),
        ("dev:device_owner", owner),
        ("last_ip_used", ip),
        (
            "dev:device_remembered_status",
            if remembered {
                "remembered"
            } else {
                "not_remembered"
            }
            .to_owned(),
        ),
    ];
    Ok(json!({
        "DeviceKey": key,
        "DeviceAttributes": attributes
            .iter()
            .map(|(n, v)| json!({"Name": n, "Value": v}))
            .collect::<Vec<_>>(),
        "DeviceCreateDate": r.get::<_, f64>(4)?,
        "DeviceLastModifiedDate": r.get::<_, f64>(5)?,
        "DeviceLastAuthenticatedDate": r.get::<_, f64>(6)?,
    }))
}

/// The pool, user and device key a device operation names (the key's form checked on the way
/// in).
fn device_ref(req: &Request) -> LocalResult<(&str, &str, &str)> {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    let key = required_str(&req.input, "DeviceKey")?;
    Ok((pool, username, key))
}

fn device_not_found() -> LocalError {
    LocalError::new("ResourceNotFoundException", "Device does not exist.")
}

pub fn admin_list_devices(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    let limit = page_limit(&req.input, "Limit", 60)?;
    let kind = format!("devices/{pool}/{username}");
    let after = page_start(&req.input, "PaginationToken", &kind)?;
    read_in_pool(store, pool, |conn| {
        require_user(conn, pool, username)?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {DEVICE_COLUMNS} FROM devices
             WHERE pool_id = ?1 AND username = ?2 AND device_key > ?3
             ORDER BY device_key LIMIT ?4"
        ))?;
        let rows = stmt
            .query_map(params![pool, username, after, fetch_limit(limit)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    device_json(r, pool, username, &req.account)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let keys: Vec<String> = rows.iter().map(|(k, _)| k.clone()).collect();
        let devices: Vec<Value> = rows.into_iter().take(limit).map(|(_, d)| d).collect();
        let mut out = json!({ "Devices": devices });
        set_next_token(&mut out, "PaginationToken", &kind, &keys, limit);
        Ok(out)
    })
}

pub fn admin_get_device(store: &Store, req: &Request) -> LocalResult {
    let (pool, username, key) = device_ref(req)?;
    read_in_pool(store, pool, |conn| {
        require_user(conn, pool, username)?;
        let device = conn
            .cached_row(
                &format!(
                    "SELECT {DEVICE_COLUMNS} FROM devices
                     WHERE pool_id = ?1 AND username = ?2 AND device_key = ?3"
                ),
                params![pool, username, key],
                |r| device_json(r, pool, username, &req.account),
            )
            .optional()?
            .ok_or_else(device_not_found)?;
        Ok(json!({ "Device": device }))
    })
}

/// The device must pass MFA again at its next sign-in.
pub fn admin_forget_device(store: &Store, req: &Request) -> LocalResult {
    let (pool, username, key) = device_ref(req)?;
    write_in_pool(store, pool, |tx| {
        require_user(tx, pool, username)?;
        change_one(
            tx,
            "DELETE FROM devices WHERE pool_id = ?1 AND username = ?2 AND device_key = ?3",
            params![pool, username, key],
            device_not_found,
        )?;
        Ok(json!({}))
    })
}

/// `remembered` or `not_remembered`: the device stays listed either way, unlike a forgotten one.
pub fn admin_update_device_status(store: &Store, req: &Request) -> LocalResult {
    let (pool, username, key) = device_ref(req)?;
    // The model leaves the status optional and bounds it to these two; AWS needs one.
    let remembered = required_str(&req.input, "DeviceRememberedStatus")? == "remembered";
    write_in_pool(store, pool, |tx| {
        require_user(tx, pool, username)?;
        change_one(
            tx,
            "UPDATE devices SET remembered = ?4, modified = ?5
             WHERE pool_id = ?1 AND username = ?2 AND device_key = ?3",
            params![pool, username, key, remembered, now()],
            device_not_found,
        )?;
        Ok(json!({}))
    })
}
