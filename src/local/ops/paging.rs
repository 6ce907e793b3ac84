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

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::testing;
    use crate::local::store::Store;

    fn call(store: &Store, operation: &str, input: Value) -> Result<Value, String> {
        testing::call(store, operation, input).map_err(|(code, _)| code)
    }

    /// Every page of one item, following `NextToken`: the `key` of each item, in order.
    fn all_pages(
        store: &Store,
        operation: &str,
        input: &Value,
        member: &str,
        key: &str,
    ) -> Vec<String> {
        let mut keys = Vec::new();
        let mut input = input.clone();
        loop {
            let page = call(store, operation, input.clone()).unwrap();
            let items = page[member].as_array().unwrap();
            assert!(items.len() <= 1, "{operation}: {page}");
            keys.extend(items.iter().map(|i| i[key].as_str().unwrap().to_owned()));
            match page.get("NextToken") {
                Some(token) => input["NextToken"] = token.clone(),
                None => return keys,
            }
        }
    }

    #[test]
    fn group_member_and_client_listings_page_one_at_a_time_and_keep_their_tokens_apart() {
        let (store, pool) = testing::store_with_pool();
        for user in ["ann", "bob"] {
            call(
                &store,
                "AdminCreateUser",
                json!({"UserPoolId": pool, "Username": user}),
            )
            .unwrap();
        }
        for group in ["c", "a", "b"] {
            call(
                &store,
                "CreateGroup",
                json!({"UserPoolId": pool, "GroupName": group}),
            )
            .unwrap();
        }
        for (user, group) in [("ann", "c"), ("ann", "a"), ("bob", "a")] {
            let input = json!({"UserPoolId": pool, "Username": user, "GroupName": group});
            call(&store, "AdminAddUserToGroup", input).unwrap();
        }
        let mut clients = Vec::new();
        for name in ["web", "cli", "api"] {
            let input = json!({"UserPoolId": pool, "ClientName": name});
            let client = call(&store, "CreateUserPoolClient", input).unwrap();
            clients.push(
                client["UserPoolClient"]["ClientId"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        clients.sort();

        let groups = json!({"UserPoolId": pool, "Limit": 1});
        assert_eq!(
            all_pages(&store, "ListGroups", &groups, "Groups", "GroupName"),
            ["a", "b", "c"]
        );
        let anns = json!({"UserPoolId": pool, "Username": "ann", "Limit": 1});
        let names = all_pages(
            &store,
            "AdminListGroupsForUser",
            &anns,
            "Groups",
            "GroupName",
        );
        assert_eq!(names, ["a", "c"]);
        let members = json!({"UserPoolId": pool, "GroupName": "a", "Limit": 1});
        let names = all_pages(&store, "ListUsersInGroup", &members, "Users", "Username");
        assert_eq!(names, ["ann", "bob"]);
        let listed = json!({"UserPoolId": pool, "MaxResults": 1});
        let ids = all_pages(
            &store,
            "ListUserPoolClients",
            &listed,
            "UserPoolClients",
            "ClientId",
        );
        assert_eq!(ids, clients);
        let first = call(&store, "ListUserPoolClients", listed).unwrap();
        assert_eq!(first["UserPoolClients"][0]["UserPoolId"], pool);
        assert!(first["UserPoolClients"][0]["ClientName"].is_string());

        // A token of one listing is refused by another, and by the same listing elsewhere.
        let token = call(&store, "ListGroups", groups.clone()).unwrap()["NextToken"].clone();
        let mut wrong = members.clone();
        wrong["NextToken"] = token.clone();
        assert!(call(&store, "ListUsersInGroup", wrong).is_err());
        let mut wrong = anns.clone();
        wrong["NextToken"] = token.clone();
        assert!(call(&store, "AdminListGroupsForUser", wrong).is_err());
        // The token is read before the pool is looked up.
        let elsewhere = json!({"UserPoolId": "us-east-1_none", "Limit": 1, "NextToken": token});
        let code = call(&store, "ListGroups", elsewhere).unwrap_err();
        assert_ne!(code, "ResourceNotFoundException");
    }
}
