//! Console states for the UI snapshots, built by driving `update` with actions as the event loop
//! would, and drawing them on a TestBackend. Dates are fixed epochs so snapshots are stable.

#![allow(
    dead_code,
    clippy::expect_used,
    clippy::missing_panics_doc,
    clippy::cast_precision_loss
)]

pub mod popups;

use cognito_tui::app::browse::detail;
use cognito_tui::app::browse::detail::DetailBody;
use cognito_tui::app::browse::pane::Rows;
use cognito_tui::app::browse::panes::overview;
use cognito_tui::app::browse::rows::ClientRow;
use cognito_tui::app::browse::rows::GroupRow;
use cognito_tui::app::browse::rows::IdpRow;
use cognito_tui::app::browse::rows::PoolRow;
use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::effect::Read;
use cognito_tui::app::input::keymap::action_for_key;
use cognito_tui::app::remote::ErrorInfo;
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::state::Context;
use cognito_tui::app::users::forms::PoolSettings;
use cognito_tui::app::users::ops::UserOp;
use cognito_tui::app::{Action, ApiCall, Effect, InputKey, Payload, State, update};
use cognito_tui::cognito::clients::UserPoolClientType;
use cognito_tui::cognito::groups::GroupType;
use cognito_tui::cognito::idps::{IdentityProviderType, ProviderDescription};
use cognito_tui::cognito::pools::{
    GetUserPoolMfaConfigResponse, UserPoolDescriptionType, UserPoolType,
};
use cognito_tui::cognito::users::{AdminGetUserResponse, UserType};
use cognito_tui::ui::{Theme, render, table_rows};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use serde_json::{Value, json};

pub const WIDTH: u16 = 100;
pub const HEIGHT: u16 = 30;
/// 2023-11-14 22:13:20Z
pub const EPOCH: f64 = 1_700_000_000.0;

pub fn context() -> Context {
    Context {
        profile: Some("support".into()),
        region: "us-east-1".into(),
        endpoint: "http://127.0.0.1:5000/".into(),
        is_aws: false,
        local: false,
        read_only: false,
    }
}

/// A fresh console sized for the test terminal, with the pools request in flight.
pub fn start() -> (State, RequestId) {
    let mut s = State::new(context());
    update(
        &mut s,
        Action::Resize {
            table_rows: table_rows(Rect::new(0, 0, WIDTH, HEIGHT)),
        },
    );
    let effects = cognito_tui::app::init(&mut s);
    let req = request(&effects);
    (s, req)
}

/// The request id of the (last) API call among the effects.
pub fn request(effects: &[Effect]) -> RequestId {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Api { request, .. } => Some(*request),
            _ => None,
        })
        .next_back()
        .expect("an API call")
}

/// `+` on the selected user: the requests for the pool's groups and for the user's own.
pub fn open_add_picker(s: &mut State) -> (RequestId, RequestId) {
    let effects = update(s, Action::User(UserOp::AddToGroup));
    let of = |pick: fn(&Read) -> bool| {
        effects
            .iter()
            .find_map(|e| match e {
                Effect::Api {
                    request,
                    call: ApiCall::Read(read),
                } if pick(read) => Some(*request),
                _ => None,
            })
            .expect("the picker reads it")
    };
    (
        of(|r| matches!(r, Read::List(..))),
        of(|r| matches!(r, Read::UserGroups(..))),
    )
}

pub fn act(s: &mut State, action: Action) -> Vec<Effect> {
    update(s, action)
}

pub fn loaded(s: &mut State, request: RequestId, payload: Payload, done: bool) {
    update(
        s,
        Action::Loaded {
            request,
            payload,
            done,
        },
    );
}

pub fn failed(s: &mut State, request: RequestId, code: &str, text: &str) {
    update(
        s,
        Action::Failed {
            request,
            error: ErrorInfo {
                code: Some(code.into()),
                text: text.into(),
                ..ErrorInfo::default()
            },
        },
    );
}

/// Presses a character key as the terminal sends it: through the console's key tables.
pub fn press(s: &mut State, c: char) {
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    if let Some(action) = action_for_key(s, event) {
        update(s, action);
    }
}

pub fn type_text(s: &mut State, text: &str) {
    for c in text.chars() {
        update(s, Action::Input(InputKey::Char(c)));
    }
}

fn from<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).expect("fixture JSON")
}

