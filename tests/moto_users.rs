//! Every typed user operation against moto's server: each mutation is checked with a fresh read,
//! ListUsers paginates and filters exactly, and operations moto lacks are reported as unsupported.
mod common;
mod moto_support;

use std::collections::BTreeSet;

use cognito_tui::cognito::devices::{MfaPreference, MfaSettings};
use cognito_tui::cognito::types::{AttributeType, Secret, attribute};
use cognito_tui::cognito::user_admin::AdminCreateUserRequest;
use cognito_tui::cognito::user_filter::filter_expression;
use cognito_tui::cognito::user_status::UserStatus;
use cognito_tui::cognito::users::ListUsersRequest;
use cognito_tui::cognito::{PoolId, describe_error};
use futures::{StreamExt as _, TryStreamExt as _};
use moto_support::{Fx, assert_paged, expect_code, expect_unsupported, name};
use serde_json::{Value, json};

const NO_USER: &str = "UserNotFoundException";
const BAD_PARAM: &str = "InvalidParameterException";
const NOT_AUTHORIZED: &str = "NotAuthorizedException";

#[tokio::test]
async fn created_user_reads_back_with_attributes_and_temporary_status() {
    let f = Fx::new("users-create").await;
    let request = AdminCreateUserRequest {
        user_pool_id: f.p.clone(),
        username: name("ann"),
        user_attributes: vec![
            AttributeType::new("email", "ann@example.com"),
            AttributeType::new("custom:tenant", "acme"),
        ],
        temporary_password: Some(Secret::new(common::PASSWORD)),
        message_action: Some("SUPPRESS".to_owned()),
        ..AdminCreateUserRequest::default()
    };
    let created = f.c.admin_create_user(&request).await.unwrap();
    let created = created.user.expect("the created user");
    assert_eq!(created.username.as_str(), "ann");
    let temporary = Some(UserStatus::ForceChangePassword);
    assert_eq!(created.user_status, temporary);

    let user = f.get("ann").await;
    assert_eq!(user.username, Some(name("ann")));
    assert_eq!(user.enabled, Some(true));
    assert_eq!(user.user_status, temporary);
    assert!(user.user_create_date.is_some());
    let attrs = &user.user_attributes;
    assert_eq!(attribute(attrs, "email"), Some("ann@example.com"));
    assert_eq!(attribute(attrs, "custom:tenant"), Some("acme"));
    let sub = attribute(attrs, "sub").unwrap_or_default();
    assert_eq!(sub.len(), 36, "{attrs:?}");

    let again = f.c.admin_create_user(&request).await;
    let err = expect_code(again, "UsernameExistsException");
    let sentence = "A user with this username already exists in this user pool.";
    assert!(describe_error(&err).contains(sentence), "{err:?}");
}

#[tokio::test]
async fn missing_users_and_pools_are_named_errors() {
    let f = Fx::new("users-missing").await;
    let (c, p, nobody) = (&f.c, &f.p, name("nobody"));
    let err = expect_code(c.admin_get_user(p, &nobody).await, NO_USER);
    let sentence = "The user does not exist in this user pool.";
    assert!(describe_error(&err).contains(sentence), "{err:?}");
    expect_code(c.admin_disable_user(p, &nobody).await, NO_USER);
    expect_code(c.admin_enable_user(p, &nobody).await, NO_USER);
    expect_code(c.admin_reset_user_password(p, &nobody).await, NO_USER);

    let gone = PoolId::new("us-east-1_doesnotexist0");
    let missing_pool = "ResourceNotFoundException";
    expect_code(c.admin_get_user(&gone, &nobody).await, missing_pool);
    let listing = c.list_users(ListUsersRequest::new(gone));
    expect_code(listing.try_collect::<Vec<_>>().await, missing_pool);
}

#[tokio::test]
async fn attribute_updates_and_deletions_read_back() {
    let f = Fx::new("users-attrs").await;
    let (c, p, ann) = (&f.c, &f.p, name("ann"));
    f.user(
        "ann",
        &[("email", "ann@example.com"), ("custom:plan", "free")],
    )
    .await;
    let changes = [
        AttributeType::new("email", "ann@example.org"),
        AttributeType::new("custom:plan", "pro"),
        AttributeType::new("given_name", "Ann"),
    ];
    c.admin_update_user_attributes(p, &ann, &changes)
        .await
        .unwrap();
    assert_eq!(
        f.attr("ann", "email").await.as_deref(),
        Some("ann@example.org")
    );
    assert_eq!(f.attr("ann", "custom:plan").await.as_deref(), Some("pro"));
    assert_eq!(f.attr("ann", "given_name").await.as_deref(), Some("Ann"));

    let names = ["custom:plan".to_owned(), "given_name".to_owned()];
    c.admin_delete_user_attributes(p, &ann, &names)
        .await
        .unwrap();
    assert_eq!(f.attr("ann", "custom:plan").await, None);
    assert_eq!(f.attr("ann", "given_name").await, None);
    assert_eq!(
        f.attr("ann", "email").await.as_deref(),
        Some("ann@example.org")
    );
    // Deleting attributes the user no longer has is refused.
    expect_code(
        c.admin_delete_user_attributes(p, &ann, &names).await,
        BAD_PARAM,
    );
}

