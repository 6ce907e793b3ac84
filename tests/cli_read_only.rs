//! `--read-only`: every mutation is refused before it is sent (exit 1), reads still work.
mod cli_support;
mod common;

use cli_support::{call, cli, get_user, ok_json, one_line_failure};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn read_only_refuses_every_mutation_and_sends_nothing() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "readonly").await;
    common::create_user(&client, &pool, "ann", &[("email", "ann@example.com")]).await;

    for line in [
        format!("users disable --pool {pool} ann --read-only"),
        format!("--read-only users delete --pool {pool} ann"),
        format!("users add-to-group --pool {pool} ann staff --read-only"),
        format!(
            "api CreateGroup --input {{\"UserPoolId\":\"{pool}\",\"GroupName\":\"x\"}} --read-only"
        ),
    ] {
        let run = cli(&line, "").await;
        let message = one_line_failure(&run);
        assert!(message.contains("read-only mode"), "{line}: {message}");
    }
    let piped = cli(
        &format!("users set-password --pool {pool} ann --permanent --read-only"),
        "Passw0rd!New\n",
    )
    .await;
    assert!(one_line_failure(&piped).contains("AdminSetUserPassword would change the pool"));

    // Nothing reached the server: the user is still there, enabled, without groups.
    let user = get_user(&client, &pool, "ann").await;
    assert_eq!(user["Enabled"], json!(true));
    assert_eq!(user["UserStatus"], json!("FORCE_CHANGE_PASSWORD"));
    let groups = call(&client, "ListGroups", json!({"UserPoolId": pool})).await;
    assert_eq!(groups["Groups"], json!([]));

    // Reads are allowed.
    let listed = ok_json(&format!(
        "users list --pool {pool} --output json --read-only"
    ))
    .await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
}