pub fn pool_rows() -> Vec<PoolRow> {
    [
        ("us-east-1_Prod0001", "prod"),
        ("us-east-1_Stag0002", "staging"),
        ("us-east-1_Dev00003", "dev-sandbox"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (id, name))| {
        let d: UserPoolDescriptionType = from(json!({
            "Id": id, "Name": name,
            "CreationDate": EPOCH - 86_400.0 * (i as f64 + 30.0),
            "LastModifiedDate": EPOCH - 86_400.0 * i as f64,
        }));
        PoolRow::from(&d)
    })
    .collect()
}

const NAMES: [&str; 8] = [
    "ann", "bob", "carmen", "dmitri", "eve", "farah", "goran", "hui",
];
const STATUSES: [&str; 4] = [
    "CONFIRMED",
    "UNCONFIRMED",
    "FORCE_CHANGE_PASSWORD",
    "CONFIRMED",
];

pub fn user_type(i: usize) -> UserType {
    let name = NAMES
        .get(i)
        .map_or_else(|| format!("user-{i:05}"), |n| (*n).to_owned());
    from(json!({
        "Username": name,
        "Enabled": i % 7 != 5,
        "UserStatus": STATUSES[i % STATUSES.len()],
        "UserCreateDate": EPOCH + 3_600.0 * i as f64,
        "UserLastModifiedDate": EPOCH + 7_200.0 * i as f64,
        "Attributes": [{"Name": "email", "Value": format!("{name}@example.com")}]
    }))
}

/// Users `start..start + n`.
pub fn user_rows(start: usize, n: usize) -> Vec<UserRow> {
    (start..start + n)
        .map(|i| UserRow::from(&user_type(i)))
        .collect()
}

pub fn group_rows() -> Vec<GroupRow> {
    [
        ("admins", "Full console access", 1),
        ("support", "Reset passwords, unlock users", 10),
        ("beta-testers", "Early features", 50),
    ]
    .iter()
    .map(|(name, about, precedence)| {
        let g: GroupType = from(json!({
            "GroupName": name, "Description": about, "Precedence": precedence,
            "RoleArn": format!("arn:aws:iam::123456789012:role/{name}"),
            "CreationDate": EPOCH,
        }));
        GroupRow::from(&g)
    })
    .collect()
}

pub fn client_type(name: &str, id: &str, secret: bool) -> UserPoolClientType {
    let mut v = json!({
        "ClientName": name, "ClientId": id,
        "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        "AllowedOAuthFlows": ["code"], "AllowedOAuthScopes": ["openid", "email"],
        "CallbackURLs": ["https://app.example.com/callback"],
        "SupportedIdentityProviders": ["COGNITO", "Google"],
        "EnableTokenRevocation": true,
        "CreationDate": EPOCH, "LastModifiedDate": EPOCH + 60.0,
    });
    if secret {
        v["ClientSecret"] = json!("very-secret-value-1234567890");
    }
    from(v)
}

pub fn client_rows() -> Vec<ClientRow> {
    vec![
        ClientRow::from(&client_type("web", "1h57kf5cpq17m0eml12EXAMPLE", false)),
        ClientRow::from(&client_type("backend", "7sj2mf1c9kq4prd3ab4EXAMPLE", true)),
    ]
}

pub fn idp_rows() -> Vec<IdpRow> {
    [("Google", "Google"), ("CorpSAML", "SAML")]
        .iter()
        .map(|(name, kind)| {
            let p: ProviderDescription = from(json!({
                "ProviderName": name, "ProviderType": kind, "CreationDate": EPOCH,
            }));
            IdpRow::from(&p)
        })
        .collect()
}

pub fn overview_lines() -> Vec<(String, String)> {
    let pool: UserPoolType = from(json!({
        "Id": "us-east-1_Prod0001", "Name": "prod",
        "Arn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Prod0001",
        "CreationDate": EPOCH, "EstimatedNumberOfUsers": 1260,
        "MfaConfiguration": "OPTIONAL", "DeletionProtection": "ACTIVE",
        "UsernameAttributes": ["email"],
        "Policies": {"PasswordPolicy": {"MinimumLength": 12, "RequireUppercase": true,
            "RequireNumbers": true, "TemporaryPasswordValidityDays": 7}},
        "Domain": "prod-login",
        "SchemaAttributes": [{"Name": "email"}, {"Name": "custom:tenant"}, {"Name": "custom:plan"}],
        "UserPoolTier": "ESSENTIALS", "UsernameConfiguration": {"CaseSensitive": false},
    }));
    let mfa: GetUserPoolMfaConfigResponse = from(json!({
        "MfaConfiguration": "OPTIONAL", "SoftwareTokenMfaConfiguration": {"Enabled": true},
    }));
    overview::lines(&pool, Ok(mfa))
}

