//! One page of a pool's items listed by a text key (identity providers, resource servers), with
//! the opaque `NextToken` the other list operations use.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::super::error::LocalResult;
use super::super::input::{fetch_limit, page_start, set_next_token};

/// What to list: `keys_sql` selects the key column for `?1` pool, keys after `?2`, `LIMIT ?3`.
pub struct Listing<'a> {
    pub keys_sql: &'a str,
    pub pool: &'a str,
    /// Tags the page token, so a token of one listing is refused by another.
    pub kind: &'a str,
    /// The response member holding the items (`Providers`).
    pub member: &'a str,
    pub limit: usize,
}

/// The page after the request's `NextToken`, each key turned into an item by `item`.
pub fn page_of(
    conn: &Connection,
    input: &Value,
    listing: &Listing<'_>,
    item: impl Fn(&Connection, &str) -> LocalResult<Value>,
) -> LocalResult<Value> {
    let kind = format!("{}/{}", listing.kind, listing.pool);
    let after = page_start(input, "NextToken", &kind)?;
    let mut stmt = conn.prepare_cached(listing.keys_sql)?;
    let keys = stmt
        .query_map(
            params![listing.pool, after, fetch_limit(listing.limit)],
            |r| r.get::<_, String>(0),
        )?
        .collect::<Result<Vec<_>, _>>()?;
    let items = keys
        .iter()
        .take(listing.limit)
        .map(|key| item(conn, key))
        .collect::<LocalResult<Vec<_>>>()?;
    let mut out = json!({ listing.member: items });
    set_next_token(&mut out, "NextToken", &kind, &keys, listing.limit);
    Ok(out)
}
