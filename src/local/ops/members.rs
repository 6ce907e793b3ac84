//! One group: read, update, delete, its members, removing a member.

use rusqlite::params;
use serde_json::json;

use super::super::error::LocalResult;
use super::super::input::{optional_str, page_limit, required_str};
use super::super::store::{Cached as _, Store, now};
use super::groups::{group_json, precedence_of};
use super::paging::{Listing, page_of};
use super::users::{require_user, user_json};
use super::{Request, read_in_pool, write_in_pool};

fn group_ref(req: &Request) -> LocalResult<(&str, &str)> {
    Ok((
        required_str(&req.input, "UserPoolId")?,
        required_str(&req.input, "GroupName")?,
    ))
}

pub fn get_group(store: &Store, req: &Request) -> LocalResult {
    let (pool, group) = group_ref(req)?;
    read_in_pool(store, pool, |conn| {
        Ok(json!({ "Group": group_json(conn, pool, group)? }))
    })
}

/// Only the members given change; Precedence below 0 is refused as on create.
pub fn update_group(store: &Store, req: &Request) -> LocalResult {
    let (pool, group) = group_ref(req)?;
    let description = optional_str(&req.input, "Description")?;
    let role_arn = optional_str(&req.input, "RoleArn")?;
    let precedence = precedence_of(&req.input)?;
    write_in_pool(store, pool, |tx| {
        group_json(tx, pool, group)?;
        tx.cached_execute(
            "UPDATE groups SET description = coalesce(?3, description),
                 role_arn = coalesce(?4, role_arn), precedence = coalesce(?5, precedence),
                 modified = ?6
             WHERE pool_id = ?1 AND name = ?2",
            params![pool, group, description, role_arn, precedence, now()],
        )?;
        Ok(json!({ "Group": group_json(tx, pool, group)? }))
    })
}

pub fn delete_group(store: &Store, req: &Request) -> LocalResult {
    let (pool, group) = group_ref(req)?;
    write_in_pool(store, pool, |tx| {
        group_json(tx, pool, group)?;
        tx.cached_execute(
            "DELETE FROM groups WHERE pool_id = ?1 AND name = ?2",
            params![pool, group],
        )?;
        Ok(json!({}))
    })
}

pub fn admin_remove_user_from_group(store: &Store, req: &Request) -> LocalResult {
    let (pool, group) = group_ref(req)?;
    let username = required_str(&req.input, "Username")?;
    write_in_pool(store, pool, |tx| {
        require_user(tx, pool, username)?;
        group_json(tx, pool, group)?;
        tx.cached_execute(
            "DELETE FROM memberships WHERE pool_id = ?1 AND username = ?2 AND group_name = ?3",
            params![pool, username, group],
        )?;
        Ok(json!({}))
    })
}

/// Members by username, at most 60 a page.
pub fn list_users_in_group(store: &Store, req: &Request) -> LocalResult {
    let (pool, group) = group_ref(req)?;
    let listing = Listing {
        keys_sql: "SELECT username FROM memberships WHERE pool_id = ?1 AND group_name = ?2
             AND username > ?3 ORDER BY username LIMIT ?4",
        scope: &[&pool, &group],
        kind: format!("members/{pool}/{group}"),
        member: "Users",
        limit: page_limit(&req.input, "Limit", 60)?,
    };
    let after = listing.start(&req.input)?;
    read_in_pool(store, pool, |conn| {
        group_json(conn, pool, group)?;
        page_of(conn, &listing, &after, |conn, name| {
            user_json(conn, pool, name, "Attributes")
        })
    })
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::testing::{call, store_with_pool};
    use crate::local::store::Store;

    fn get(store: &Store, pool: &Value) -> Value {
        let input = json!({"UserPoolId": pool, "GroupName": "staff"});
        call(store, "GetGroup", input).unwrap()["Group"].clone()
    }

    /// UpdateGroup's documentation: it "updates any of the properties"; unlike the pool and
    /// client updates it documents no reset, so what the request leaves out stays.
    #[test]
    fn an_update_changes_the_members_given_and_keeps_the_others() {
        let (store, pool) = store_with_pool();
        let group = json!({"UserPoolId": pool, "GroupName": "staff", "Description": "Staff",
            "Precedence": 5, "RoleArn": "arn:aws:iam::123456789012:role/staff"});
        call(&store, "CreateGroup", group).unwrap();
        let before = get(&store, &pool);
        let input = json!({"UserPoolId": pool, "GroupName": "staff", "Precedence": 1});
        call(&store, "UpdateGroup", input).unwrap();
        let mut after = get(&store, &pool);
        assert_eq!(after["Precedence"], 1);
        after["Precedence"] = json!(5);
        after["LastModifiedDate"] = before["LastModifiedDate"].clone();
        assert_eq!(after, before);
    }
}
