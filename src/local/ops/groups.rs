//! CreateGroup, ListGroups, AdminAddUserToGroup, AdminListGroupsForUser.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{optional_i64, optional_str, page_limit, required_str};
use super::super::store::{Cached as _, Store, now};
use super::paging::{Listing, page_of};
use super::users::require_user;
use super::{Request, exists, read_in_pool, write_in_pool};

/// A group row as the seed and CreateGroup write it.
pub struct NewGroup<'a> {
    pub pool: &'a str,
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub precedence: Option<i64>,
    pub role_arn: Option<&'a str>,
    pub at: f64,
}

pub fn insert_group(tx: &Connection, group: &NewGroup<'_>) -> LocalResult<()> {
    let exists = exists(
        tx,
        "SELECT EXISTS (SELECT 1 FROM groups WHERE pool_id = ?1 AND name = ?2)",
        params![group.pool, group.name],
    )?;
    if exists {
        return Err(LocalError::new(
            "GroupExistsException",
            "A group with the name already exists.",
        ));
    }
    tx.cached_execute(
        "INSERT INTO groups (pool_id, name, description, precedence, role_arn, created, modified)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            group.pool,
            group.name,
            group.description,
            group.precedence,
            group.role_arn,
            group.at
        ],
    )?;
    Ok(())
}

pub fn add_member(tx: &Connection, pool: &str, username: &str, group: &str) -> LocalResult<()> {
    tx.cached_execute(
        "INSERT OR IGNORE INTO memberships (pool_id, username, group_name) VALUES (?1, ?2, ?3)",
        params![pool, username, group],
    )?;
    Ok(())
}

/// A group's Precedence as CreateGroup and UpdateGroup take it: none, or 0 and up.
pub fn precedence_of(input: &Value) -> LocalResult<Option<i64>> {
    let precedence = optional_i64(input, "Precedence")?;
    if precedence.is_some_and(|p| p < 0) {
        return Err(LocalError::invalid_parameter(
            "Precedence must be greater than or equal to 0",
        ));
    }
    Ok(precedence)
}

pub fn create_group(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let name = required_str(&req.input, "GroupName")?;
    let precedence = precedence_of(&req.input)?;
    let group = NewGroup {
        pool,
        name,
        description: optional_str(&req.input, "Description")?,
        precedence,
        role_arn: optional_str(&req.input, "RoleArn")?,
        at: now(),
    };
    write_in_pool(store, pool, |tx| {
        insert_group(tx, &group)?;
        Ok(json!({ "Group": group_json(tx, pool, name)? }))
    })
}

pub fn list_groups(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    page_of_groups(store, req, pool, None)
}

pub fn admin_list_groups_for_user(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    page_of_groups(store, req, pool, Some(username))
}

pub fn admin_add_user_to_group(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    let group = required_str(&req.input, "GroupName")?;
    write_in_pool(store, pool, |tx| {
        require_user(tx, pool, username)?;
        group_json(tx, pool, group)?;
        add_member(tx, pool, username, group)?;
        Ok(json!({}))
    })
}

/// A page of a pool's groups (or of one member's), by name, `NextToken` opaque.
fn page_of_groups(store: &Store, req: &Request, pool: &str, member: Option<&str>) -> LocalResult {
    let listing = Listing {
        keys_sql: "SELECT g.name FROM groups g WHERE g.pool_id = ?1
             AND (?2 IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.pool_id = g.pool_id
                  AND m.group_name = g.name AND m.username = ?2))
             AND g.name > ?3 ORDER BY g.name LIMIT ?4",
        scope: &[&pool, &member],
        kind: format!("groups/{pool}/{}", member.unwrap_or("")),
        member: "Groups",
        limit: page_limit(&req.input, "Limit", 60)?,
    };
    let after = listing.start(&req.input)?;
    read_in_pool(store, pool, |conn| {
        if let Some(user) = member {
            require_user(conn, pool, user)?;
        }
        page_of(conn, &listing, &after, |conn, name| {
            group_json(conn, pool, name)
        })
    })
}

/// The group as AWS describes it; ResourceNotFoundException when it does not exist.
pub fn group_json(conn: &Connection, pool: &str, name: &str) -> LocalResult<Value> {
    type Row = (Option<String>, Option<i64>, Option<String>, f64, f64);
    let row: Option<Row> = conn
        .cached_row(
            "SELECT description, precedence, role_arn, created, modified FROM groups
             WHERE pool_id = ?1 AND name = ?2",
            params![pool, name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let (description, precedence, role_arn, created, modified) =
        row.ok_or_else(|| LocalError::new("ResourceNotFoundException", "Group not found."))?;
    let mut group = json!({
        "GroupName": name,
        "UserPoolId": pool,
        "CreationDate": created,
        "LastModifiedDate": modified,
    });
    if let Some(d) = description {
        group["Description"] = json!(d);
    }
    if let Some(p) = precedence {
        group["Precedence"] = json!(p);
    }
    if let Some(r) = role_arn {
        group["RoleArn"] = json!(r);
    }
    Ok(group)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::testing::{self, call};

    #[test]
    fn a_precedence_below_0_is_refused_on_create_and_on_update() {
        let (store, pool) = testing::store_with_pool();
        let group = |precedence: i64| json!({"UserPoolId": pool, "GroupName": "g", "Precedence": precedence});
        // The model's range check answers first, in AWS's validation wording.
        let refused = (
            "InvalidParameterException".to_owned(),
            "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: \
             Member must have value greater than or equal to 0"
                .to_owned(),
        );
        assert_eq!(call(&store, "CreateGroup", group(-1)).unwrap_err(), refused);
        call(&store, "CreateGroup", group(0)).unwrap();
        assert_eq!(call(&store, "UpdateGroup", group(-1)).unwrap_err(), refused);
        let kept = call(
            &store,
            "GetGroup",
            json!({"UserPoolId": pool, "GroupName": "g"}),
        )
        .unwrap();
        assert_eq!(kept["Group"]["Precedence"], 0);
        let updated = call(&store, "UpdateGroup", group(3)).unwrap();
        assert_eq!(updated["Group"]["Precedence"], 3);
    }
}
