//! The real binary's admin commands of issue 4 against moto: invitations, MFA, devices and auth
//! events, generated and checked passwords, checked attributes, the config file's read-only
//! profiles and the journal. Every change is checked with a fresh read through the library client.
mod cli_support;
mod common;

use cli_support::{
    app_client, cli, cli_env, get_user, ok, ok_json, one_line_failure, pool_and_app,
    pool_with_policy, sign_in, status,
};
use cognito_tui::cognito::Username;
use cognito_tui::cognito::devices::{MfaPreference, MfaSettings};
use cognito_tui::cognito::pools::PasswordPolicyType;
use cognito_tui::shared::journal::Entry;
use cognito_tui::shared::journal::Journal;
use cognito_tui::shared::password;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn resend_invitation_only_to_users_who_never_signed_in() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-resend").await;
    common::create_user(&client, &pool, "ann", &[("email", "ann@example.com")]).await;
    cli_support::confirmed_user(&client, &pool, "bob", common::PASSWORD).await;

    let line = format!("users resend-invitation --pool {pool} ann --delivery email");
    assert_eq!(
        ok(&line).await,
        "ann: invitation sent again, with a new temporary password\n"
    );
    assert_eq!(status(&client, &pool, "ann").await, "FORCE_CHANGE_PASSWORD");
    let done = ok_json(&format!(
        "users resend-invitation --pool {pool} ann --output json"
    ))
    .await;
    assert_eq!(done["Operation"], "AdminCreateUser");

    // A confirmed user: refused before sending, with what to do instead; bob is untouched.
    let run = cli(&format!("users resend-invitation --pool {pool} bob"), "").await;
    let message = one_line_failure(&run);
    assert!(
        message.contains("bob is CONFIRMED") && message.contains("users reset-password"),
        "{message}"
    );
    assert_eq!(status(&client, &pool, "bob").await, "CONFIRMED");
    let bob = get_user(&client, &pool, "bob").await;
    assert!(
        bob["UserAttributes"].to_string().contains("x@example.com"),
        "{bob}"
    );

    let run = cli(&format!("users resend-invitation --pool {pool} nobody"), "").await;
    assert!(one_line_failure(&run).contains("UserNotFoundException"));
    let run = cli(
        &format!("users resend-invitation --pool {pool} ann --delivery pigeon"),
        "",
    )
    .await;
    assert!(one_line_failure(&run).contains("EMAIL or SMS"));
}

#[tokio::test(flavor = "multi_thread")]
async fn mfa_shows_and_reset_mfa_turns_every_method_off() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-mfa").await;
    common::create_user(&client, &pool, "ann", &[("phone_number", "+14155550100")]).await;
    let sms = MfaPreference {
        sms: Some(MfaSettings {
            enabled: true,
            preferred_mfa: true,
        }),
        ..MfaPreference::default()
    };
    let ann = Username::new("ann");
    let set = client.admin_set_user_mfa_preference(&pool, &ann, &sms);
    set.await.unwrap();

    let shown = ok(&format!("users mfa --pool {pool} ann")).await;
    assert_eq!(cli_support::field(&shown, "Username"), "ann");
    assert!(shown.contains("Preferred MFA   SMS_MFA"), "{shown}");
    assert!(shown.contains("MFA methods     SMS_MFA"), "{shown}");
    assert!(shown.contains("Pool MFA        OFF"), "{shown}");
    let json = ok_json(&format!("users mfa --pool {pool} ann --output json")).await;
    assert_eq!(json["PreferredMfaSetting"], "SMS_MFA");
    assert_eq!(json["UserMFASettingList"], json!(["SMS_MFA"]));

    let reset = ok(&format!("users reset-mfa --pool {pool} ann")).await;
    assert!(
        reset.starts_with("ann: MFA reset: every method off"),
        "{reset}"
    );
    let user = get_user(&client, &pool, "ann").await;
    assert_eq!(user["UserMFASettingList"], json!([]));
    assert_eq!(user["PreferredMfaSetting"], "");
    let shown = ok(&format!("users mfa --pool {pool} ann")).await;
    assert!(shown.contains("Preferred MFA   none"), "{shown}");
    assert!(shown.contains("MFA methods     none"), "{shown}");
}

#[tokio::test(flavor = "multi_thread")]
async fn devices_and_auth_events_say_the_endpoint_lacks_them() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-devices").await;
    common::create_user(&client, &pool, "ann", &[]).await;
    for (line, operation) in [
        (
            format!("users devices --pool {pool} ann"),
            "AdminListDevices",
        ),
        (
            format!("users forget-device --pool {pool} ann us-east-1_device-1"),
            "AdminForgetDevice",
        ),
        (
            format!("users auth-events --pool {pool} ann --output json"),
            "AdminListUserAuthEvents",
        ),
    ] {
        let run = cli(&line, "").await;
        let message = one_line_failure(&run);
        assert!(
            message.contains(&format!("{operation} is not supported by this endpoint")),
            "{line}: {message}"
        );
    }
    assert_eq!(get_user(&client, &pool, "ann").await["Enabled"], true);
}

