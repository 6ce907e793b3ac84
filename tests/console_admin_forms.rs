//! Pool administration in the console's forms, through the whole console on moto and the local
//! server: the journeys (a client created then given a second callback URL, MFA made
//! optional with TOTP, a group filled from a search and its members managed, a SAML provider
//! enabled on a client), and pools, custom attributes, groups and domains created. Each change is
//! checked with a fresh read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod console_support;
mod worker_support;

use cognito_tui::app::Action;
use cognito_tui::app::state::Tab;
use cognito_tui::cognito::edit::Target;
use cognito_tui::cognito::{ClientId, CognitoClient, PoolId};
use common::backend::Backend;
use console_support::Console;
use console_support::admin::{json_of, open_pool, pool_with_client, press_n};
use crossterm::event::KeyCode;
use serde_json::json;

async fn a_group_is_created_in_its_form(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, name, _) = pool_with_client(&client).await;
    let mut c = Console::at(&server.url).await;
    open_pool(&mut c, &name, Tab::Groups).await;
    c.keys("n").await;
    c.keys("support").await;
    c.press(KeyCode::Tab).await;
    c.keys("Support staff").await;
    c.press(KeyCode::Tab).await;
    c.keys("3").await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("Create a new group") && screen.contains("+ GroupName: \"support\""),
        "{screen}"
    );
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(screen.contains("group support created"), "{screen}");
    assert!(
        screen.contains("Support staff"),
        "the pane is read again:\n{screen}"
    );
    let group = client
        .call_json(
            "GetGroup",
            &json!({"UserPoolId": pool, "GroupName": "support"}),
        )
        .await
        .unwrap();
    assert_eq!(group["Group"]["Description"], "Support staff");
    assert_eq!(group["Group"]["Precedence"], 3);
}
/// The journey of the issue: an app client created in the form with a callback URL, then a
/// second callback URL added in the edit form; its OAuth flows and token validity stay.
async fn an_app_client_is_created_then_gains_a_callback_url_in_forms(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let name = common::unique("forms");
    let answer = client
        .call_json("CreateUserPool", &json!({"PoolName": name}))
        .await
        .unwrap();
    let pool = PoolId::new(answer["UserPool"]["Id"].as_str().unwrap());
    let mut c = Console::at(&server.url).await;
    open_pool(&mut c, &name, Tab::Clients).await;
    c.keys("n").await;
    c.keys("web").await;
    press_n(&mut c, KeyCode::Tab, 2).await;
    c.keys("https://app.example.com/cb").await;
    press_n(&mut c, KeyCode::Tab, 2).await;
    c.press(KeyCode::Right).await; // OAuth enabled: not set → on
    c.press(KeyCode::Tab).await;
    c.keys("code").await;
    c.press(KeyCode::Tab).await;
    c.keys("openid email").await;
    c.press(KeyCode::Tab).await;
    c.keys("COGNITO").await;
    press_n(&mut c, KeyCode::Tab, 2).await;
    c.keys("2").await;
    c.press(KeyCode::Tab).await;
    press_n(&mut c, KeyCode::Right, 3).await; // not set → seconds → minutes → hours
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("Create a new app client") && screen.contains("+ CallbackURLs"),
        "{screen}"
    );
    c.press(KeyCode::Enter).await;
    assert!(
        c.screen().contains("app client web created"),
        "{}",
        c.screen()
    );

    let listed = client
        .call_json(
            "ListUserPoolClients",
            &json!({"UserPoolId": pool, "MaxResults": 10}),
        )
        .await
        .unwrap();
    let id = ClientId::new(listed["UserPoolClients"][0]["ClientId"].as_str().unwrap());
    let target = Target::Client(pool.clone(), id);
    let before = client.describe_resource(&target).await.unwrap();
    assert_eq!(before["AllowedOAuthFlows"], json!(["code"]));
    assert_eq!(before["TokenValidityUnits"]["AccessToken"], "hours");

    c.keys("e").await;
    c.press(KeyCode::Tab).await;
    c.press(KeyCode::End).await;
    c.keys(" https://app.example.com/cb2").await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("+ CallbackURLs: \"https://app.example.com/cb2\"")
            && screen.contains("(1 change)"),
        "{screen}"
    );
    c.press(KeyCode::Enter).await;
    assert!(c.screen().contains("updated: 1 change"), "{}", c.screen());
    let after = client.describe_resource(&target).await.unwrap();
    assert_eq!(
        after["CallbackURLs"],
        json!(["https://app.example.com/cb", "https://app.example.com/cb2"])
    );
    for kept in [
        "AllowedOAuthFlows",
        "AllowedOAuthScopes",
        "AccessTokenValidity",
        "TokenValidityUnits",
    ] {
        assert_eq!(after[kept], before[kept], "{kept} kept");
    }
}

