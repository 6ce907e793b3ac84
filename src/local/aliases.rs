//! A user named in an admin request by another name than their username, as AWS resolves it:
//! an alias the pool allows (an email or phone number under UsernameAttributes; a verified email
//! or phone number, or a preferred_username, under AliasAttributes), else the user's sub. A
//! username of that spelling always wins.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::Value;

use super::error::LocalResult;
use super::ops::Request;
use super::ops::pools::pool_spec;
use super::store::{Cached as _, Store};

/// The request with `Username` replaced by the username it means, when it means another user
/// than one of that name; None when it is to run as it is (a missing user is the handler's to
/// report).
pub fn resolve(store: &Store, operation: &str, request: &Request) -> LocalResult<Option<Request>> {
    if !operation.starts_with("Admin") || operation == "AdminCreateUser" {
        return Ok(None);
    }
    let text = |key: &str| request.input.get(key).and_then(Value::as_str);
    let (Some(pool), Some(name)) = (text("UserPoolId"), text("Username")) else {
        return Ok(None);
    };
    let Some(username) = user_named(store, pool, name)?.filter(|u| u != name) else {
        return Ok(None);
    };
    let mut resolved = request.clone();
    resolved.input["Username"] = Value::String(username);
    Ok(Some(resolved))
}

/// The username `name` means in `pool`: itself when a user has it, else the user an alias or
/// sub names; `None` when nobody is named (the handler reports that).
pub fn user_named(store: &Store, pool: &str, name: &str) -> LocalResult<Option<String>> {
    store.read(|conn| {
        let exists: bool = conn.cached_row(
            "SELECT EXISTS (SELECT 1 FROM users WHERE pool_id = ?1 AND username = ?2)",
            params![pool, name],
            |r| r.get(0),
        )?;
        if exists {
            return Ok(Some(name.to_owned()));
        }
        aliased(conn, pool, name)
    })
}

/// The user an alias the pool allows, or a sub, names (`name` is nobody's username).
fn aliased(conn: &Connection, pool: &str, name: &str) -> LocalResult<Option<String>> {
    let Ok(spec) = pool_spec(conn, pool) else {
        return Ok(None);
    };
    let names = |member: &str| -> Vec<String> {
        spec.get(member)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let aliases = names("UsernameAttributes")
        .into_iter()
        .map(|a| (a, false))
        .chain(names("AliasAttributes").into_iter().map(|a| {
            let verified = a != "preferred_username";
            (a, verified)
        }));
    for (attribute, verified) in aliases {
        let mut statement = conn.prepare_cached(
            "SELECT a.username FROM user_attributes a
             WHERE a.pool_id = ?1 AND a.name = ?2 AND a.value = ?3
               AND (NOT ?4 OR EXISTS (SELECT 1 FROM user_attributes v
                   WHERE v.pool_id = a.pool_id AND v.username = a.username
                   AND v.name = ?2 || '_verified' AND v.value = 'true'))
             LIMIT 2",
        )?;
        let found = statement
            .query_map(params![pool, attribute, name, verified], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        if let [one] = found.as_slice() {
            return Ok(Some(one.clone()));
        }
    }
    Ok(conn
        .cached_row(
            "SELECT username FROM users WHERE pool_id = ?1 AND sub = ?2",
            params![pool, name],
            |r| r.get(0),
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::local::ops::testing::call;
    use crate::local::store::{StateLocation, Store};

    fn pool(store: &Store, spec: serde_json::Value) -> serde_json::Value {
        let mut spec = spec;
        spec["PoolName"] = json!("p");
        call(store, "CreateUserPool", spec).unwrap()["UserPool"]["Id"].clone()
    }

    fn user(store: &Store, pool: &serde_json::Value, name: &str, attributes: &serde_json::Value) {
        let input = json!({"UserPoolId": pool, "Username": name, "UserAttributes": attributes});
        call(store, "AdminCreateUser", input).unwrap();
    }

    fn username(store: &Store, pool: &serde_json::Value, name: &str) -> Result<String, String> {
        call(
            store,
            "AdminGetUser",
            json!({"UserPoolId": pool, "Username": name}),
        )
        .map(|u| u["Username"].as_str().unwrap().to_owned())
        .map_err(|(code, _)| code)
    }

    #[test]
    fn an_admin_request_may_name_a_user_by_an_alias_the_pool_allows_or_by_sub() {
        let store = Store::open(&StateLocation::Memory).unwrap();
        let aliased = pool(&store, json!({"AliasAttributes": ["email"]}));
        user(
            &store,
            &aliased,
            "ann",
            &json!([
                {"Name": "email", "Value": "ann@x.org"},
                {"Name": "email_verified", "Value": "true"}
            ]),
        );
        user(
            &store,
            &aliased,
            "bob",
            &json!([{"Name": "email", "Value": "bob@x.org"}]),
        );
        assert_eq!(username(&store, &aliased, "ann@x.org"), Ok("ann".into()));
        // An alias counts only once verified.
        let not_found = Err("UserNotFoundException".to_owned());
        assert_eq!(username(&store, &aliased, "bob@x.org"), not_found);
        let answer = call(
            &store,
            "AdminGetUser",
            json!({"UserPoolId": aliased, "Username": "ann"}),
        );
        let sub = answer.unwrap()["UserAttributes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["Name"] == "sub")
            .unwrap()["Value"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(username(&store, &aliased, &sub), Ok("ann".into()));
        let disabled = json!({"UserPoolId": aliased, "Username": "ann@x.org"});
        call(&store, "AdminDisableUser", disabled).unwrap();
        let ann = call(
            &store,
            "AdminGetUser",
            json!({"UserPoolId": aliased, "Username": "ann"}),
        );
        assert_eq!(ann.unwrap()["Enabled"], json!(false));

        // Without aliases an email is only ever a username; with UsernameAttributes it needs no
        // verification.
        let plain = pool(&store, json!({}));
        user(
            &store,
            &plain,
            "carla",
            &json!([{"Name": "email", "Value": "c@x.org"}]),
        );
        assert_eq!(username(&store, &plain, "c@x.org"), not_found);
        let by_email = pool(&store, json!({"UsernameAttributes": ["email"]}));
        user(
            &store,
            &by_email,
            "d-1",
            &json!([{"Name": "email", "Value": "d@x.org"}]),
        );
        assert_eq!(username(&store, &by_email, "d@x.org"), Ok("d-1".into()));
    }
}
