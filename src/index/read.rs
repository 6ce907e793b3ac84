//! Reading users back: a page of a query, a stream of all its users for an export, counts.

use std::collections::HashMap;

use rusqlite::{Row, params_from_iter};
use time::OffsetDateTime;

use super::db::{Index, ONE_PASS_CACHE_KIB, SCAN_CACHE_KIB};
use super::error::{IndexError, IndexResult};
use super::query::Query;
use super::record::{IndexedUser, MfaMethod, UserRecord};
use super::sql::compile;
use crate::cognito::ids::Username;
use crate::cognito::types::{AttributeType, EpochSeconds};
use crate::cognito::user_status::UserStatus;

const COLUMNS: &str = "u.id, u.username, u.status, u.enabled, u.created, u.modified, u.mfa";

/// What `count_by` counts users by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grouping {
    Status,
    Enabled,
    Group,
    Attribute(String),
}

impl Grouping {
    /// `status`, `enabled`, `group`, or an attribute name (as `users count --by` takes it).
    pub fn named(name: &str) -> Self {
        match name.to_ascii_lowercase().as_str() {
            "status" => Self::Status,
            "enabled" => Self::Enabled,
            "group" | "groups" => Self::Group,
            _ => Self::Attribute(name.to_owned()),
        }
    }
}

impl Index {
    /// Up to `limit` users matching `query`, by username, with every attribute and group;
    /// relative dates (`-30d`) count back from `now`.
    pub fn query(
        &self,
        query: &Query,
        now: OffsetDateTime,
        limit: usize,
    ) -> IndexResult<Vec<IndexedUser>> {
        let mut users = Vec::new();
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.visit(query, now, Some(limit), |u| {
            users.push(u);
            Ok::<(), IndexError>(())
        })?;
        Ok(users)
    }

    /// Every user matching `query`, one at a time in the order they were indexed, holding one
    /// user in memory at a time however many match; stops at `visit`'s first error. Returns how
    /// many users it visited.
    pub fn for_each<E: From<IndexError>>(
        &self,
        query: &Query,
        now: OffsetDateTime,
        visit: impl FnMut(IndexedUser) -> Result<(), E>,
    ) -> Result<u64, E> {
        self.cache_kib(ONE_PASS_CACHE_KIB)?;
        let visited = self.visit(query, now, None, visit);
        self.cache_kib(SCAN_CACHE_KIB)?;
        visited
    }

    /// SQLite's page cache for this connection (a negative `cache_size` is KiB).
    fn cache_kib(&self, kib: i64) -> IndexResult<()> {
        Ok(self.conn.pragma_update(None, "cache_size", -kib)?)
    }

    pub fn count(&self, query: &Query, now: OffsetDateTime) -> IndexResult<u64> {
        let sql = compile(query.expr(), now);
        let count: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM users u WHERE {}", sql.condition),
            params_from_iter(sql.params),
            |r| r.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// Users per value, by value. `None` counts the users with no value: those in no group,
    /// or without the attribute.
    pub fn count_by(&self, grouping: &Grouping) -> IndexResult<Vec<(Option<String>, u64)>> {
        let (sql, param) = match grouping {
            Grouping::Status => (
                "SELECT status, count(*) FROM users GROUP BY status ORDER BY status",
                None,
            ),
            Grouping::Enabled => (
                "SELECT CASE enabled WHEN 0 THEN 'false' ELSE 'true' END, count(*) FROM users
                 GROUP BY 1 ORDER BY 1",
                None,
            ),
            Grouping::Group => (
                "SELECT g.name, count(m.user_id) FROM groups g
                 LEFT JOIN memberships m ON m.group_id = g.id GROUP BY g.id ORDER BY g.name",
                None,
            ),
            Grouping::Attribute(name) => (
                "SELECT a.value, count(*) FROM attributes a
                 WHERE a.name_id = (SELECT id FROM attribute_names WHERE name = ?1)
                 GROUP BY a.value ORDER BY a.value",
                Some(name.as_str()),
            ),
        };
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(param), |r| {
            Ok((Some(r.get::<_, String>(0)?), r.get::<_, i64>(1)?))
        })?;
        let mut counts: Vec<(Option<String>, u64)> = rows
            .map(|r| r.map(|(value, n)| (value, u64::try_from(n).unwrap_or(0))))
            .collect::<Result<_, _>>()?;
        let without = match grouping {
            Grouping::Group => self.count_where("u.id NOT IN (SELECT user_id FROM memberships)")?,
            // A user has one value of an attribute at most: the rest lack it.
            Grouping::Attribute(_) => {
                let with: u64 = counts.iter().map(|(_, n)| n).sum();
                self.count_where("1")?.saturating_sub(with)
            }
            Grouping::Status | Grouping::Enabled => 0,
        };
        if without > 0 {
            counts.push((None, without));
        }
        Ok(counts)
    }