/// MFA turned to OPTIONAL with authenticator apps, in the pool's MFA form.
async fn mfa_is_turned_optional_with_totp_in_the_form(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, name, _) = pool_with_client(&client).await;
    let mut c = Console::at(&server.url).await;
    open_pool(&mut c, &name, Tab::Overview).await;
    c.keys("M").await;
    let screen = c.screen();
    assert!(screen.contains("Edit the MFA settings"), "{screen}");
    c.press(KeyCode::Right).await; // OFF → OPTIONAL
    c.press(KeyCode::Tab).await;
    c.press(KeyCode::Right).await; // not set (moto) or off (the local server) → on
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("~ MfaConfiguration: \"OFF\" → \"OPTIONAL\""),
        "{screen}"
    );
    c.press(KeyCode::Enter).await;
    assert!(c.screen().contains("updated: 2 changes"), "{}", c.screen());
    let mfa = client
        .call_json("GetUserPoolMfaConfig", &json!({"UserPoolId": pool}))
        .await
        .unwrap();
    assert_eq!(mfa["MfaConfiguration"], "OPTIONAL");
    assert_eq!(mfa["SoftwareTokenMfaConfiguration"]["Enabled"], true);
}

/// The journey: a group created, two users found by a search added to it, then its
/// members listed (Enter on the group) and one taken out with `-`.
async fn a_group_gains_two_users_from_a_search_and_loses_one_from_its_members(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = common::create_pool(&client, "members").await;
    let name = client
        .describe_user_pool(&pool)
        .await
        .unwrap()
        .user_pool
        .unwrap()
        .name
        .unwrap();
    for user in ["ann", "anna", "bob"] {
        let email = format!("{user}@example.com");
        common::create_user(&client, &pool, user, &[("email", &email)]).await;
    }
    let mut c = Console::at(&server.url).await;
    open_pool(&mut c, &name, Tab::Groups).await;
    c.keys("n").await;
    c.keys("support").await;
    c.press(KeyCode::Enter).await;
    c.press(KeyCode::Enter).await;
    assert!(
        c.screen().contains("group support created"),
        "{}",
        c.screen()
    );

    c.act(Action::ShowTab(Tab::Users)).await;
    c.keys("s").await;
    c.keys("ann").await;
    c.press(KeyCode::Enter).await;
    c.keys("*").await;
    c.keys("b").await;
    c.keys("+").await;
    c.press(KeyCode::Enter).await; // the only group: support
    let screen = c.screen();
    assert!(screen.contains("2 users"), "the plan names both:\n{screen}");
    c.keys("2").await;
    c.press(KeyCode::Enter).await;
    assert!(c.screen().contains("2 done"), "{}", c.screen());
    c.press(KeyCode::Esc).await;

    let members = |c: &CognitoClient| {
        let (c, pool) = (c.clone(), pool.clone());
        async move {
            let answer = c
                .call_json(
                    "ListUsersInGroup",
                    &json!({"UserPoolId": pool, "GroupName": "support"}),
                )
                .await
                .unwrap();
            let mut names: Vec<String> = answer["Users"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["Username"].as_str().unwrap().to_owned())
                .collect();
            names.sort();
            names
        }
    };
    assert_eq!(members(&client).await, ["ann", "anna"]);

    c.act(Action::ShowTab(Tab::Groups)).await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("group = \"support\"") && screen.contains("anna@example.com"),
        "the members in the users table:\n{screen}"
    );
    assert!(!screen.contains("bob@example.com"), "{screen}");
    c.keys("-").await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(screen.contains("removed from support"), "{screen}");
    assert_eq!(members(&client).await, ["anna"]);
    assert!(
        !screen.contains("ann@example.com"),
        "the row went:\n{screen}"
    );
    // And one added by username, from the members' table.
    c.keys("n").await;
    c.keys("bob").await;
    c.press(KeyCode::Enter).await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(screen.contains("bob added to support"), "{screen}");
    assert!(
        screen.contains("bob@example.com"),
        "the members are read again:\n{screen}"
    );
    assert_eq!(members(&client).await, ["anna", "bob"]);
    c.press(KeyCode::Esc).await;
    assert!(c.screen().contains("› Groups"), "{}", c.screen());
}

