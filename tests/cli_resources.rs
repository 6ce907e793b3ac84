//! The real binary's `pools`, `groups`, `clients`, `idps` and `api` commands against moto.
mod cli_support;
mod common;

use std::io::Write as _;

use cli_support::{
    FIXED, all_items, app_client, call, cli, field, moto_flags, ok, ok_json, one_line_failure,
    parse_csv, pool_name, run_args, run_with,
};
use cognito_tui::cognito::{GroupName, Username};
use serde_json::{Value, json};

const MASK: &str = "********";

#[tokio::test(flavor = "multi_thread")]
async fn pools_list_in_every_format_with_global_flags_first() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-pools").await;
    let name = pool_name(&client, &pool).await;
    let listed = all_items(
        &client,
        "ListUserPools",
        json!({"MaxResults": 60}),
        "UserPools",
    )
    .await;
    let entry = listed
        .into_iter()
        .find(|p| p["Id"] == pool.as_str())
        .unwrap();

    // Global flags before the command.
    let mut args = moto_flags();
    args.extend(["--output", "json", "pools", "list"].map(str::to_owned));
    let run = run_args(args, "").await;
    assert_eq!(run.code, 0, "{run:?}");
    let pools: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        pools.iter().find(|p| p["Id"] == pool.as_str()),
        Some(&entry)
    );

    let table = ok("pools list").await;
    assert!(table.starts_with("ID "), "{table}");
    let row = table
        .lines()
        .find(|l| l.starts_with(pool.as_str()))
        .unwrap();
    assert_eq!(row.split_whitespace().nth(1), Some(name.as_str()), "{row}");

    let (headers, rows) = parse_csv(&ok("pools list --output csv").await);
    assert_eq!(headers, ["id", "name", "created", "modified"]);
    let row = rows.iter().find(|r| r["id"] == pool.as_str()).unwrap();
    assert_eq!(row["name"], name);
}

