//! Which user a name in a request means. Cognito takes, in place of the username, an alias the
//! pool allows (an email or phone number under UsernameAttributes; a verified email or phone
//! number, or a preferred_username, under AliasAttributes) or the user's sub. The index is keyed
//! by username, so a change made through another name is matched here, by the pool's own rules,
//! as they were when the index was built.

use rusqlite::{OptionalExtension as _, params};
use serde::{Deserialize, Serialize};

use super::db::Index;
use super::error::IndexResult;
use crate::cognito::ids::Username;
use crate::cognito::pools::UserPoolType;

/// The pool's naming rules, as DescribeUserPool gave them to the build.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Naming {
    pub username_attributes: Vec<String>,
    pub alias_attributes: Vec<String>,
    /// False when `Ann` and `ann` are one user; AWS's default when unset is true.
    pub case_sensitive: bool,
}

impl Naming {
    pub fn of(pool: &UserPoolType) -> Self {
        Self {
            username_attributes: pool.username_attributes.clone(),
            alias_attributes: pool.alias_attributes.clone(),
            case_sensitive: pool
                .username_configuration
                .as_ref()
                .and_then(|c| c.case_sensitive)
                .unwrap_or(true),
        }
    }

    /// The attributes that may stand for the username, each with whether only a verified value
    /// counts.
    fn aliases(&self) -> impl Iterator<Item = (&str, bool)> {
        let unconditional = self.username_attributes.iter().map(|a| (a.as_str(), false));
        let aliases = self
            .alias_attributes
            .iter()
            .map(|a| (a.as_str(), a != "preferred_username"));
        unconditional.chain(aliases)
    }
}

impl Index {
    /// Records the pool's naming rules for a build in progress.
    pub fn set_naming(&mut self, naming: &Naming) -> IndexResult<()> {
        let text = serde_json::to_string(naming).unwrap_or_default();
        self.conn
            .execute("UPDATE meta SET naming = ?1 WHERE id = 1", [text])?;
        Ok(())
    }

    /// The pool's naming rules; None when the build did not record them.
    pub fn naming(&self) -> IndexResult<Option<Naming>> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT naming FROM meta WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    /// Whether the index holds a user of exactly this username.
    pub fn holds(&self, username: &str) -> IndexResult<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM users WHERE username = ?1")?
            .exists([username])?)
    }

    /// The username of the one user `name` means besides a username of that spelling: the
    /// user whose sub it is, else (by the pool's rules) whose alias it is, else, in a pool whose
    /// usernames ignore case, whose username it is in another case. None when no user, or more
    /// than one, matches.
    pub fn resolve(&self, name: &str) -> IndexResult<Option<Username>> {
        if let Some(found) = self.one_by_attribute("sub", name, false)? {
            return Ok(Some(found));
        }
        let Some(naming) = self.naming()? else {
            return Ok(None);
        };
        for (attribute, verified) in naming.aliases() {
            if let Some(found) = self.one_by_attribute(attribute, name, verified)? {
                return Ok(Some(found));
            }
        }
        if naming.case_sensitive {
            return Ok(None);
        }
        let found = self
            .conn
            .prepare_cached(
                "SELECT username FROM users WHERE username = ?1 COLLATE NOCASE LIMIT 2",
            )?
            .query_map([name], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(only(found))
    }

    /// The one user whose `attribute` is `value` (and, if `verified`, whose `attribute_verified`
    /// is true).
    fn one_by_attribute(
        &self,
        attribute: &str,
        value: &str,
        verified: bool,
    ) -> IndexResult<Option<Username>> {
        let found = self
            .conn
            .prepare_cached(
                "SELECT u.username FROM attributes a
                 JOIN users u ON u.id = a.user_id
                 WHERE a.name_id = (SELECT id FROM attribute_names WHERE name = ?1)
                   AND a.value = ?2
                   AND (NOT ?3 OR EXISTS (
                       SELECT 1 FROM attributes v WHERE v.user_id = a.user_id
                       AND v.name_id = (SELECT id FROM attribute_names WHERE name = ?1 || '_verified')
                       AND v.value = 'true'))
                 LIMIT 2",
            )?
            .query_map(params![attribute, value, verified], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(only(found))
    }

    /// Counts a change the index could not apply: it may be stale until the next build.
    pub fn note_unfollowed(&mut self) -> IndexResult<()> {
        self.conn.execute(
            "UPDATE meta SET unfollowed = unfollowed + 1 WHERE id = 1",
            [],
        )?;
        Ok(())
    }
}

fn only(mut found: Vec<String>) -> Option<Username> {
    (found.len() == 1)
        .then(|| found.pop().map(Username::new))
        .flatten()
}
