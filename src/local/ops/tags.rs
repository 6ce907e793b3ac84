//! Pool tags: TagResource, UntagResource, ListTagsForResource by pool ARN, and the tags
//! CreateUserPool, UpdateUserPool and DescribeUserPool carry as UserPoolTags.

use rusqlite::{Connection, params};
use serde_json::{Map, Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{optional_strings, required_map, required_str};
use super::super::store::{Cached as _, Store};
use super::Request;
use super::pools::{pool_arn, pool_spec};

/// AWS's limit on tags a pool holds.
const MAX_TAGS: i64 = 50;

/// Adds or overwrites `tags` on the pool, then checks the pool holds at most 50 (the lengths of
/// keys and values were checked on the way in).
pub fn set_tags(tx: &Connection, pool: &str, tags: &Map<String, Value>) -> LocalResult<()> {
    for (key, value) in tags {
        let value = value.as_str().unwrap_or_default();
        tx.cached_execute(
            "INSERT INTO pool_tags (pool_id, key, value) VALUES (?1, ?2, ?3)
             ON CONFLICT (pool_id, key) DO UPDATE SET value = excluded.value",
            params![pool, key, value],
        )?;
    }
    let count: i64 = tx.cached_row(
        "SELECT count(*) FROM pool_tags WHERE pool_id = ?1",
        [pool],
        |r| r.get(0),
    )?;
    if count > MAX_TAGS {
        return Err(LocalError::invalid_parameter(format!(
            "A user pool can have at most {MAX_TAGS} tags."
        )));
    }
    Ok(())
}

/// Replaces the pool's whole tag set (UpdateUserPool's UserPoolTags).
pub fn replace_tags(tx: &Connection, pool: &str, tags: &Map<String, Value>) -> LocalResult<()> {
    tx.cached_execute("DELETE FROM pool_tags WHERE pool_id = ?1", [pool])?;
    set_tags(tx, pool, tags)
}

/// The pool's tags as a JSON object, by key.
pub fn tags_of(conn: &Connection, pool: &str) -> LocalResult<Map<String, Value>> {
    let mut stmt =
        conn.prepare_cached("SELECT key, value FROM pool_tags WHERE pool_id = ?1 ORDER BY key")?;
    let rows = stmt
        .query_map([pool], |r| {
            Ok((r.get::<_, String>(0)?, Value::String(r.get(1)?)))
        })?
        .collect::<Result<Map<_, _>, _>>()?;
    Ok(rows)
}

pub fn tag_resource(store: &Store, req: &Request) -> LocalResult {
    let arn = required_str(&req.input, "ResourceArn")?;
    let tags = required_map(&req.input, "Tags")?;
    store.write(|tx| {
        let pool = pool_of_arn(tx, arn, &req.account)?;
        set_tags(tx, &pool, &tags)?;
        Ok(json!({}))
    })
}

pub fn untag_resource(store: &Store, req: &Request) -> LocalResult {
    let arn = required_str(&req.input, "ResourceArn")?;
    // Required by the model: never missing here.
    let keys = optional_strings(&req.input, "TagKeys")?.unwrap_or_default();
    store.write(|tx| {
        let pool = pool_of_arn(tx, arn, &req.account)?;
        for key in &keys {
            tx.cached_execute(
                "DELETE FROM pool_tags WHERE pool_id = ?1 AND key = ?2",
                params![pool, key],
            )?;
        }
        Ok(json!({}))
    })
}

pub fn list_tags_for_resource(store: &Store, req: &Request) -> LocalResult {
    let arn = required_str(&req.input, "ResourceArn")?;
    store.read(|conn| {
        let pool = pool_of_arn(conn, arn, &req.account)?;
        Ok(json!({ "Tags": tags_of(conn, &pool)? }))
    })
}

/// The pool an ARN names (an ARN by the model's pattern, checked on the way in);
/// ResourceNotFoundException for an ARN of no pool here (another account or region included).
fn pool_of_arn(conn: &Connection, arn: &str, account: &str) -> LocalResult<String> {
    let not_found = || {
        LocalError::new(
            "ResourceNotFoundException",
            format!("Resource {arn} does not exist."),
        )
    };
    let pool = arn
        .splitn(6, ':')
        .nth(5)
        .and_then(|resource| resource.strip_prefix("userpool/"))
        .ok_or_else(not_found)?;
    match pool_spec(conn, pool) {
        Ok(_) if pool_arn(pool, account) == arn => Ok(pool.to_owned()),
        Ok(_) => Err(not_found()),
        Err(e) if e.code == "ResourceNotFoundException" => Err(not_found()),
        Err(e) => Err(e),
    }
}
