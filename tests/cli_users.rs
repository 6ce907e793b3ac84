//! The real binary's `users` commands against moto: outputs compared with what the API returns,
//! every mutation checked with a fresh read through the library client.
mod cli_support;
mod common;

use std::collections::BTreeSet;

use cli_support::{
    FIXED, all_users, attr, call, cli, create_group, get_user, groups_of, ok, ok_json,
    one_line_failure, parse_csv, pool_and_app, pool_name, pool_with_users, run_with, sign_in,
    status,
};
use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::{GroupName, Username};
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread")]
async fn list_json_is_every_user_as_list_users_returned_them() {
    let client = common::moto().await;
    let pool = pool_with_users(&client, 75).await;
    let expected = all_users(&client, &pool).await;
    assert_eq!(expected.len(), 75);
    let listed = ok_json(&format!("users list --pool {pool} --output json")).await;
    assert_eq!(listed, Value::Array(expected));
}

#[tokio::test(flavor = "multi_thread")]
async fn list_csv_table_filter_and_attributes() {
    let client = common::moto().await;
    let pool = pool_with_users(&client, 75).await;
    let users = all_users(&client, &pool).await;

    // CSV: the fixed columns, then every attribute of the pool's schema, one row per user.
    let described = call(&client, "DescribeUserPool", json!({"UserPoolId": pool})).await;
    let schema = described["UserPool"]["SchemaAttributes"]
        .as_array()
        .unwrap();
    let schema: Vec<String> = schema
        .iter()
        .map(|a| a["Name"].as_str().unwrap().to_owned())
        .collect();
    assert!(schema.iter().any(|n| n == "custom:tenant"), "{schema:?}");
    let (headers, rows) = parse_csv(&ok(&format!("users list --pool {pool} --output csv")).await);
    let expected: Vec<String> = FIXED
        .iter()
        .map(|h| (*h).to_owned())
        .chain(schema.clone())
        .collect();
    assert_eq!(headers, expected);
    assert_eq!(rows.len(), 75);
    for (row, user) in rows.iter().zip(&users) {
        assert_eq!(row["Username"], user["Username"].as_str().unwrap());
        assert_eq!(row["UserStatus"], "FORCE_CHANGE_PASSWORD");
        assert_eq!(row["Enabled"], "true");
        assert!(row["UserCreateDate"].ends_with('Z'), "{row:?}");
        for name in &schema {
            assert_eq!(row[name], attr(user, name), "{name} of {row:?}");
        }
    }

    // A server-side filter and chosen attributes: exactly those columns, only matching users.
    let (p, filter) = (pool.as_str(), r#"email ^= "ann""#);
    let args = [
        "users",
        "list",
        "--pool",
        p,
        "--output",
        "csv",
        "--filter",
        filter,
        "--attributes",
        "email,custom:tenant",
    ];
    let run = run_with(&args, "").await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (headers, rows) = parse_csv(&run.stdout);
    let mut expected: Vec<&str> = FIXED.to_vec();
    expected.extend(["email", "custom:tenant"]);
    assert_eq!(headers, expected);
    let anns: Vec<&Value> = users
        .iter()
        .filter(|u| attr(u, "email").starts_with("ann"))
        .collect();
    assert_eq!((anns.len(), rows.len()), (11, 11));
    for (row, user) in rows.iter().zip(anns) {
        assert_eq!(row["Username"], user["Username"].as_str().unwrap());
        assert_eq!(row["email"], attr(user, "email"));
        assert_eq!(row["custom:tenant"], attr(user, "custom:tenant"));
    }

    // Table (pool given by name): one header line, then one line per user.
    let table = ok(&format!(
        "users list --pool {}",
        pool_name(&client, &pool).await
    ))
    .await;
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 76, "{table}");
    assert!(
        lines[0].starts_with("USERNAME") && lines[0].contains("EMAIL"),
        "{}",
        lines[0]
    );
    for (line, user) in lines[1..].iter().zip(&users) {
        assert!(
            line.starts_with(user["Username"].as_str().unwrap()),
            "{line}"
        );
        assert!(line.contains(&attr(user, "email")), "{line}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn get_shows_the_user_with_their_groups() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-get").await;
    common::create_user(&client, &pool, "ann", &[("email", "ann@example.com")]).await;
    for g in ["admins", "staff"] {
        create_group(&client, &pool, g).await;
        let (user, group) = (Username::new("ann"), GroupName::new(g));
        let added = client.admin_add_user_to_group(&pool, &user, &group).await;
        added.unwrap();
    }
    let mut shown = ok_json(&format!("users get --pool {pool} ann --output json")).await;
    let groups = shown.as_object_mut().unwrap().remove("Groups").unwrap();
    let groups: BTreeSet<String> = serde_json::from_value(groups).unwrap();
    assert_eq!(groups, ["admins".to_owned(), "staff".to_owned()].into());
    assert_eq!(shown, get_user(&client, &pool, "ann").await);

    let table = ok(&format!("users get --pool {pool} ann")).await;
    let line = |key: &str| {
        table
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        line("Groups").contains("admins") && line("Groups").contains("staff"),
        "{table}"
    );
    assert!(line("Username").ends_with(" ann"), "{table}");
    assert!(line("email").ends_with(" ann@example.com"), "{table}");
}

#[tokio::test(flavor = "multi_thread")]
async fn create_reads_the_temporary_password_from_stdin() {
    let client = common::moto().await;
    let (pool, app) = pool_and_app(&client, "cli-create").await;
    let password = "Cr3ate!Secret";
    let line = format!(
        "users create --pool {pool} newbie --attribute email=newbie@example.com --temporary-password-stdin --suppress"
    );
    let run = cli(&line, &format!("{password}\n")).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "newbie: created (FORCE_CHANGE_PASSWORD)\n");
    assert!(!run.stdout.contains(password) && !run.stderr.contains(password));

    let user = get_user(&client, &pool, "newbie").await;
    assert_eq!(user["UserStatus"], "FORCE_CHANGE_PASSWORD");
    let attrs = user["UserAttributes"].as_array().unwrap();
    assert!(
        attrs.contains(&json!({"Name": "email", "Value": "newbie@example.com"})),
        "{user}"
    );
    // The password from stdin is the one stored: it signs in to the new-password challenge.
    let answer = sign_in(&client, &pool, &app, "newbie", password)
        .await
        .unwrap();
    assert_eq!(answer["ChallengeName"], "NEW_PASSWORD_REQUIRED");

    let line = format!(
        "users create --pool {pool} json-user --temporary-password-stdin --suppress --output json"
    );
    let run = cli(&line, &format!("{password}\n")).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains(password) && !run.stderr.contains(password));
    let created: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(created["User"]["Username"], "json-user");
    assert_eq!(
        status(&client, &pool, "json-user").await,
        "FORCE_CHANGE_PASSWORD"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn disable_enable_and_delete() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-toggle").await;
    common::create_user(&client, &pool, "ann", &[]).await;
    assert_eq!(
        ok(&format!("users disable --pool {pool} ann")).await,
        "ann: disabled\n"
    );
    assert_eq!(get_user(&client, &pool, "ann").await["Enabled"], false);
    let done = ok_json(&format!("users enable --pool {pool} ann --output json")).await;
    let expected = json!({"Operation": "AdminEnableUser", "UserPoolId": pool, "Username": "ann", "Result": "enabled"});
    assert_eq!(done, expected);
    assert_eq!(get_user(&client, &pool, "ann").await["Enabled"], true);
    assert_eq!(
        ok(&format!("users delete --pool {pool} ann")).await,
        "ann: deleted\n"
    );
    let gone = client
        .admin_get_user(&pool, &Username::new("ann"))
        .await
        .unwrap_err();
    assert_eq!(gone.code(), Some("UserNotFoundException"));
}