#[tokio::test(flavor = "multi_thread")]
async fn pools_describe_by_name_or_id() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-describe").await;
    let name = pool_name(&client, &pool).await;
    let described = call(&client, "DescribeUserPool", json!({"UserPoolId": pool})).await;
    assert_eq!(
        ok_json(&format!("pools describe {name} --output json")).await,
        described
    );
    assert_eq!(
        ok_json(&format!("pools describe {pool} --output json")).await,
        described
    );
    let table = ok(&format!("pools describe {name}")).await;
    assert_eq!(field(&table, "Id"), pool.as_str());
    assert_eq!(field(&table, "Name"), name);

    // A name no pool has, and a name two pools share: one clear line each, exit 1.
    let missing = common::unique("cli-no-such-pool");
    let run = cli(&format!("pools describe {missing}"), "").await;
    let line = one_line_failure(&run);
    assert!(
        line.contains("no user pool is named") && line.contains(&missing),
        "{line}"
    );

    let twin = common::unique("cli-twin");
    let mut ids = Vec::new();
    for _ in 0..2 {
        let created = call(&client, "CreateUserPool", json!({"PoolName": twin})).await;
        ids.push(created["UserPool"]["Id"].as_str().unwrap().to_owned());
    }
    for line in [
        format!("pools describe {twin}"),
        format!("groups list --pool {twin}"),
    ] {
        let run = cli(&line, "").await;
        let line = one_line_failure(&run);
        assert!(line.contains("2 user pools are named"), "{line}");
        assert!(ids.iter().all(|id| line.contains(id.as_str())), "{line}");
        assert!(line.contains("pass the pool id"), "{line}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn groups_list_and_members() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-groups").await;
    for (i, g) in ["admins", "staff", "empty"].into_iter().enumerate() {
        let input = json!({"UserPoolId": pool, "GroupName": g, "Description": format!("the {g}"), "Precedence": i});
        call(&client, "CreateGroup", input).await;
    }
    for (user, email) in [
        ("ann", "ann@example.com"),
        ("bob", "bob@example.com"),
        ("cy", "cy@example.com"),
    ] {
        common::create_user(&client, &pool, user, &[("email", email)]).await;
    }
    for user in ["ann", "bob"] {
        let (user, group) = (Username::new(user), GroupName::new("staff"));
        client
            .admin_add_user_to_group(&pool, &user, &group)
            .await
            .unwrap();
    }
    let groups = all_items(
        &client,
        "ListGroups",
        json!({"UserPoolId": pool, "Limit": 60}),
        "Groups",
    )
    .await;
    assert_eq!(
        ok_json(&format!("groups list --pool {pool} --output json")).await,
        Value::Array(groups)
    );
    let table = ok(&format!(
        "groups list --pool {}",
        pool_name(&client, &pool).await
    ))
    .await;
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(
        lines[0].starts_with("NAME") && lines[0].contains("PRECEDENCE"),
        "{table}"
    );
    for g in ["admins", "staff", "empty"] {
        let row = lines.iter().find(|l| l.starts_with(g)).unwrap();
        assert!(row.contains(&format!("the {g}")), "{row}");
    }

    let input = json!({"UserPoolId": pool, "GroupName": "staff", "Limit": 60});
    let members = all_items(&client, "ListUsersInGroup", input, "Users").await;
    assert_eq!(members.len(), 2);
    let json = ok_json(&format!("groups members --pool {pool} staff --output json")).await;
    assert_eq!(json, Value::Array(members));
    let table = ok(&format!("groups members --pool {pool} staff")).await;
    let mut rows: Vec<&str> = table
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    rows.sort_unstable();
    assert_eq!(rows, ["ann", "bob"]);
    assert!(
        table.contains("ann@example.com") && !table.contains("cy@"),
        "{table}"
    );
    let csv = ok(&format!("groups members --pool {pool} empty --output csv")).await;
    let (headers, rows) = parse_csv(&csv);
    assert_eq!(
        (headers.join(","), rows.len()),
        (format!("{},email", FIXED.join(",")), 0)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn clients_list_and_describe_mask_the_secret() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-clients").await;
    let app = app_client(&client, &pool, "with-secret", true).await;
    let id = app["ClientId"].as_str().unwrap();
    let secret = app["ClientSecret"].as_str().unwrap();
    assert!(secret.len() > 8, "{app}");

    let listed = ok_json(&format!("clients list --pool {pool} --output json")).await;
    assert_eq!(
        listed,
        json!([{"ClientId": id, "ClientName": "with-secret", "UserPoolId": pool}])
    );
    let table = ok(&format!("clients list --pool {pool}")).await;
    let row = table
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>();
    assert_eq!(row, ["with-secret", id]);

    let input = json!({"UserPoolId": pool, "ClientId": id});
    let raw = call(&client, "DescribeUserPoolClient", input).await;
    let mut masked = raw.clone();
    masked["UserPoolClient"]["ClientSecret"] = json!(MASK);
    let shown = ok_json(&format!(
        "clients describe --pool {pool} {id} --output json"
    ))
    .await;
    assert_eq!(shown, masked);
    let table = ok(&format!("clients describe --pool {pool} {id}")).await;
    assert_eq!(field(&table, "ClientSecret"), MASK);
    assert_eq!(field(&table, "ClientId"), id);
    assert!(!table.contains(secret), "{table}");

    let shown = ok_json(&format!(
        "clients describe --pool {pool} {id} --reveal-secret --output json"
    ))
    .await;
    assert_eq!(shown, raw);
    let table = ok(&format!(
        "clients describe --reveal-secret --pool {pool} {id}"
    ))
    .await;
    assert_eq!(field(&table, "ClientSecret"), secret);
}

#[tokio::test(flavor = "multi_thread")]
async fn idps_list_and_describe_mask_secret_details() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-idps").await;
    let secret = "oidc-Sup3r-secret-value";
    let details = json!({"client_id": "abc123", "client_secret": secret, "authorize_scopes": "openid email",
        "oidc_issuer": "https://issuer.example.com", "attributes_request_method": "GET"});
    let input = json!({"UserPoolId": pool, "ProviderName": "Corp", "ProviderType": "OIDC",
        "ProviderDetails": details, "AttributeMapping": {"email": "email"}});
    call(&client, "CreateIdentityProvider", input).await;

    let providers = all_items(
        &client,
        "ListIdentityProviders",
        json!({"UserPoolId": pool, "MaxResults": 60}),
        "Providers",
    )
    .await;
    assert_eq!(providers.len(), 1);
    assert_eq!(
        ok_json(&format!("idps list --pool {pool} --output json")).await,
        Value::Array(providers)
    );
    let table = ok(&format!("idps list --pool {pool}")).await;
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 2, "{table}");
    assert_eq!(
        lines[1].split_whitespace().take(2).collect::<Vec<_>>(),
        ["Corp", "OIDC"]
    );

    let input = json!({"UserPoolId": pool, "ProviderName": "Corp"});
    let raw = call(&client, "DescribeIdentityProvider", input).await;
    assert_eq!(
        raw["IdentityProvider"]["ProviderDetails"]["client_secret"],
        secret
    );
    let mut masked = raw.clone();
    masked["IdentityProvider"]["ProviderDetails"]["client_secret"] = json!(MASK);
    let shown = ok_json(&format!("idps describe --pool {pool} Corp --output json")).await;
    assert_eq!(shown, masked);
    let table = ok(&format!("idps describe --pool {pool} Corp")).await;
    assert!(!table.contains(secret), "{table}");
    let details: Value = serde_json::from_str(field(&table, "ProviderDetails")).unwrap();
    assert_eq!(details, masked["IdentityProvider"]["ProviderDetails"]);

    let shown = ok_json(&format!(
        "idps describe --pool {pool} Corp --reveal-secret --output json"
    ))
    .await;
    assert_eq!(shown, raw);
    assert!(
        ok(&format!("idps describe --pool {pool} Corp --reveal-secret"))
            .await
            .contains(secret)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn api_runs_any_operation_from_text_a_file_or_stdin() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-api").await;
    common::create_pool(&client, "cli-api-second").await;
    common::create_user(&client, &pool, "ann", &[("email", "ann@example.com")]).await;

    // The AWS CLI spelling works too.
    let run = run_with(
        &["api", "list-user-pools", "--input", r#"{"MaxResults":10}"#],
        "",
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    let answer: Value = serde_json::from_str(&run.stdout).unwrap();
    let pools = answer["UserPools"].as_array().unwrap();
    assert!((2..=10).contains(&pools.len()), "{answer}");
    let ids: Vec<&str> = pools.iter().map(|p| p["Id"].as_str().unwrap()).collect();
    assert!(ids.iter().all(|id| id.starts_with("us-east-1_")), "{ids:?}");

    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(br#"{"MaxResults": 1}"#).unwrap();
    let input = format!("@{}", file.path().display());
    let answer = ok_json(&format!("api ListUserPools --input {input}")).await;
    assert_eq!(answer["UserPools"].as_array().unwrap().len(), 1, "{answer}");
    assert!(answer["NextToken"].is_string(), "{answer}");

    let stdin = json!({"UserPoolId": pool, "Username": "ann"}).to_string();
    let run = cli("api AdminGetUser --input @-", &stdin).await;
    assert_eq!(run.code, 0, "{run:?}");
    let expected = call(
        &client,
        "AdminGetUser",
        serde_json::from_str(&stdin).unwrap(),
    )
    .await;
    assert_eq!(
        serde_json::from_str::<Value>(&run.stdout).unwrap(),
        expected
    );

    let list = ok("api --list").await;
    assert_eq!(list.lines().count(), 153);
    assert!(
        list.lines()
            .any(|l| l.starts_with("AdminSetUserMFAPreference\tsigv4\t")),
        "no AdminSetUserMFAPreference line"
    );
    assert!(
        list.lines().any(|l| l.starts_with("SignUp\tnone\t")),
        "no SignUp line"
    );
}

/// Listing the operation names makes no call, so it needs no region or endpoint.
#[tokio::test(flavor = "multi_thread")]
async fn api_list_needs_no_region() {
    let run = run_args(vec!["api".into(), "--list".into()], "").await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 153);
}

#[tokio::test(flavor = "multi_thread")]
async fn api_errors_and_usage_errors() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-api-err").await;
    common::create_user(&client, &pool, "ann", &[]).await;

    let line = one_line_failure(&cli("api NoSuchOperation", "").await).to_owned();
    assert!(
        line.contains("NoSuchOperation") && line.contains("api --list"),
        "{line}"
    );

    // moto answers operations it lacks with an HTML 500.
    let input = json!({"UserPoolId": pool, "Username": "ann"}).to_string();
    let run = run_with(&["api", "AdminListDevices", "--input", &input], "").await;
    let line = one_line_failure(&run);
    assert!(
        line.contains("AdminListDevices is not supported by this endpoint"),
        "{line}"
    );

    let line = one_line_failure(&cli("api ListUsers --input {not-json}", "").await).to_owned();
    assert!(line.contains("not valid JSON"), "{line}");
    let missing = cli("api ListUsers --input @/nonexistent/input.json", "").await;
    assert!(
        one_line_failure(&missing).contains("/nonexistent/input.json"),
        "{missing:?}"
    );

    for usage in [
        "clients describe --pool x",
        "api",
        "pools frobnicate",
        "users list --output xml --pool x",
    ] {
        let run = cli(usage, "").await;
        assert_eq!(run.code, 2, "`{usage}`: {run:?}");
        assert!(run.stdout.is_empty(), "`{usage}`: {run:?}");
    }
}
