//! Which usernames a ListUsers page holds, in username order after the page token, and a plan
//! for each filter that keeps a page fast in a pool of a million users. SQLite's planner, without
//! statistics, walks the pool in username order to spare a sort, which for a rare attribute value
//! reads every user (a second and a half a page at a million); so an equality reads the value
//! index, which holds a value's users in username order already, and a prefix reads it too when
//! few users match, else walks the pool for a while (the many matches are usually near) and only
//! then sorts them all.

use rusqlite::{Connection, params};

use super::super::error::LocalResult;
use super::super::filter::Filter;
use crate::cognito::user_filter::FilterAttribute;

/// When a prefix filter sorts its matches rather than walk the pool.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// A prefix fewer users than this start with is read from the value index and sorted; with
    /// more, walking the pool usually finds a page sooner.
    sort_at_most: i64,
    /// How many users a walk reads before it gives up and sorts the matches (each costs about a
    /// microsecond and a half, so a page costs at most some 15 ms more than the sort).
    walk_at_most: i64,
}

const LIMITS: Limits = Limits {
    sort_at_most: 5_000,
    walk_at_most: 10_000,
};

/// An attribute equal to a value: the index holds its users in username order already.
const EQUAL: &str = "SELECT a.username FROM user_attributes a \
     WHERE a.pool_id = ?1 AND a.name = ?3 AND a.value = ?4 AND a.username > ?2 \
     ORDER BY a.username LIMIT ?5";

/// From `?2` (the token itself excluded, `?3`) to the end of the usernames starting with `?4`.
const USERNAME_PREFIX: &str = "SELECT u.username FROM users u \
     WHERE u.pool_id = ?1 AND u.username >= ?2 AND u.username <> ?3 \
     AND u.username < ?4 || char(1114111) AND substr(u.username, 1, length(?4)) = ?4 \
     ORDER BY u.username LIMIT ?5";

/// The values starting with `?4` are those from it up to it followed by the last code point;
/// the `substr` keeps the match exact at that edge.
const PREFIX_RANGE: &str = "a.pool_id = ?1 AND a.name = ?3 \
     AND a.value >= ?4 AND a.value < ?4 || char(1114111) AND substr(a.value, 1, length(?4)) = ?4";

/// Up to `fetch` usernames after `after` that `filter` matches, in order.
pub fn usernames(
    conn: &Connection,
    pool: &str,
    after: &str,
    filter: Option<&Filter>,
    fetch: i64,
) -> LocalResult<Vec<String>> {
    usernames_within(conn, pool, after, filter, fetch, LIMITS)
}