    fn count_where(&self, condition: &str) -> IndexResult<u64> {
        let count: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM users u WHERE {condition}"),
            [],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    fn visit<E: From<IndexError>>(
        &self,
        query: &Query,
        now: OffsetDateTime,
        limit: Option<i64>,
        mut visit: impl FnMut(IndexedUser) -> Result<(), E>,
    ) -> Result<u64, E> {
        let names = Names::load(self)?;
        let mut sql = compile(query.expr(), now);
        // A page is by username; a stream keeps the table's order, so it never sorts.
        let tail = match limit {
            Some(limit) => {
                sql.params.push(limit.into());
                "ORDER BY u.username LIMIT ?"
            }
            None => "",
        };
        let mut statement = self
            .conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM users u WHERE {} {tail}",
                sql.condition
            ))
            .map_err(IndexError::from)?;
        let mut rows = statement
            .query(params_from_iter(sql.params))
            .map_err(IndexError::from)?;
        let mut visited = 0;
        while let Some(row) = rows.next().map_err(IndexError::from)? {
            let user = self.read_user(row, &names)?;
            visit(user)?;
            visited += 1;
        }
        Ok(visited)
    }

    fn read_user(&self, row: &Row<'_>, names: &Names) -> IndexResult<IndexedUser> {
        let id: i64 = row.get(0)?;
        let date = |i: usize| -> rusqlite::Result<Option<EpochSeconds>> {
            #[allow(clippy::cast_precision_loss)]
            Ok(row
                .get::<_, Option<i64>>(i)?
                .map(|s| EpochSeconds(s as f64)))
        };
        let mfa: String = row.get(6)?;
        let mut attributes = Vec::new();
        let mut statement = self
            .conn
            .prepare_cached("SELECT name_id, value FROM attributes WHERE user_id = ?1")?;
        let mut rows = statement.query([id])?;
        while let Some(r) = rows.next()? {
            let name = names.attribute(r.get(0)?);
            attributes.push(AttributeType::new(name, r.get::<_, String>(1)?));
        }
        let mut groups = Vec::new();
        let mut statement = self
            .conn
            .prepare_cached("SELECT group_id FROM memberships WHERE user_id = ?1")?;
        let mut rows = statement.query([id])?;
        while let Some(r) = rows.next()? {
            groups.push(names.group(r.get(0)?));
        }
        groups.sort();
        Ok(IndexedUser {
            user: UserRecord {
                username: Username::new(row.get::<_, String>(1)?),
                status: UserStatus::parse(&row.get::<_, String>(2)?),
                enabled: row.get(3)?,
                created: date(4)?,
                modified: date(5)?,
                mfa: mfa.split(',').filter_map(MfaMethod::parse).collect(),
                attributes,
            },
            groups,
        })
    }
}

/// Attribute and group names by id, read once per query: a few dozen rows.
struct Names {
    attributes: HashMap<i64, String>,
    groups: HashMap<i64, String>,
}

impl Names {
    fn load(index: &Index) -> IndexResult<Self> {
        let table = |sql: &str| -> IndexResult<HashMap<i64, String>> {
            let mut statement = index.conn.prepare_cached(sql)?;
            let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        Ok(Self {
            attributes: table("SELECT id, name FROM attribute_names")?,
            groups: table("SELECT id, name FROM groups")?,
        })
    }

    fn attribute(&self, id: i64) -> String {
        self.attributes.get(&id).cloned().unwrap_or_default()
    }

    fn group(&self, id: i64) -> String {
        self.groups.get(&id).cloned().unwrap_or_default()
    }
}