#[tokio::test(flavor = "multi_thread")]
async fn reset_password_confirm_and_sign_out() {
    let client = common::moto().await;
    let (pool, app) = pool_and_app(&client, "cli-auth").await;

    // reset-password: moto resets only a confirmed user with a verified email.
    let attrs = [("email", "ann@example.com"), ("email_verified", "true")];
    common::create_user(&client, &pool, "ann", &attrs).await;
    let secret = Secret::new(common::PASSWORD);
    client
        .admin_set_user_password(&pool, &Username::new("ann"), &secret, true)
        .await
        .unwrap();
    assert_eq!(status(&client, &pool, "ann").await, "CONFIRMED");
    ok(&format!("users reset-password --pool {pool} ann")).await;
    assert_eq!(status(&client, &pool, "ann").await, "RESET_REQUIRED");

    // confirm: a user who signed up themselves.
    let signup = json!({"ClientId": app, "Username": "sam", "Password": common::PASSWORD,
        "UserAttributes": [{"Name": "email", "Value": "sam@example.com"}]});
    call(&client, "SignUp", signup).await;
    assert_eq!(status(&client, &pool, "sam").await, "UNCONFIRMED");
    assert_eq!(
        ok(&format!("users confirm --pool {pool} sam")).await,
        "sam: sign-up confirmed\n"
    );
    assert_eq!(status(&client, &pool, "sam").await, "CONFIRMED");

    // sign-out: the tokens sam had stop working.
    let tokens = sign_in(&client, &pool, &app, "sam", common::PASSWORD)
        .await
        .unwrap();
    let access = tokens["AuthenticationResult"]["AccessToken"].clone();
    let refresh = tokens["AuthenticationResult"]["RefreshToken"].clone();
    call(&client, "GetUser", json!({"AccessToken": access})).await;
    ok(&format!("users sign-out --pool {pool} sam")).await;
    let err = client
        .call_json("GetUser", &json!({"AccessToken": access}))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("NotAuthorizedException"));
    let input = json!({"UserPoolId": pool, "ClientId": app, "AuthFlow": "REFRESH_TOKEN_AUTH",
        "AuthParameters": {"REFRESH_TOKEN": refresh}});
    let err = client
        .call_json("AdminInitiateAuth", &input)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("NotAuthorizedException"));
}