fn usernames_within(
    conn: &Connection,
    pool: &str,
    after: &str,
    filter: Option<&Filter>,
    fetch: i64,
    limits: Limits,
) -> LocalResult<Vec<String>> {
    let sorted = || {
        format!(
            "SELECT a.username FROM user_attributes a INDEXED BY user_attributes_by_value \
             WHERE {PREFIX_RANGE} AND a.username > ?2 ORDER BY a.username LIMIT ?5"
        )
    };
    // ?3 is the attribute's name, or for a username prefix the page token (see below).
    let (sql, after, third, value) = match filter {
        None => (walk("1"), after, "", ""),
        // The usernames with a prefix are one range of the key: start at the later of the token
        // and the prefix (SQLite would start at the token, and walk from there to the prefix).
        Some(f) if f.attribute == FilterAttribute::Username && f.prefix => {
            let from = after.max(f.value.as_str());
            (USERNAME_PREFIX.to_owned(), from, after, f.value.as_str())
        }
        Some(f) if !in_value_index(f.attribute) => {
            (walk(&condition(f)), after, "", f.value.as_str())
        }
        Some(f) => {
            let name = f.attribute.name();
            let sql = if !f.prefix {
                EQUAL.to_owned()
            } else if few_start_with(conn, pool, name, &f.value, limits.sort_at_most)? {
                sorted()
            } else if let Some(page) = short_walk(conn, pool, after, f, fetch, limits.walk_at_most)?
            {
                return Ok(page);
            } else {
                sorted()
            };
            (sql, after, name, f.value.as_str())
        }
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let names = stmt
        .query_map(params![pool, after, third, value, fetch], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(names)
}

/// The page a walk of at most `at_most` users after `after` finds: None if it read them all and
/// found fewer than `fetch` (the rest may be anywhere further on).
fn short_walk(
    conn: &Connection,
    pool: &str,
    after: &str,
    filter: &Filter,
    fetch: i64,
    at_most: i64,
) -> LocalResult<Option<Vec<String>>> {
    let sql = format!(
        "SELECT u.username, {} FROM (SELECT pool_id, username, sub FROM users \
         WHERE pool_id = ?1 AND username > ?2 ORDER BY username LIMIT ?5) u ORDER BY u.username",
        condition(filter)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let name = filter.attribute.name();
    let rows = stmt
        .query_map(params![pool, after, name, filter.value, at_most], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let read = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    let wanted = usize::try_from(fetch).unwrap_or(usize::MAX);
    let page: Vec<String> = rows
        .into_iter()
        .filter_map(|(username, matches)| matches.then_some(username))
        .take(wanted)
        .collect();
    // A full page, or the end of the pool reached: the page is complete.
    let complete = page.len() == wanted || read < at_most;
    Ok(complete.then_some(page))
}

/// The user attributes, and `sub`: it is an attribute row too, written with the user and never
/// changed or deleted (AWS refuses both), so the index finds a user by sub as fast as by email.
fn in_value_index(attribute: FilterAttribute) -> bool {
    attribute.is_user_attribute() || attribute == FilterAttribute::Sub
}

/// The pool in username order, each user tested by `condition`.
fn walk(condition: &str) -> String {
    format!(
        "SELECT u.username FROM users u WHERE u.pool_id = ?1 AND u.username > ?2 AND {condition} \
         ORDER BY u.username LIMIT ?5"
    )
}

/// Whether fewer than `at_most` users have a `name` starting with `prefix` (counted no further
/// than that, in the index).
fn few_start_with(
    conn: &Connection,
    pool: &str,
    name: &str,
    prefix: &str,
    at_most: i64,
) -> LocalResult<bool> {
    let sql = format!(
        "SELECT count(*) FROM (SELECT 1 FROM user_attributes a INDEXED BY user_attributes_by_value \
         WHERE {PREFIX_RANGE} LIMIT ?5)"
    );
    let count: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params![pool, "", name, prefix, at_most], |r| r.get(0))?;
    Ok(count < at_most)
}

/// The SQL condition for a filter on a user `u`; `?3` is the attribute name, `?4` the value.
fn condition(filter: &Filter) -> String {
    let attribute = filter.attribute;
    let column = match attribute {
        FilterAttribute::Username => "u.username",
        FilterAttribute::Sub => "u.sub",
        FilterAttribute::UserStatus => "u.status",
        FilterAttribute::Status => "(CASE u.enabled WHEN 1 THEN 'Enabled' ELSE 'Disabled' END)",
        _ => "a.value",
    };
    // Statuses are ASCII, so SQLite's ASCII-only upper() is enough.
    let (column, value) = if attribute.ignores_case() {
        (format!("upper({column})"), "upper(?4)")
    } else {
        (column.to_owned(), "?4")
    };
    let compare = if filter.prefix {
        format!("substr({column}, 1, length({value})) = {value}")
    } else {
        format!("{column} = {value}")
    };
    if attribute.is_user_attribute() {
        format!(
            "EXISTS (SELECT 1 FROM user_attributes a WHERE a.pool_id = u.pool_id \
             AND a.username = u.username AND a.name = ?3 AND {compare})"
        )
    } else {
        format!("({compare})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::local::seed::{Seed, apply_if_empty};
    use crate::local::seed_big::BIG_POOL;
    use crate::local::store::{StateLocation, Store};

    /// Every page of `filter`, 7 at a time, as the server would list them with `limits`.
    fn all_pages(conn: &Connection, filter: &str, limits: Limits) -> Vec<String> {
        let filter = crate::local::filter::parse(filter).unwrap();
        let mut listed: Vec<String> = Vec::new();
        loop {
            let after = listed.last().cloned().unwrap_or_default();
            let page =
                usernames_within(conn, BIG_POOL, &after, filter.as_ref(), 8, limits).unwrap();
            let more = page.len() == 8;
            listed.extend(page.into_iter().take(7));
            if !more {
                return listed;
            }
        }
    }

    #[test]
    fn every_plan_lists_what_a_plain_walk_lists() {
        let store = Store::open(&StateLocation::Memory).unwrap();
        apply_if_empty(&store, Seed::Big(2_000)).unwrap();
        let walk_only = Limits {
            sort_at_most: 0,
            walk_at_most: i64::MAX,
        };
        let sort_only = Limits {
            sort_at_most: i64::MAX,
            walk_at_most: 0,
        };
        // Too many matches to sort, and a walk too short to reach the "zoe." users at the end.
        let walk_then_sort = Limits {
            sort_at_most: 10,
            walk_at_most: 50,
        };
        store
            .read(|conn| {
                for filter in [
                    r#"email ^= "zoe.""#,
                    r#"email ^= "ann.berg""#,
                    r#"email ^= """#,
                    r#"given_name = "Zoe""#,
                    r#"email = "nobody@example.com""#,
                    r#"phone_number ^= "+1555000""#,
                    r#"sub ^= "7""#,
                    r#"sub ^= "7f""#,
                    r#"sub = "8f4036ae-9148-49ae-b34f-33465ef3f7f8""#,
                    r#"sub = "8f4036ae""#,
                    r#"username ^= "zoe.""#,
                    r#"username ^= "bob.chen.2""#,
                    r#"username ^= """#,
                    r#"username = "bob.chen.2""#,
                ] {
                    let expected = all_pages(conn, filter, walk_only);
                    for limits in [sort_only, walk_then_sort, LIMITS] {
                        assert_eq!(all_pages(conn, filter, limits), expected, "{filter}");
                    }
                }
                let zoe = all_pages(conn, r#"email ^= "zoe.""#, LIMITS);
                assert_eq!(zoe, all_pages(conn, r#"given_name = "Zoe""#, walk_only));
                assert!(zoe.len() > 70 && zoe.iter().all(|u| u.starts_with("zoe.")));
                assert_eq!(all_pages(conn, r#"username ^= "zoe.""#, LIMITS), zoe);
                let everyone = all_pages(conn, r#"username ^= """#, LIMITS);
                assert_eq!(everyone.len(), 2_000);
                assert_eq!(
                    all_pages(conn, r#"status = "Enabled""#, LIMITS).len()
                        + all_pages(conn, r#"status = "Disabled""#, LIMITS).len(),
                    2_000
                );
                let by_sub = all_pages(
                    conn,
                    r#"sub = "8f4036ae-9148-49ae-b34f-33465ef3f7f8""#,
                    LIMITS,
                );
                assert_eq!(by_sub, ["ann.adams.1"]);
                Ok(())
            })
            .unwrap();
    }
}