#[tokio::test(flavor = "multi_thread")]
async fn generated_passwords_meet_the_policy_sign_in_and_are_printed_once() {
    let client = common::moto().await;
    let policy = json!({"MinimumLength": 24, "RequireUppercase": true, "RequireLowercase": true,
        "RequireNumbers": true, "RequireSymbols": true});
    let pool = pool_with_policy(&client, "cli-generate", policy).await;
    let app = app_client(&client, &pool, "gen", false).await;
    let app = app["ClientId"].as_str().unwrap().to_owned();
    common::create_user(&client, &pool, "ann", &[]).await;
    let typed_policy = PasswordPolicyType {
        minimum_length: Some(24),
        ..PasswordPolicyType::default()
    };

    let run = cli(
        &format!("users set-password --pool {pool} ann --generate --permanent"),
        "",
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{run:?}");
    let generated = run.stdout.trim_end();
    assert!(
        password::problems(generated, &typed_policy).is_empty(),
        "{generated}"
    );
    assert_eq!(generated.len(), 24);
    assert!(!run.stderr.contains(generated), "{run:?}");
    assert!(
        run.stderr.contains("ann: permanent password set"),
        "{run:?}"
    );
    let answer = sign_in(&client, &pool, &app, "ann", generated)
        .await
        .unwrap();
    assert!(
        answer["AuthenticationResult"]["AccessToken"].is_string(),
        "{answer}"
    );
    assert_eq!(status(&client, &pool, "ann").await, "CONFIRMED");

    // Temporary, as JSON: the password is in the object, and it leads to the new-password challenge.
    let line = format!("users set-password --pool {pool} ann --generate --output json");
    let shown = ok_json(&line).await;
    let temporary = shown["Password"].as_str().unwrap();
    assert_ne!(temporary, generated);
    assert_eq!(shown["Result"], "temporary password set");
    let answer = sign_in(&client, &pool, &app, "ann", temporary)
        .await
        .unwrap();
    assert_eq!(answer["ChallengeName"], "NEW_PASSWORD_REQUIRED");
    assert_eq!(
        sign_in(&client, &pool, &app, "ann", generated)
            .await
            .unwrap_err(),
        "NotAuthorizedException"
    );

    // Under --read-only nothing is set, and nothing is printed.
    let line = format!("users set-password --pool {pool} ann --generate --read-only");
    let run = cli(&line, "").await;
    assert!(one_line_failure(&run).contains("read-only mode"));
    assert!(
        sign_in(&client, &pool, &app, "ann", temporary)
            .await
            .is_ok()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn stdin_passwords_are_checked_against_the_policy_before_sending() {
    let client = common::moto().await;
    let policy = json!({"MinimumLength": 12, "RequireUppercase": true, "RequireLowercase": true,
        "RequireNumbers": true, "RequireSymbols": false});
    let pool = pool_with_policy(&client, "cli-policy", policy).await;
    let app = app_client(&client, &pool, "pol", false).await;
    let app = app["ClientId"].as_str().unwrap().to_owned();
    let first = "Long3nough-pw";
    cli_support::confirmed_user(&client, &pool, "ann", first).await;

    let line = format!("users set-password --pool {pool} ann --permanent");
    let run = cli(&line, "short1A\n").await;
    let message = one_line_failure(&run);
    assert!(
        message.contains("InvalidPasswordException (found before sending; nothing was sent)"),
        "{message}"
    );
    assert!(
        message.contains("at least 12 characters long (it has 7)"),
        "{message}"
    );
    assert!(!message.contains("short1A"), "{message}");
    let run = cli(&line, "alllowercase-no-digits\n").await;
    let message = one_line_failure(&run);
    assert!(
        message.contains("needs an uppercase letter") && message.contains("needs a number"),
        "{message}"
    );
    // Still the first password.
    assert!(sign_in(&client, &pool, &app, "ann", first).await.is_ok());

    // No symbol needed by this policy: accepted and set.
    let run = cli(&line, "NoSymbols1234\n").await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        sign_in(&client, &pool, &app, "ann", "NoSymbols1234")
            .await
            .is_ok()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn create_checks_email_phone_and_password_before_sending() {
    let client = common::moto().await;
    let (pool, _app) = pool_and_app(&client, "cli-create-check").await;
    let gone = |user: &'static str| {
        let client = client.clone();
        let pool = pool.clone();
        async move {
            let got = client.admin_get_user(&pool, &Username::new(user)).await;
            got.unwrap_err().code() == Some("UserNotFoundException")
        }
    };

    let line = format!(
        "users create --pool {pool} ann --attribute email=ann.example.com --attribute phone_number=0044-20-7183 --suppress"
    );
    let run = cli(&line, "").await;
    let message = one_line_failure(&run);
    assert!(
        message.contains("--attribute email=\"ann.example.com\": needs an @"),
        "{message}"
    );
    assert!(
        message.contains("--attribute phone_number=\"0044-20-7183\": must start with +"),
        "{message}"
    );
    assert!(message.contains("nothing was sent"), "{message}");
    assert!(gone("ann").await);

    let line = format!(
        "users create --pool {pool} bob --attribute email=bob@example.com --temporary-password-stdin --suppress"
    );
    let run = cli(&line, "weak\n").await;
    let message = one_line_failure(&run);
    assert!(
        message.contains("InvalidPasswordException (found before sending"),
        "{message}"
    );
    assert!(!message.contains("weak\n"), "{message}");
    assert!(gone("bob").await);

    // Good values go through.
    let line = format!(
        "users create --pool {pool} cat --attribute email=cat@example.com --attribute phone_number=+442071838750 --suppress --temporary-password-stdin"
    );
    let run = cli(&line, "Str0ng!Temp\n").await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let cat = get_user(&client, &pool, "cat").await;
    assert!(
        cat["UserAttributes"].to_string().contains("+442071838750"),
        "{cat}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_profile_in_the_config_refuses_every_change() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "cli-config").await;
    common::create_user(&client, &pool, "ann", &[]).await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "# no profile named: [profiles.default]\n[profiles.default]\nread_only = true\n\n[profiles.dev]\nread_only = false\n",
    )
    .unwrap();
    let config = config.display().to_string();
    let env = [("COGNITO_TUI_CONFIG", config.as_str())];

    for line in [
        format!("users disable --pool {pool} ann"),
        format!("users reset-mfa --pool {pool} ann"),
        format!("api AdminDeleteUser --input {{\"UserPoolId\":\"{pool}\",\"Username\":\"ann\"}}"),
    ] {
        let run = cli_env(&line, "", &env).await;
        assert!(
            one_line_failure(&run).contains("read-only mode"),
            "{line}: {run:?}"
        );
    }
    // Reads still work; nothing changed.
    let run = cli_env(
        &format!("users get --pool {pool} ann --output json"),
        "",
        &env,
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(get_user(&client, &pool, "ann").await["Enabled"], true);

    // The profile AWS_PROFILE names is the one looked up: dev may change things.
    let dev = [env[0], ("AWS_PROFILE", "dev")];
    let run = cli_env(&format!("users disable --pool {pool} ann"), "", &dev).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(get_user(&client, &pool, "ann").await["Enabled"], false);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_config_is_one_line_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[profiles.prod]\nread_only = true\nreadonly = false\n",
    )
    .unwrap();
    let config = config.display().to_string();
    let run = cli_env("pools list", "", &[("COGNITO_TUI_CONFIG", config.as_str())]).await;
    let message = one_line_failure(&run);
    assert!(
        message.contains(&config) && message.contains("line 3"),
        "{message}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn journal_prints_the_last_entries() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let env = [("COGNITO_TUI_DATA_DIR", data.as_str())];
    let run = cli_env("journal", "", &env).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().count(), 1, "{run:?}");
    assert!(run.stdout.starts_with("TIME"), "{run:?}");
    assert!(run.stderr.contains("no entries"), "{run:?}");

    let journal = Journal::at(dir.path().join("journal.jsonl"));
    let entry = |i: usize, result: &str| Entry {
        time: format!("2026-01-02T03:04:0{i}Z"),
        profile: (i == 2).then(|| "prod".to_owned()),
        region: "us-east-1".to_owned(),
        pool: "us-east-1_Ab1".to_owned(),
        operation: "AdminDisableUser".to_owned(),
        target: format!("user{i}"),
        result: result.to_owned(),
        checked: None,
        request_id: Some(format!("req-{i}")),
    };
    journal.append(&entry(1, "ok")).unwrap();
    std::fs::OpenOptions::new()
        .append(true)
        .open(journal.path())
        .map(|mut f| std::io::Write::write_all(&mut f, b"garbage\n"))
        .unwrap()
        .unwrap();
    journal.append(&entry(2, "UserNotFoundException")).unwrap();
    journal.append(&entry(3, "ok")).unwrap();

    let run = cli_env("journal --last 2", "", &env).await;
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(
        lines[0].starts_with("TIME") && lines[0].contains("REQUEST ID"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("prod") && lines[1].contains("user2"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("UserNotFoundException") && lines[1].contains("req-2"));
    assert!(
        lines[2].contains("user3") && lines[2].ends_with("req-3"),
        "{}",
        lines[2]
    );

    let run = cli_env("journal --output json", "", &env).await;
    assert_eq!(run.code, 0, "{run:?}");
    let entries: Vec<Entry> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        entries,
        [
            entry(1, "ok"),
            entry(2, "UserNotFoundException"),
            entry(3, "ok")
        ]
    );
}