/// A pool created from the pools list in its form (the default password policy kept whole), then
/// a custom attribute added to it from its Overview (`A`, in the editor).
async fn a_pool_is_created_in_its_form_and_gains_a_custom_attribute(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let name = common::unique("created");
    let mut c = Console::at(&server.url).await;
    c.editor = Some(Box::new(|text: &str| {
        let mut input = json_of(text);
        input["CustomAttributes"][0]["Name"] = json!("tier");
        Ok(serde_json::to_string_pretty(&input).unwrap())
    }));
    c.keys("n").await;
    c.keys(&name).await;
    c.press(KeyCode::Tab).await;
    c.keys("email").await;
    press_n(&mut c, KeyCode::Tab, 2).await;
    c.press(KeyCode::End).await;
    c.press(KeyCode::Backspace).await;
    c.keys("12").await; // minimum length 12
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(screen.contains("Create a new pool"), "{screen}");
    c.press(KeyCode::Enter).await;
    assert!(
        c.screen().contains(&format!("pool {name} created")),
        "{}",
        c.screen()
    );
    // Every page: moto holds the pools of the whole suite, more than one page of them.
    let pages: Vec<_> = futures::TryStreamExt::try_collect(client.list_user_pools())
        .await
        .unwrap();
    let id = pages
        .into_iter()
        .flat_map(|p| p.user_pools)
        .find(|p| p.name.as_deref() == Some(name.as_str()))
        .map(|p| p.id)
        .expect("the pool is listed");
    let pool = client
        .describe_resource(&Target::Pool(id.clone()))
        .await
        .unwrap();
    assert_eq!(pool["UsernameAttributes"], json!(["email"]));
    let policy = &pool["Policies"]["PasswordPolicy"];
    assert_eq!(policy["MinimumLength"], 12);
    assert_eq!(
        policy["RequireSymbols"], true,
        "the other rules stay on: {policy}"
    );

    open_pool(&mut c, &name, Tab::Overview).await;
    c.keys("A").await;
    assert!(c.screen().contains("+ CustomAttributes"), "{}", c.screen());
    c.press(KeyCode::Enter).await;
    assert!(
        c.screen().contains("custom attribute created"),
        "{}",
        c.screen()
    );
    let pool = client.describe_resource(&Target::Pool(id)).await.unwrap();
    let names: Vec<&str> = pool["SchemaAttributes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["Name"].as_str())
        .collect();
    assert!(names.contains(&"custom:tier"), "{names:?}");
}

/// The journey: a SAML identity provider created in its form, enabled on an app client
/// in the client's form, and the provider's detail then names the client.
async fn a_saml_provider_is_created_and_enabled_on_a_client(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, name, id) = pool_with_client(&client).await;
    let mut c = Console::at(&server.url).await;
    open_pool(&mut c, &name, Tab::Idps).await;
    c.keys("n").await;
    c.keys("corp-saml").await;
    press_n(&mut c, KeyCode::Tab, 2).await; // the type stays SAML
    c.keys("https://idp.example.com/metadata").await;
    press_n(&mut c, KeyCode::Tab, 6).await;
    c.keys("email=http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress")
        .await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("Create a new identity provider"),
        "{screen}"
    );
    c.press(KeyCode::Enter).await;
    assert!(
        c.screen().contains("identity provider corp-saml created"),
        "{}",
        c.screen()
    );

    c.act(Action::ShowTab(Tab::Clients)).await;
    c.keys("e").await;
    press_n(&mut c, KeyCode::Tab, 6).await; // Identity providers
    c.press(KeyCode::End).await;
    c.keys(" corp-saml").await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("+ SupportedIdentityProviders: \"corp-saml\""),
        "{screen}"
    );
    c.press(KeyCode::Enter).await;
    assert!(c.screen().contains("updated: 1 change"), "{}", c.screen());
    let described = client
        .describe_resource(&Target::Client(pool.clone(), id))
        .await
        .unwrap();
    assert_eq!(
        described["SupportedIdentityProviders"],
        json!(["COGNITO", "corp-saml"])
    );
    assert_eq!(
        described["CallbackURLs"],
        json!(["https://app.example.com/cb"])
    );

    c.act(Action::ShowTab(Tab::Idps)).await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("Enabled on app clients") && screen.contains("web"),
        "{screen}"
    );
}

/// A prefix domain created in its form.
async fn a_domain_is_created_in_its_form(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, name, _) = pool_with_client(&client).await;
    let prefix = common::unique("auth").to_lowercase();
    let mut c = Console::at(&server.url).await;
    open_pool(&mut c, &name, Tab::Domain).await;
    c.keys("n").await;
    c.keys(&prefix).await;
    c.press(KeyCode::Enter).await;
    assert!(c.screen().contains("Create a new domain"), "{}", c.screen());
    c.press(KeyCode::Enter).await;
    assert!(
        c.screen().contains(&format!("domain {prefix} created")),
        "{}",
        c.screen()
    );
    let domain = client
        .describe_resource(&Target::Domain(pool.clone(), prefix.clone()))
        .await
        .unwrap();
    assert_eq!(domain["UserPoolId"], json!(pool));
}

on_both!("current_thread":
    a_domain_is_created_in_its_form,
    a_saml_provider_is_created_and_enabled_on_a_client,
    a_pool_is_created_in_its_form_and_gains_a_custom_attribute,
    a_group_gains_two_users_from_a_search_and_loses_one_from_its_members,
    an_app_client_is_created_then_gains_a_callback_url_in_forms,
    mfa_is_turned_optional_with_totp_in_the_form,
    a_group_is_created_in_its_form,
);
