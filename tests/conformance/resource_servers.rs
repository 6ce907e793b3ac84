//! Conformance of OAuth resource servers: create, list and describe (moto 5.2.5 too), update,
//! delete and the model's limits (the local server only).

use cognito_tui::cognito::{CognitoClient, PoolId};
use futures::TryStreamExt as _;
use serde_json::json;

use super::super::common::create_pool;
use super::{call, code_of};

async fn server_identifiers(client: &CognitoClient, pool: &PoolId) -> Vec<String> {
    let pages: Vec<_> = client
        .list_resource_servers(pool)
        .try_collect()
        .await
        .unwrap();
    let mut ids: Vec<String> = pages
        .iter()
        .flat_map(|p| &p.resource_servers)
        .filter_map(|s| s.identifier.clone())
        .collect();
    ids.sort();
    ids
}

/// Create, list and describe: what moto 5.2.5 implements of resource servers.
pub async fn resource_servers(client: &CognitoClient) -> PoolId {
    let pool = create_pool(client, "conf-servers").await;
    let p = pool.as_str();
    let api = "https://api.example.com";
    let created = call(
        client,
        "CreateResourceServer",
        &json!({"UserPoolId": p, "Identifier": api, "Name": "Example API",
                "Scopes": [{"ScopeName": "read", "ScopeDescription": "Read"},
                           {"ScopeName": "write", "ScopeDescription": "Write"}]}),
    )
    .await;
    assert_eq!(
        created["ResourceServer"]["Scopes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    call(
        client,
        "CreateResourceServer",
        &json!({"UserPoolId": p, "Identifier": "billing", "Name": "Billing"}),
    )
    .await;
    assert_eq!(server_identifiers(client, &pool).await, ["billing", api]);
    let described = call(
        client,
        "DescribeResourceServer",
        &json!({"UserPoolId": p, "Identifier": api}),
    )
    .await;
    assert_eq!(described["ResourceServer"]["Name"], "Example API");
    assert_eq!(
        described["ResourceServer"]["Scopes"][1]["ScopeName"],
        "write"
    );
    let dup = client
        .call_json(
            "CreateResourceServer",
            &json!({"UserPoolId": p, "Identifier": api, "Name": "Again"}),
        )
        .await;
    assert_eq!(code_of(dup), "InvalidParameterException");
    let missing = client
        .call_json(
            "DescribeResourceServer",
            &json!({"UserPoolId": p, "Identifier": "nope"}),
        )
        .await;
    assert_eq!(code_of(missing), "ResourceNotFoundException");
    pool
}

/// Update and delete, and the model's limits (local only: moto 5.2.5 has neither operation).
pub async fn resource_server_edits(client: &CognitoClient) {
    let pool = resource_servers(client).await;
    let p = pool.as_str();
    let api = "https://api.example.com";
    let updated = call(
        client,
        "UpdateResourceServer",
        &json!({"UserPoolId": p, "Identifier": api, "Name": "Renamed",
                "Scopes": [{"ScopeName": "admin", "ScopeDescription": "Administer"}]}),
    )
    .await;
    assert_eq!(updated["ResourceServer"]["Name"], "Renamed");
    assert_eq!(updated["ResourceServer"]["Scopes"][0]["ScopeName"], "admin");
    let no_scopes = call(
        client,
        "UpdateResourceServer",
        &json!({"UserPoolId": p, "Identifier": api, "Name": "Renamed"}),
    )
    .await;
    assert_eq!(
        no_scopes["ResourceServer"]["Scopes"],
        json!([]),
        "omitted scopes reset"
    );
    let slash = client
        .call_json(
            "UpdateResourceServer",
            &json!({"UserPoolId": p, "Identifier": api, "Name": "x",
                    "Scopes": [{"ScopeName": "a/b", "ScopeDescription": "d"}]}),
        )
        .await;
    assert_eq!(code_of(slash), "InvalidParameterException");
    let over = client
        .call_json(
            "ListResourceServers",
            &json!({"UserPoolId": p, "MaxResults": 51}),
        )
        .await;
    assert_eq!(code_of(over), "InvalidParameterException");
    let page = call(
        client,
        "ListResourceServers",
        &json!({"UserPoolId": p, "MaxResults": 1}),
    )
    .await;
    assert!(page["NextToken"].is_string());
    let delete = json!({"UserPoolId": p, "Identifier": "billing"});
    call(client, "DeleteResourceServer", &delete).await;
    assert_eq!(server_identifiers(client, &pool).await, [api]);
    let again = client.call_json("DeleteResourceServer", &delete).await;
    assert_eq!(code_of(again), "ResourceNotFoundException");
    let missing_update = client
        .call_json(
            "UpdateResourceServer",
            &json!({"UserPoolId": p, "Identifier": "billing", "Name": "x"}),
        )
        .await;
    assert_eq!(code_of(missing_update), "ResourceNotFoundException");
}