#[tokio::test]
async fn disable_enable_and_delete_read_back() {
    let f = Fx::new("users-enable").await;
    let (c, p, ann) = (&f.c, &f.p, name("ann"));
    f.user("ann", &[]).await;
    f.user("bob", &[]).await;

    c.admin_disable_user(p, &ann).await.unwrap();
    assert_eq!(f.get("ann").await.enabled, Some(false));
    assert_eq!(f.get("bob").await.enabled, Some(true));
    c.admin_enable_user(p, &ann).await.unwrap();
    assert_eq!(f.get("ann").await.enabled, Some(true));

    c.admin_delete_user(p, &ann).await.unwrap();
    expect_code(c.admin_get_user(p, &ann).await, NO_USER);
    assert_eq!(f.list(60, None).await.1, ["bob"]);
    expect_code(c.admin_delete_user(p, &ann).await, NO_USER);
}

#[tokio::test]
async fn passwords_set_permanent_temporary_and_reset() {
    let f = Fx::new("users-password").await;
    let (c, p, ann, bob) = (&f.c, &f.p, name("ann"), name("bob"));
    f.user(
        "ann",
        &[("email", "a@example.com"), ("email_verified", "true")],
    )
    .await;
    let pw = Secret::new("N3w-Passw0rd!");

    c.admin_set_user_password(p, &ann, &pw, true).await.unwrap();
    assert_eq!(f.status("ann").await, "CONFIRMED");
    c.admin_set_user_password(p, &ann, &pw, false)
        .await
        .unwrap();
    assert_eq!(f.status("ann").await, "FORCE_CHANGE_PASSWORD");

    // moto resets only CONFIRMED users, and answers NotAuthorizedException otherwise.
    expect_code(c.admin_reset_user_password(p, &ann).await, NOT_AUTHORIZED);
    assert_eq!(f.status("ann").await, "FORCE_CHANGE_PASSWORD");
    c.admin_set_user_password(p, &ann, &pw, true).await.unwrap();
    c.admin_reset_user_password(p, &ann).await.unwrap();
    assert_eq!(f.status("ann").await, "RESET_REQUIRED");

    // Without a verified email or phone number there is nowhere to send a code.
    f.user("bob", &[("email", "bob@example.com")]).await;
    c.admin_set_user_password(p, &bob, &pw, true).await.unwrap();
    expect_code(c.admin_reset_user_password(p, &bob).await, BAD_PARAM);
    assert_eq!(f.status("bob").await, "CONFIRMED");

    let weak = Secret::new("weak");
    let err = c.admin_set_user_password(p, &bob, &weak, true).await;
    let err = expect_code(err, "InvalidPasswordException");
    let sentence = "The password does not meet the user pool's password policy.";
    assert!(describe_error(&err).contains(sentence), "{err:?}");
    assert_eq!(f.status("bob").await, "CONFIRMED");
}

#[tokio::test]
async fn signed_up_user_is_unconfirmed_until_admin_confirms() {
    let f = Fx::new("users-signup").await;
    let (client_id, _) = f.app_client("app", false).await;
    let email = json!([{"Name": "email", "Value": "carol@example.com"}]);
    let input = json!({"ClientId": client_id, "Username": "carol",
        "Password": common::PASSWORD, "UserAttributes": email});
    let answer = f.c.call_json("SignUp", &input).await.unwrap();
    assert_eq!(answer["UserConfirmed"], json!(false), "{answer}");
    assert_eq!(f.status("carol").await, "UNCONFIRMED");

    f.c.admin_confirm_sign_up(&f.p, &name("carol"))
        .await
        .unwrap();
    assert_eq!(f.status("carol").await, "CONFIRMED");
    let missing = f.c.admin_confirm_sign_up(&f.p, &name("nobody")).await;
    expect_code(missing, NO_USER);
}