#[tokio::test(flavor = "multi_thread")]
async fn set_password_reads_stdin_and_never_echoes_it() {
    let client = common::moto().await;
    let (pool, app) = pool_and_app(&client, "cli-setpw").await;
    common::create_user(&client, &pool, "ann", &[]).await;

    let temporary = "T3mporary!Pw";
    let run = cli(
        &format!("users set-password --pool {pool} ann"),
        &format!("{temporary}\n"),
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "ann: temporary password set\n");
    assert!(!run.stdout.contains(temporary) && !run.stderr.contains(temporary));
    assert_eq!(status(&client, &pool, "ann").await, "FORCE_CHANGE_PASSWORD");
    let old = sign_in(&client, &pool, &app, "ann", common::PASSWORD).await;
    assert_eq!(old.unwrap_err(), "NotAuthorizedException");
    let answer = sign_in(&client, &pool, &app, "ann", temporary)
        .await
        .unwrap();
    assert_eq!(answer["ChallengeName"], "NEW_PASSWORD_REQUIRED");

    let permanent = "P3rmanent!Pw";
    let line = format!("users set-password --permanent --pool {pool} ann --output json");
    let run = cli(&line, &format!("{permanent}\r\n")).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains(permanent) && !run.stderr.contains(permanent));
    let done: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(done["Result"], "permanent password set");
    assert_eq!(status(&client, &pool, "ann").await, "CONFIRMED");
    let answer = sign_in(&client, &pool, &app, "ann", permanent)
        .await
        .unwrap();
    assert!(
        answer["AuthenticationResult"]["AccessToken"].is_string(),
        "{answer}"
    );

    // A password the pool's policy refuses: the service's error, never the password itself.
    let run = cli(&format!("users set-password --pool {pool} ann"), "weakpw\n").await;
    let line = one_line_failure(&run);
    assert!(
        line.contains("InvalidPasswordException") && !line.contains("weakpw"),
        "{line}"
    );

    // Nothing on stdin: refused before any call, the password unchanged.
    let run = cli(
        &format!("users set-password --pool {pool} ann --permanent"),
        "",
    )
    .await;
    assert!(one_line_failure(&run).contains("standard input"), "{run:?}");
    assert!(
        sign_in(&client, &pool, &app, "ann", permanent)
            .await
            .is_ok()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn group_membership_commands() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-member").await;
    common::create_user(&client, &pool, "ann", &[]).await;
    for g in ["alpha", "beta"] {
        create_group(&client, &pool, g).await;
    }
    let added = ok(&format!("users add-to-group --pool {pool} ann alpha")).await;
    assert_eq!(added, "ann: added to alpha\n");
    ok(&format!("users add-to-group --pool {pool} ann beta")).await;
    let both: BTreeSet<String> = ["alpha".to_owned(), "beta".to_owned()].into();
    assert_eq!(groups_of(&client, &pool, "ann").await, both);
    let listed = ok(&format!("users groups --pool {pool} ann")).await;
    assert_eq!(
        listed.lines().map(str::to_owned).collect::<BTreeSet<_>>(),
        both
    );
    let json = ok_json(&format!("users groups --pool {pool} ann --output json")).await;
    assert_eq!(
        serde_json::from_value::<BTreeSet<String>>(json).unwrap(),
        both
    );

    let removed = ok(&format!("users remove-from-group --pool {pool} ann alpha")).await;
    assert_eq!(removed, "ann: removed from alpha\n");
    assert_eq!(
        groups_of(&client, &pool, "ann").await,
        ["beta".to_owned()].into()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_are_one_line_with_the_right_status() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-errors").await;
    let run = cli(&format!("users get --pool {pool} nobody"), "").await;
    let line = one_line_failure(&run);
    assert!(line.contains("UserNotFoundException"), "{line}");
    assert!(
        line.contains("The user does not exist in this user pool."),
        "{line}"
    );

    let run = cli("users get nobody", "").await;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--pool"), "{run:?}");

    let run = cli(
        &format!("users create --pool {pool} x --attribute oops"),
        "",
    )
    .await;
    assert!(one_line_failure(&run).contains("NAME=VALUE"), "{run:?}");
    let missing = client
        .admin_get_user(&pool, &Username::new("x"))
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Some("UserNotFoundException"));
}

/// A listing that fails on its first page leaves stdout empty: no stray `[` for scripts.
#[tokio::test(flavor = "multi_thread")]
async fn a_failed_listing_prints_nothing_on_stdout() {
    for format in ["json", "csv", "table"] {
        let line = format!("users list --pool us-east-1_NoSuchPool0 --output {format}");
        let run = cli(&line, "").await;
        assert!(
            one_line_failure(&run).contains("ResourceNotFoundException"),
            "{run:?}"
        );
    }
}
