//! One page of items listed by a text key (groups, members, app clients, identity providers,
//! resource servers), with the opaque `NextToken` those list operations use.

use rusqlite::types::ToSql;
use rusqlite::{Connection, params_from_iter};
use serde_json::{Value, json};

use super::super::error::LocalResult;
use super::super::input::{fetch_limit, page_start, set_next_token};

/// What to list: `keys_sql` selects the key column with the `scope` values as `?1`.., then the key
/// to start after, then the `LIMIT`.
pub struct Listing<'a> {
    pub keys_sql: &'a str,
    pub scope: &'a [&'a dyn ToSql],
    /// Tags the page token, so a token of one listing (or of another pool's) is refused by another.
    pub kind: String,
    /// The response member holding the items (`Providers`).
    pub member: &'a str,
    pub limit: usize,
}

impl Listing<'_> {
    /// The key the page starts after, from the request's `NextToken`; empty for the first page.
    pub fn start(&self, input: &Value) -> LocalResult<String> {
        page_start(input, "NextToken", &self.kind)
    }
}

/// The page of keys after `after`, each key turned into an item by `item`.
pub fn page_of(
    conn: &Connection,
    listing: &Listing<'_>,
    after: &str,
    item: impl Fn(&Connection, &str) -> LocalResult<Value>,
) -> LocalResult<Value> {
    let limit = fetch_limit(listing.limit);
    let mut args = listing.scope.to_vec();
    args.extend([&after as &dyn ToSql, &limit]);
    let mut stmt = conn.prepare_cached(listing.keys_sql)?;
    let keys = stmt
        .query_map(params_from_iter(args), |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    let items = keys
        .iter()
        .take(listing.limit)
        .map(|key| item(conn, key))
        .collect::<LocalResult<Vec<_>>>()?;
    let mut out = json!({ listing.member: items });
    set_next_token(&mut out, "NextToken", &listing.kind, &keys, listing.limit);
    Ok(out)
}