#[tokio::test]
async fn global_sign_out_revokes_the_users_tokens() {
    let f = Fx::new("users-signout").await;
    let (c, p, dave) = (&f.c, &f.p, name("dave"));
    let (client_id, _) = f.app_client("app", false).await;
    f.user("dave", &[]).await;
    let pw = Secret::new(common::PASSWORD);
    c.admin_set_user_password(p, &dave, &pw, true)
        .await
        .unwrap();
    let auth = |flow: &str, params: Value| {
        let mut input = json!({"UserPoolId": p, "ClientId": client_id});
        input["AuthFlow"] = json!(flow);
        input["AuthParameters"] = params;
        input
    };
    let login = json!({"USERNAME": "dave", "PASSWORD": common::PASSWORD});
    let login = auth("ADMIN_USER_PASSWORD_AUTH", login);
    let signed_in = c.call_json("AdminInitiateAuth", &login).await.unwrap();
    let tokens = &signed_in["AuthenticationResult"];
    let refresh = json!({"REFRESH_TOKEN": tokens["RefreshToken"]});
    let refresh = auth("REFRESH_TOKEN_AUTH", refresh);
    let get_user = json!({"AccessToken": tokens["AccessToken"]});
    let refreshed = c.call_json("AdminInitiateAuth", &refresh).await.unwrap();
    let new_access = &refreshed["AuthenticationResult"]["AccessToken"];
    assert!(new_access.is_string(), "{refreshed}");
    let me = c.call_json("GetUser", &get_user).await.unwrap();
    assert_eq!(me["Username"], "dave");

    c.admin_user_global_sign_out(p, &dave).await.unwrap();
    let again = c.call_json("AdminInitiateAuth", &refresh).await;
    expect_code(again, NOT_AUTHORIZED);
    expect_code(c.call_json("GetUser", &get_user).await, NOT_AUTHORIZED);
    let nobody = name("nobody");
    expect_code(c.admin_user_global_sign_out(p, &nobody).await, NO_USER);
}

#[tokio::test]
async fn mfa_preference_reads_back_and_resets() {
    let f = Fx::new("users-mfa").await;
    let (c, p, erin) = (&f.c, &f.p, name("erin"));
    f.user("erin", &[("phone_number", "+15555550100")]).await;
    let on = Some(MfaSettings {
        enabled: true,
        preferred_mfa: true,
    });
    let (mut sms, mut totp) = (MfaPreference::default(), MfaPreference::default());
    (sms.sms, totp.software_token) = (on, on);
    c.admin_set_user_mfa_preference(p, &erin, &sms)
        .await
        .unwrap();
    let user = f.get("erin").await;
    assert_eq!(user.user_mfa_setting_list, ["SMS_MFA"]);
    assert_eq!(user.preferred_mfa_setting.as_deref(), Some("SMS_MFA"));

    let off = MfaPreference::all_disabled();
    c.admin_set_user_mfa_preference(p, &erin, &off)
        .await
        .unwrap();
    let user = f.get("erin").await;
    assert!(user.user_mfa_setting_list.is_empty(), "{user:?}");
    // moto answers "" for "no preference", where AWS leaves the field out.
    let preferred = user.preferred_mfa_setting.unwrap_or_default();
    assert_eq!(preferred, "");

    // An authenticator app cannot be turned on before it was associated and verified.
    let refused = c.admin_set_user_mfa_preference(p, &erin, &totp).await;
    expect_code(refused, BAD_PARAM);
    assert!(f.get("erin").await.user_mfa_setting_list.is_empty());
}

#[tokio::test]
async fn list_users_pages_130_users_exactly() {
    let f = Fx::new("users-pages").await;
    let expected: BTreeSet<String> = (0..130).map(|i| format!("u-{i:03}")).collect();
    futures::stream::iter(&expected)
        .map(|n| f.user(n, &[]))
        .buffer_unordered(8)
        .collect::<Vec<()>>()
        .await;

    // moto honours any Limit (AWS refuses > 60): only the client's cap keeps pages at 60.
    for (limit, max_page) in [(60, 60), (500, 60), (25, 25)] {
        let (sizes, names) = f.list(limit, None).await;
        assert_paged(&sizes, max_page);
        assert_eq!(names.len(), 130, "limit {limit}");
        let unique: BTreeSet<String> = names.into_iter().collect();
        assert_eq!(unique, expected, "limit {limit}");
    }

    let (sizes, names) = f
        .list(25, Some(filter_expression("username", true, "u-1")))
        .await;
    assert_eq!(sizes, [25, 5]);
    let wanted: BTreeSet<String> = (100..130).map(|i| format!("u-{i:03}")).collect();
    assert_eq!(names.into_iter().collect::<BTreeSet<_>>(), wanted);
}

/// SRC BUG (src/cognito/users.rs, `list_users_as`): `limit` 0, which `..Default::default()` gives,
/// is clamped to 1, so a crawl costs one request per user. 0 should mean the default page of 60.
#[tokio::test]
async fn a_default_list_users_request_pages_at_60() {
    let f = Fx::new("users-default-limit").await;
    for user in ["ann", "bob", "cid"] {
        f.user(user, &[]).await;
    }
    let request = ListUsersRequest {
        user_pool_id: f.p.clone(),
        ..ListUsersRequest::default()
    };
    let pages: Vec<_> = f.c.list_users(request).try_collect().await.unwrap();
    let sizes: Vec<_> = pages.iter().map(|p| p.users.len()).collect();
    assert_eq!(sizes, [3], "one request per user");
}

