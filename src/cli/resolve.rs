//! What a command line names, turned into ids: a pool by id or name, an app client by id or name.
//!
//! Cost, in calls: text shaped exactly like the pool ids AWS issues (`eu-west-1_AbC123xyZ`) is
//! taken as given, with no call, so a support role that may not describe or list pools keeps
//! working and a script pays no quota for it. Any other text the model's `UserPoolIdType` allows
//! (`local_08LQOkLl` from an emulator, but also a name like `team_alpha`) is asked for with one
//! DescribeUserPool, which answers for the id whatever the number of pools; only if that finds
//! nothing are the pools listed, and matched by name. Text no id can have is only ever a name.

use futures::TryStreamExt as _;
use serde_json::{Value, json};

use super::CliError;
use super::lists::raw_items;
use crate::aws::AwsError;
use crate::cognito::{ClientId, CognitoClient, PoolId};

/// A pool id as given, or the id of the one pool with that name in the region.
pub async fn resolve_pool(client: &CognitoClient, text: &str) -> Result<PoolId, CliError> {
    if issued_by_aws(text) {
        return Ok(PoolId::new(text));
    }
    let maybe_id = is_pool_id(text);
    if maybe_id {
        let input = json!({"UserPoolId": text});
        if found(client.call_json("DescribeUserPool", &input).await)?.is_some() {
            return Ok(PoolId::new(text));
        }
    }
    let mut named = Vec::new();
    let mut pages = std::pin::pin!(client.list_user_pools());
    while let Some(page) = pages.try_next().await? {
        named.extend(
            page.user_pools
                .into_iter()
                .filter(|p| p.name.as_deref() == Some(text))
                .map(|p| p.id),
        );
    }
    let region = client.region();
    let miss = if maybe_id {
        format!("no user pool has the id or the name {text:?} in {region} (check --region)")
    } else {
        format!("no user pool is named {text:?} in {region} (pass a pool id, or check --region)")
    };
    one_of(named, PoolId::as_str, miss, |n, ids| {
        format!("{n} user pools are named {text:?}: {ids}; pass the pool id instead")
    })
}

/// DescribeUserPoolClient of the client `text` names: its id, else its name, unique in the pool.
/// By id it costs the one call the answer needs; a name costs a listing of the pool's clients.
pub async fn describe_client(
    client: &CognitoClient,
    pool: &PoolId,
    text: &str,
) -> Result<Value, CliError> {
    if is_client_id(text)
        && let Some(described) = found(describe(client, pool, text).await)?
    {
        return Ok(described);
    }
    let input = json!({"UserPoolId": pool, "MaxResults": 60});
    let listed = raw_items(client, "ListUserPoolClients", input, "UserPoolClients").await?;
    let named = listed
        .iter()
        .filter(|c| c["ClientName"] == text)
        .filter_map(|c| c["ClientId"].as_str().map(ClientId::new))
        .collect();
    let miss = format!("no app client has the id or the name {text:?} in the pool {pool}");
    let id = one_of(named, ClientId::as_str, miss, |n, ids| {
        format!("{n} app clients are named {text:?}: {ids}; pass the client id instead")
    })?;
    Ok(describe(client, pool, id.as_str()).await?)
}

async fn describe(client: &CognitoClient, pool: &PoolId, id: &str) -> Result<Value, AwsError> {
    let input = json!({"UserPoolId": pool, "ClientId": id});
    client.call_json("DescribeUserPoolClient", &input).await
}

/// The answer, or `None` when the service says there is no such thing.
fn found(answer: Result<Value, AwsError>) -> Result<Option<Value>, CliError> {
    match answer {
        Ok(value) => Ok(Some(value)),
        // AWS may also refuse an id that matches the pattern but not its own shape.
        Err(e)
            if matches!(
                e.code(),
                Some("ResourceNotFoundException" | "InvalidParameterException")
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// The one match; none or several is an error, `several` given their count and ids.
fn one_of<T>(
    mut matches: Vec<T>,
    id: impl Fn(&T) -> &str,
    miss: String,
    several: impl FnOnce(usize, &str) -> String,
) -> Result<T, CliError> {
    match matches.len() {
        0 => Err(CliError::Input(miss)),
        1 => Ok(matches.remove(0)),
        n => {
            let ids: Vec<&str> = matches.iter().map(id).collect();
            Err(CliError::Input(several(n, &ids.join(", "))))
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The model's `UserPoolIdType`: `[\w-]+_[0-9a-zA-Z]+`, 1 to 55 characters.
fn is_pool_id(text: &str) -> bool {
    let Some((head, suffix)) = text.rsplit_once('_') else {
        return false;
    };
    text.len() <= 55
        && !head.is_empty()
        && head.chars().all(|c| is_word(c) || c == '-')
        && !suffix.is_empty()
        && suffix.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The model's `ClientIdType`: `[\w+]+`, 1 to 128 characters.
fn is_client_id(text: &str) -> bool {
    (1..=128).contains(&text.len()) && text.chars().all(|c| is_word(c) || c == '+')
}

/// A pool id as AWS issues them: a region's name (`eu-west-1`, `us-gov-west-1`, `cn-northwest-1`),
/// `_`, alphanumerics. The compass word keeps a name like `my-app-2_prod` out.
fn issued_by_aws(text: &str) -> bool {
    const COMPASS: [&str; 9] = [
        "east",
        "west",
        "north",
        "south",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    ];
    let Some((region, suffix)) = text.split_once('_') else {
        return false;
    };
    let parts: Vec<&str> = region.split('-').collect();
    let [area, partition @ .., direction, number] = parts.as_slice() else {
        return false;
    };
    let lower = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase());
    area.len() == 2
        && lower(area)
        && partition.iter().all(lower)
        && COMPASS.contains(direction)
        && (1..=2).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
        && !suffix.is_empty()
        && suffix.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_ids_by_the_model_and_by_aws() {
        for id in ["local_08LQOkLl", "team_alpha", "my-app_prod", "a_b_c1"] {
            assert!(is_pool_id(id), "{id}");
            assert!(!issued_by_aws(id), "{id}");
        }
        for id in [
            "us-east-1_AbC123xyZ",
            "us-gov-west-1_000000000",
            "eu-west-1_AcmeProd1",
        ] {
            assert!(is_pool_id(id) && issued_by_aws(id), "{id}");
        }
        let too_long = format!("{}_12345", "a".repeat(50));
        for name in ["production", "team_", "_x", "a b_c", "x_a-b", &too_long] {
            assert!(!is_pool_id(name), "{name}");
        }
        assert!(
            !issued_by_aws("my-app-2_prod"),
            "a suffix of 4 is not AWS's"
        );
    }

    #[test]
    fn client_ids_by_the_model() {
        assert!(is_client_id("5a3b1c9d0e7f2g4h6i8j0k1l2m"));
        assert!(is_client_id("web_app+1"));
        assert!(!is_client_id("Back office"));
        assert!(!is_client_id("web-app"));
        assert!(!is_client_id(""));
    }
}
