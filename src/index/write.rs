//! Writing one user or one membership, shared by a build and by the tool's own changes.

use rusqlite::{OptionalExtension as _, Transaction, params};

use super::db::NameIds;
use super::error::IndexResult;
use super::record::{MfaMethod, UserRecord};
use crate::cognito::types::EpochSeconds;

/// Whole seconds: every query compares dates to the second.
#[allow(clippy::cast_possible_truncation)]
pub fn seconds(date: Option<EpochSeconds>) -> Option<i64> {
    date.map(|d| d.0.floor() as i64)
}

/// `sms,totp`: sorted, each once, empty for none.
pub fn mfa_text(methods: &[MfaMethod]) -> String {
    let mut methods = methods.to_vec();
    methods.sort_unstable();
    methods.dedup();
    let names: Vec<&str> = methods.iter().map(|m| m.as_str()).collect();
    names.join(",")
}

/// Inserts `user`, or replaces every field and attribute of the user of that name; its id.
pub fn upsert_user(tx: &Transaction<'_>, ids: &mut NameIds, user: &UserRecord) -> IndexResult<i64> {
    let id: i64 = tx
        .prepare_cached(
            "INSERT INTO users (username, status, enabled, created, modified, mfa)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (username) DO UPDATE SET status = excluded.status,
                 enabled = excluded.enabled, created = excluded.created,
                 modified = excluded.modified, mfa = excluded.mfa
             RETURNING id",
        )?
        .query_row(
            params![
                user.username.as_str(),
                user.status.as_str(),
                user.enabled,
                seconds(user.created),
                seconds(user.modified),
                mfa_text(&user.mfa),
            ],
            |r| r.get(0),
        )?;
    tx.prepare_cached("DELETE FROM attributes WHERE user_id = ?1")?
        .execute([id])?;
    set_attributes(tx, ids, id, &user.attributes)?;
    Ok(id)
}

/// Sets each attribute with a value, replacing the one of the same name.
pub fn set_attributes(
    tx: &Transaction<'_>,
    ids: &mut NameIds,
    user_id: i64,
    attributes: &[crate::cognito::types::AttributeType],
) -> IndexResult<()> {
    for attribute in attributes {
        let Some(value) = &attribute.value else {
            continue;
        };
        let name_id = name_id(tx, &mut ids.attributes, "attribute_names", &attribute.name)?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO attributes (user_id, name_id, value) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![user_id, name_id, value])?;
    }
    Ok(())
}

pub fn user_id(tx: &Transaction<'_>, username: &str) -> IndexResult<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT id FROM users WHERE username = ?1")?
        .query_row([username], |r| r.get(0))
        .optional()?)
}

pub fn group_id(tx: &Transaction<'_>, ids: &mut NameIds, group: &str) -> IndexResult<i64> {
    name_id(tx, &mut ids.groups, "groups", group)
}

/// The id of `name` in `table` (attribute_names or groups), added if new.
fn name_id(
    tx: &Transaction<'_>,
    cache: &mut std::collections::HashMap<String, i64>,
    table: &'static str,
    name: &str,
) -> IndexResult<i64> {
    if let Some(id) = cache.get(name) {
        return Ok(*id);
    }
    tx.prepare_cached(&format!("INSERT OR IGNORE INTO {table} (name) VALUES (?1)"))?
        .execute([name])?;
    let id: i64 = tx
        .prepare_cached(&format!("SELECT id FROM {table} WHERE name = ?1"))?
        .query_row([name], |r| r.get(0))?;
    cache.insert(name.to_owned(), id);
    Ok(id)
}

/// Adds the users named (those the index holds) to group `group_id`; how many it added.
pub fn add_members<S: AsRef<str>>(
    tx: &Transaction<'_>,
    group_id: i64,
    usernames: impl IntoIterator<Item = S>,
) -> IndexResult<u64> {
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO memberships (group_id, user_id)
         SELECT ?1, id FROM users WHERE username = ?2",
    )?;
    let mut added = 0;
    for username in usernames {
        added += insert.execute(params![group_id, username.as_ref()])? as u64;
    }
    Ok(added)
}