#[rustfmt::skip]
const PEOPLE: [(&str, [&str; 6]); 3] = [
    ("ann", ["ann@example.com", "+15550100", "Ann Lee", "Ann", "Lee", "annie"]),
    ("anna", ["anna@example.org", "+15550101", "Anna Leigh", "Anna", "Leigh", "anna_b"]),
    ("bob", ["bob@example.com", "+15550200", "Bob Stone", "Bob", "Stone", "bobby"]),
];
const KEYS: [&str; 6] = [
    "email",
    "phone_number",
    "name",
    "given_name",
    "family_name",
    "preferred_username",
];

#[tokio::test]
async fn every_filter_operator_over_every_supported_attribute() {
    let f = Fx::new("users-filter").await;
    for (user, values) in PEOPLE {
        let attrs: Vec<(&str, &str)> = KEYS.into_iter().zip(values).collect();
        f.user(user, &attrs).await;
    }
    let pw = Secret::new(common::PASSWORD);
    f.c.admin_set_user_password(&f.p, &name("bob"), &pw, true)
        .await
        .unwrap();
    f.c.admin_disable_user(&f.p, &name("anna")).await.unwrap();
    let sub = f.attr("bob", "sub").await.expect("sub");

    #[rustfmt::skip]
    let cases: &[(&str, bool, &str, &[&str])] = &[
        ("username", false, "ann", &["ann"]),
        ("username", true, "ann", &["ann", "anna"]),
        ("username", true, "zed", &[]),
        ("email", false, "ann@example.com", &["ann"]),
        ("email", false, "ann", &[]),
        ("email", true, "ann", &["ann", "anna"]),
        ("phone_number", false, "+15550100", &["ann"]),
        ("phone_number", true, "+155501", &["ann", "anna"]),
        ("name", false, "Ann Lee", &["ann"]),
        ("name", true, "An", &["ann", "anna"]),
        ("given_name", false, "Bob", &["bob"]),
        ("given_name", true, "Ann", &["ann", "anna"]),
        ("family_name", false, "Lee", &["ann"]),
        ("family_name", true, "Le", &["ann", "anna"]),
        ("preferred_username", false, "bobby", &["bob"]),
        ("preferred_username", true, "ann", &["ann", "anna"]),
        ("cognito:user_status", false, "CONFIRMED", &["bob"]),
        ("cognito:user_status", false, "FORCE_CHANGE_PASSWORD", &["ann", "anna"]),
        ("cognito:user_status", true, "FORCE", &["ann", "anna"]),
        ("status", false, "Enabled", &["ann", "bob"]),
        ("status", false, "Disabled", &["anna"]),
        ("status", true, "Dis", &["anna"]),
        ("sub", false, sub.as_str(), &["bob"]),
        ("sub", true, &sub[..13], &["bob"]),
    ];
    for &(attr, prefix, value, expected) in cases {
        let filter = filter_expression(attr, prefix, value);
        let (_, mut names) = f.list(60, Some(filter.clone())).await;
        names.sort();
        assert_eq!(names, expected, "{filter}");
    }

    let custom = filter_expression("custom:tenant", false, "acme");
    let mut request = ListUsersRequest::new(f.p.clone());
    request.filter = Some(custom);
    let refused = f.c.list_users(request).try_collect::<Vec<_>>().await;
    expect_code(refused, BAD_PARAM);

    let mut request = ListUsersRequest::new(f.p.clone());
    request.filter = Some(filter_expression("email", false, "bob@example.com"));
    request.attributes_to_get = Some(vec!["email".to_owned()]);
    let pages: Vec<_> = f.c.list_users(request).try_collect().await.unwrap();
    let users: Vec<_> = pages.iter().flat_map(|p| &p.users).collect();
    assert_eq!(users.len(), 1);
    let email = AttributeType::new("email", "bob@example.com");
    assert_eq!(users[0].attributes, [email]);
    assert_eq!(users[0].user_status, Some(UserStatus::Confirmed));
}

#[tokio::test]
async fn device_and_auth_event_operations_are_unsupported_on_moto() {
    let f = Fx::new("users-devices").await;
    let (c, p, ann) = (&f.c, &f.p, name("ann"));
    f.user("ann", &[]).await;
    let listed = c.admin_list_devices(p, &ann, None).await;
    expect_unsupported(listed, "AdminListDevices");
    let forgot = c.admin_forget_device(p, &ann, "dev-1").await;
    expect_unsupported(forgot, "AdminForgetDevice");
    let events = c.admin_list_user_auth_events(p, &ann, None).await;
    expect_unsupported(events, "AdminListUserAuthEvents");
}
