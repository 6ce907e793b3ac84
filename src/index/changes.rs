//! The tool's own changes, applied to the index as they succeed, so a query after a bulk delete
//! does not show the deleted users until the next build.

use rusqlite::{Transaction, params};
use time::OffsetDateTime;

use super::db::Index;
use super::error::IndexResult;
use super::record::{MfaMethod, UserRecord};
use super::write::{group_id, mfa_text, set_attributes, upsert_user, user_id};
use crate::cognito::ids::Username;
use crate::cognito::types::AttributeType;
use crate::cognito::user_status::UserStatus;

/// A change that succeeded on the service.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Created (or read back after a change): the whole user, replacing what the index had.
    UserCreated(UserRecord),
    UserDeleted(Username),
    EnabledSet {
        username: Username,
        enabled: bool,
    },
    StatusSet {
        username: Username,
        status: UserStatus,
    },
    AttributesSet {
        username: Username,
        attributes: Vec<AttributeType>,
    },
    AttributesDeleted {
        username: Username,
        names: Vec<String>,
    },
    MfaSet {
        username: Username,
        mfa: Vec<MfaMethod>,
    },
    AddedToGroup {
        username: Username,
        group: String,
    },
    RemovedFromGroup {
        username: Username,
        group: String,
    },
}

impl Change {
    /// The user it was made to, as the request named them.
    pub fn username(&self) -> &Username {
        match self {
            Self::UserCreated(user) => &user.username,
            Self::UserDeleted(username)
            | Self::EnabledSet { username, .. }
            | Self::StatusSet { username, .. }
            | Self::AttributesSet { username, .. }
            | Self::AttributesDeleted { username, .. }
            | Self::MfaSet { username, .. }
            | Self::AddedToGroup { username, .. }
            | Self::RemovedFromGroup { username, .. } => username,
        }
    }

    /// The same change to the user of username `to` (the one the request's name meant).
    #[must_use]
    pub fn renamed(mut self, to: Username) -> Self {
        match &mut self {
            Self::UserCreated(user) => user.username = to,
            Self::UserDeleted(username)
            | Self::EnabledSet { username, .. }
            | Self::StatusSet { username, .. }
            | Self::AttributesSet { username, .. }
            | Self::AttributesDeleted { username, .. }
            | Self::MfaSet { username, .. }
            | Self::AddedToGroup { username, .. }
            | Self::RemovedFromGroup { username, .. } => *username = to,
        }
        self
    }
}

impl Index {
    /// Applies `change`, made at `at` (the user's new last-modified time). A change to a user
    /// the index does not hold is nothing to apply.
    pub fn apply(&mut self, change: &Change, at: OffsetDateTime) -> IndexResult<()> {
        let at = at.unix_timestamp();
        self.write(|tx, ids| {
            if let Change::UserCreated(user) = change {
                let known = user_id(tx, user.username.as_str())?.is_some();
                upsert_user(tx, ids, user)?;
                if !known {
                    count_users(tx, 1)?;
                }
                return Ok(());
            }
            let username = change.username();
            let Some(id) = user_id(tx, username.as_str())? else {
                return Ok(());
            };
            // Sets one column and the last-modified time.
            let set = |column: &str, value: &dyn rusqlite::ToSql| -> IndexResult<()> {
                tx.prepare_cached(&format!(
                    "UPDATE users SET {column} = ?1, modified = ?2 WHERE id = ?3"
                ))?
                .execute(params![value, at, id])?;
                Ok(())
            };
            let touched = || -> IndexResult<()> {
                tx.prepare_cached("UPDATE users SET modified = ?1 WHERE id = ?2")?
                    .execute([at, id])?;
                Ok(())
            };
            match change {
                Change::UserCreated(_) => {}
                Change::UserDeleted(_) => {
                    for table in ["attributes", "memberships"] {
                        tx.prepare_cached(&format!("DELETE FROM {table} WHERE user_id = ?1"))?
                            .execute([id])?;
                    }
                    tx.prepare_cached("DELETE FROM users WHERE id = ?1")?
                        .execute([id])?;
                    count_users(tx, -1)?;
                }
                Change::EnabledSet { enabled, .. } => set("enabled", enabled)?,
                Change::StatusSet { status, .. } => set("status", &status.as_str())?,
                Change::MfaSet { mfa, .. } => set("mfa", &mfa_text(mfa))?,
                Change::AttributesSet { attributes, .. } => {
                    set_attributes(tx, ids, id, attributes)?;
                    touched()?;
                }
                Change::AttributesDeleted { names, .. } => {
                    let mut delete = tx.prepare_cached(
                        "DELETE FROM attributes WHERE user_id = ?1
                         AND name_id = (SELECT id FROM attribute_names WHERE name = ?2)",
                    )?;
                    for name in names {
                        delete.execute(params![id, name])?;
                    }
                    touched()?;
                }
                Change::AddedToGroup { group, .. } => {
                    let group_id = group_id(tx, ids, group)?;
                    tx.prepare_cached(
                        "INSERT OR IGNORE INTO memberships (group_id, user_id) VALUES (?1, ?2)",
                    )?
                    .execute([group_id, id])?;
                }
                Change::RemovedFromGroup { group, .. } => {
                    tx.prepare_cached(
                        "DELETE FROM memberships WHERE user_id = ?1
                         AND group_id = (SELECT id FROM groups WHERE name = ?2)",
                    )?
                    .execute(params![id, group])?;
                }
            }
            Ok(())
        })
    }
}

fn count_users(tx: &Transaction<'_>, delta: i64) -> IndexResult<()> {
    tx.prepare_cached("UPDATE meta SET users = max(users + ?1, 0) WHERE id = 1")?
        .execute([delta])?;
    Ok(())
}