/// The pool's password policy and attributes, as the user forms read them.
pub fn settings() -> PoolSettings {
    let pool: UserPoolType = serde_json::from_value(serde_json::json!({
        "Policies": {"PasswordPolicy": {"MinimumLength": 12, "RequireUppercase": true,
            "RequireLowercase": true, "RequireNumbers": true, "RequireSymbols": false}},
        "SchemaAttributes": [
            {"Name": "sub", "Required": true, "Mutable": false},
            {"Name": "email", "Required": true, "Mutable": true},
            {"Name": "phone_number", "Mutable": true},
            {"Name": "name", "Mutable": true},
            {"Name": "given_name", "Mutable": true},
            {"Name": "tenant", "AttributeDataType": "String", "Mutable": true},
            {"Name": "employee_id", "AttributeDataType": "String", "Mutable": false}
        ]
    }))
    .expect("pool settings");
    PoolSettings::from_pool(&pool)
}

pub fn user_detail_raw() -> Value {
    json!({
        "Username": "ann",
        "UserAttributes": [
            {"Name": "sub", "Value": "3f1c2b7e-0000-4000-8000-000000000001"},
            {"Name": "email", "Value": "ann@example.com"},
            {"Name": "email_verified", "Value": "true"},
            {"Name": "custom:tenant", "Value": "acme"}
        ],
        "UserCreateDate": EPOCH,
        "UserLastModifiedDate": EPOCH + 3_600.0,
        "Enabled": true,
        "UserStatus": "CONFIRMED",
        "PreferredMfaSetting": "SOFTWARE_TOKEN_MFA",
        "UserMFASettingList": ["SOFTWARE_TOKEN_MFA"]
    })
}

pub fn user_detail() -> DetailBody {
    let raw = user_detail_raw();
    let user: AdminGetUserResponse = from(raw.clone());
    cognito_tui::app::browse::user_detail::user_body(
        &user,
        &["admins".into(), "support".into()],
        raw,
    )
}

pub fn group_detail() -> DetailBody {
    let raw = json!({"Group": {"GroupName": "support", "Description": "Reset passwords, unlock users",
        "Precedence": 10, "RoleArn": "arn:aws:iam::123456789012:role/support", "CreationDate": EPOCH}});
    let group: GroupType = from(raw["Group"].clone());
    let members = [user_type(0), user_type(2)];
    detail::group_body(&group, &members, raw)
}

pub fn client_detail() -> DetailBody {
    let client = client_type("backend", "7sj2mf1c9kq4prd3ab4EXAMPLE", true);
    let raw = json!({"UserPoolClient": {"ClientName": "backend", "ClientId": "7sj2mf1c9kq4prd3ab4EXAMPLE",
        "ClientSecret": "very-secret-value-1234567890"}});
    detail::client_body(&client, raw)
}

pub fn idp_detail() -> DetailBody {
    let raw = json!({"IdentityProvider": {"ProviderName": "Google", "ProviderType": "Google",
        "ProviderDetails": {"client_id": "123.apps.googleusercontent.com", "client_secret": "s3cr3t",
            "authorize_scopes": "openid email"},
        "AttributeMapping": {"email": "email", "username": "sub"},
        "IdpIdentifiers": [], "CreationDate": EPOCH}});
    let idp: IdentityProviderType = from(raw["IdentityProvider"].clone());
    let web = client_type("web", "3n4b5urk1ft4fl3mg5e62d9ado", false);
    detail::idp_body(&idp, Ok(&[web]), raw)
}

/// The pools loaded and `prod` opened: the users request is in flight. Returns its id.
pub fn open_prod(s: &mut State, pools_request: RequestId) -> RequestId {
    loaded(s, pools_request, Payload::Pools(pool_rows()), true);
    request(&act(s, Action::Open))
}

/// A console on prod's users tab with `n` users loaded (pages of 60).
pub fn users_state(n: usize, done: bool) -> State {
    let (mut s, pools) = start();
    let req = open_prod(&mut s, pools);
    let mut start = 0;
    while start < n {
        let page = (n - start).min(60);
        let last = start + page == n;
        loaded(
            &mut s,
            req,
            Payload::Rows(Rows::new::<UserRow>(user_rows(start, page))),
            done && last,
        );
        start += page;
    }
    s
}

pub fn draw_with(s: &State, theme: &Theme, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| render(s, theme, frame))
        .expect("draw");
    terminal
}

pub fn draw(s: &State) -> TestBackend {
    draw_with(s, &Theme::new(false), WIDTH, HEIGHT)
        .backend()
        .clone()
}
