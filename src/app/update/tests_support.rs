//! Helpers for the administration update scripts: a pool open on its users, answers from the
//! "worker", effects picked apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::{PoolRow, UserRow};
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::state::{Context, State};
use crate::app::update::{init, update};
use crate::app::users::forms::{AttributeSpec, PoolSettings};
use crate::cognito::pools::{PasswordPolicyType, UserPoolDescriptionType};
use crate::cognito::users::UserType;

pub fn user_row(name: &str, status: &str, enabled: bool) -> UserRow {
    let u: UserType = serde_json::from_value(serde_json::json!({
        "Username": name, "Enabled": enabled, "UserStatus": status,
        "Attributes": [{"Name": "email", "Value": format!("{name}@example.com")}]
    }))
    .unwrap();
    UserRow::from(&u)
}

/// A console on pool `prod`'s users tab with these (name, status, enabled) users loaded.
pub fn users(list: &[(&str, &str, bool)]) -> State {
    let mut s = State::new(Context {
        region: "us-east-1".into(),
        ..Context::default()
    });
    let (req, _) = only_api(&init(&mut s));
    let pool: UserPoolDescriptionType =
        serde_json::from_value(serde_json::json!({"Id": "us-east-1_A", "Name": "prod"})).unwrap();
    answer(&mut s, req, Payload::Pools(vec![PoolRow::from(&pool)]));
    let (req, _) = only_api(&update(&mut s, Action::Open));
    let rows = list
        .iter()
        .map(|(n, st, en)| user_row(n, st, *en))
        .collect();
    answer(&mut s, req, Payload::Rows(Rows::new::<UserRow>(rows)));
    s
}

pub fn answer(s: &mut State, request: RequestId, payload: Payload) -> Vec<Effect> {
    update(
        s,
        Action::Loaded {
            request,
            payload,
            done: true,
        },
    )
}

pub fn fail(s: &mut State, request: RequestId, code: &str, text: &str) -> Vec<Effect> {
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
    )
}

pub fn apis(effects: &[Effect]) -> Vec<(RequestId, ApiCall)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Api { request, call } => Some((*request, call.clone())),
            _ => None,
        })
        .collect()
}

pub fn only_api(effects: &[Effect]) -> (RequestId, ApiCall) {
    let all = apis(effects);
    assert_eq!(all.len(), 1, "expected one API call in {effects:?}");
    all[0].clone()
}

/// The request of the one call matching `pick`.
pub fn find(effects: &[Effect], pick: impl Fn(&ApiCall) -> bool) -> RequestId {
    let found: Vec<_> = apis(effects).into_iter().filter(|(_, c)| pick(c)).collect();
    assert_eq!(found.len(), 1, "expected one such call in {effects:?}");
    found[0].0
}

pub fn key(s: &mut State, key: InputKey) -> Vec<Effect> {
    update(s, Action::Input(key))
}

/// Presses a character key as the terminal sends it: through the user's key tables.
pub fn press(s: &mut State, c: char) -> Vec<Effect> {
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    crate::app::input::keymap::action_for_key(s, event)
        .map(|action| update(s, action))
        .unwrap_or_default()
}

pub fn type_text(s: &mut State, text: &str) {
    for c in text.chars() {
        update(s, Action::Input(InputKey::Char(c)));
    }
}

/// A pool requiring email, with a phone, a name, a custom attribute and an immutable one.
pub fn settings() -> PoolSettings {
    let spec = |name: &str, required: bool, mutable: bool| AttributeSpec {
        name: name.into(),
        required,
        mutable,
    };
    PoolSettings {
        policy: PasswordPolicyType {
            minimum_length: Some(10),
            require_uppercase: Some(true),
            require_lowercase: Some(true),
            require_numbers: Some(true),
            require_symbols: Some(false),
            ..PasswordPolicyType::default()
        },
        attributes: vec![
            spec("sub", true, false),
            spec("name", false, true),
            spec("email", true, true),
            spec("email_verified", false, true),
            spec("phone_number", false, true),
            spec("custom:tenant", false, true),
            spec("custom:employee_id", false, false),
        ],
    }
}

/// Answers the PoolSettings request among `effects`.
pub fn give_settings(s: &mut State, effects: &[Effect]) {
    let req = find(effects, |c| {
        matches!(c, ApiCall::Read(Read::PoolSettings(_)))
    });
    answer(s, req, Payload::PoolSettings(settings()));
}

/// A console with ann listed and the `op` form open on her, the pool's settings answered.
pub fn form_on_ann(op: crate::app::users::ops::UserOp) -> State {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = update(&mut s, Action::User(op));
    give_settings(&mut s, &effects);
    s
}

/// Whether `effects` read a user's detail (again).
pub fn reads_a_user_detail(effects: &[Effect]) -> bool {
    apis(effects).iter().any(|(_, c)| {
        matches!(
            c,
            ApiCall::Read(Read::Describe {
                tab: crate::app::state::Tab::Users,
                ..
            })
        )
    })
}
