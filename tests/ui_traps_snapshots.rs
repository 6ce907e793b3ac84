//! The traps found in use, on a 100x30 TestBackend: names that look alike, marks and the cursor,
//! the generated password, the search field, and footers that offer only what works.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod ui_support;

use cognito_tui::app::browse::pane::Rows;
use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::effect::UserChange;
use cognito_tui::app::effect::{Change, Read};
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::users::ops::UserOp;
use cognito_tui::app::{Action, ApiCall, Effect, InputKey, Payload, State};
use cognito_tui::cognito::Username;
use cognito_tui::cognito::users::UserType;
use insta::assert_snapshot;
use ui_support::*;

fn snap(name: &str, s: &State) {
    assert_snapshot!(name, draw(s));
}

fn screen(s: &State) -> String {
    draw(s).to_string()
}

fn key(s: &mut State, k: InputKey) -> Vec<Effect> {
    act(s, Action::Input(k))
}

/// Usernames that look alike when drawn as they are.
const LOOKALIKES: [&str; 5] = [
    "fz-ab",
    "fz-a\nb",
    "fz-a\u{200d}b",
    "fz-a\\nb",
    "fz-a\u{202e}b",
];

fn user(name: &str, email: &str) -> UserRow {
    let u: UserType = serde_json::from_value(serde_json::json!({
        "Username": name, "Enabled": true, "UserStatus": "CONFIRMED",
        "UserCreateDate": EPOCH, "UserLastModifiedDate": EPOCH,
        "Attributes": [{"Name": "email", "Value": email}]
    }))
    .unwrap();
    UserRow::from(&u)
}

/// Prod's users tab with these users loaded.
fn with_users(names: &[&str]) -> State {
    let (mut s, pools) = start();
    let req = open_prod(&mut s, pools);
    let rows = names
        .iter()
        .map(|n| user(n, &format!("{}@example.com", n.len())))
        .collect();
    loaded(&mut s, req, Payload::Rows(Rows::new::<UserRow>(rows)), true);
    s
}

fn admin_call(effects: &[Effect]) -> (Username, UserChange) {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Api {
                call: ApiCall::Change(Change::User { user, op, .. }),
                ..
            } => Some((user.clone(), op.clone())),
            _ => None,
        })
        .expect("an admin call")
}

// ---------- 15: names that look alike ----------

#[test]
fn lookalike_usernames_are_drawn_with_visible_escapes() {
    let s = with_users(&LOOKALIKES);
    snap("lookalike_usernames", &s);
    let text = screen(&s);
    for shown in [
        "fz-ab ",
        "fz-a\\nb ",
        "fz-a\\u{200d}b ",
        "fz-a\\\\nb ",
        "fz-a\\u{202e}b ",
    ] {
        assert!(text.contains(shown), "{shown} missing:\n{text}");
    }
}

#[test]
fn a_lookalike_user_is_named_escaped_in_dialogs_and_deleted_by_typing_what_is_shown() {
    let mut s = with_users(&LOOKALIKES);
    act(&mut s, Action::Down);
    act(&mut s, Action::User(UserOp::ToggleEnabled));
    assert!(screen(&s).contains("Disable fz-a\\nb "), "{}", screen(&s));
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::User(UserOp::Delete));
    assert!(screen(&s).contains("Type fz-a\\nb to confirm"));
    // What is typed is what is shown: backslash, n.
    type_text(&mut s, "fz-a\\nb");
    snap("lookalike_delete_typed", &s);
    let (user, op) = admin_call(&key(&mut s, InputKey::Submit));
    assert_eq!((user, op), (Username::new("fz-a\nb"), UserChange::Delete));
}

#[test]
fn the_literal_backslash_user_needs_its_own_doubled_backslash_typed() {
    let mut s = with_users(&LOOKALIKES);
    for _ in 0..3 {
        act(&mut s, Action::Down);
    }
    act(&mut s, Action::User(UserOp::Delete));
    type_text(&mut s, "fz-a\\nb");
    assert!(
        key(&mut s, InputKey::Submit).is_empty(),
        "fz-a\\nb names the other user"
    );
    key(&mut s, InputKey::Home);
    for _ in 0..5 {
        key(&mut s, InputKey::Right);
    }
    type_text(&mut s, "\\");
    let (user, _) = admin_call(&key(&mut s, InputKey::Submit));
    assert_eq!(user, Username::new("fz-a\\nb"));
}

#[test]
fn attribute_values_are_escaped_in_the_detail_and_the_json() {
    let mut s = with_users(&LOOKALIKES[2..3]);
    let req = request(&act(&mut s, Action::Open));
    let raw = serde_json::json!({
        "Username": "fz-a\u{200d}b",
        "UserAttributes": [
            {"Name": "email", "Value": "fz\u{2060}@example.com"},
            {"Name": "name", "Value": "Ann\nAdams"}
        ],
        "Enabled": true, "UserStatus": "CONFIRMED"
    });
    let typed: cognito_tui::cognito::users::AdminGetUserResponse =
        serde_json::from_value(raw.clone()).unwrap();
    let body =
        cognito_tui::app::browse::user_detail::user_body(&typed, &["te\u{200b}am".into()], raw);
    loaded(&mut s, req, Payload::Detail(body), true);
    snap("lookalike_detail", &s);
    act(&mut s, Action::ToggleJson);
    let text = screen(&s);
    assert!(text.contains(r#""Username": "fz-a\u200db""#), "{text}");
    assert!(
        text.contains(r#""Value": "fz\u2060@example.com""#),
        "{text}"
    );
}

// ---------- 19: the search field and what each view offers ----------

#[test]
fn s_shows_the_last_search_selected() {
    let mut s = with_users(&["ann", "bob"]);
    act(&mut s, Action::OpenServerFilter);
    type_text(&mut s, "ann");
    let req = request(&key(&mut s, InputKey::Submit));
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<UserRow>(vec![user("ann", "ann@example.com")])),
        true,
    );
    act(&mut s, Action::OpenServerFilter);
    snap("search_reopened_selected", &s);
    let buffer = draw(&s);
    let row: Vec<&str> = (0..WIDTH)
        .map(|x| buffer.buffer()[(x, 17)].symbol())
        .collect();
    let x = (0..row.len()).find(|&i| row[i..].concat().starts_with("Value: ann"));
    let x = u16::try_from(x.expect("the value row") + 7).unwrap();
    let cell = &buffer.buffer()[(x, 17)];
    assert_eq!(cell.symbol(), "a");
    assert_ne!(
        cell.bg,
        ratatui::style::Color::Reset,
        "the value is highlighted"
    );
}

#[test]
fn the_overview_footer_offers_only_what_works_there() {
    let mut s = with_users(&["ann"]);
    act(
        &mut s,
        Action::ShowTab(cognito_tui::app::state::Tab::Overview),
    );
    let footer = screen(&s).lines().last().unwrap().to_owned();
    for absent in ["s search", "/ filter", "Enter open", "d describe"] {
        assert!(!footer.contains(absent), "{absent}: {footer}");
    }
    assert!(footer.contains("Esc back"), "{footer}");
}

// ---------- 16: marks and the cursor ----------

/// Four users, the first three marked, the cursor on the fourth.
fn three_marked() -> State {
    let mut s = with_users(&["ann", "bob", "cat", "dev.haddad1"]);
    for _ in 0..3 {
        act(&mut s, Action::ToggleMark);
    }
    s
}

#[test]
fn x_with_marks_shows_the_plan_for_the_marked_users() {
    let mut s = three_marked();
    act(&mut s, Action::User(UserOp::ToggleEnabled));
    snap("marks_x_bulk_plan", &s);
    let text = screen(&s);
    assert!(text.contains("Disable 3 users"), "{text}");
    assert!(!text.contains("Disable dev.haddad1"), "{text}");
}

#[test]
fn a_single_user_dialog_with_marks_says_it_is_for_that_user_only() {
    let mut s = three_marked();
    act(&mut s, Action::User(UserOp::ResetPassword));
    snap("marks_reset_only_this_user", &s);
    assert!(screen(&s).contains("Reset the password of dev.haddad1 only — 3 users are marked"));
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::OpenActionMenu);
    assert!(screen(&s).contains("this user only — 3 marked"));
}

// ---------- 17: the password the console chose ----------

const GENERATED: &str = "Gen-Pass-7431x";

/// ann's set-password form with the pool's policy loaded.
fn password_form() -> State {
    let mut s = with_users(&["ann.adams3"]);
    let effects = act(&mut s, Action::User(UserOp::SetPassword));
    let req = effects
        .iter()
        .find_map(|e| match e {
            Effect::Api {
                request,
                call: ApiCall::Read(Read::PoolSettings(_)),
            } => Some(*request),
            _ => None,
        })
        .expect("the pool's settings are read");
    let pool: cognito_tui::cognito::pools::UserPoolType = serde_json::from_value(
        serde_json::json!({"Policies": {"PasswordPolicy": {"MinimumLength": 8}}}),
    )
    .unwrap();
    loaded(
        &mut s,
        req,
        Payload::PoolSettings(cognito_tui::app::users::forms::PoolSettings::from_pool(
            &pool,
        )),
        true,
    );
    s
}

#[test]
fn a_generated_password_is_shown_once_masked_then_revealed() {
    let mut s = password_form();
    let generated = key(&mut s, InputKey::Generate);
    let [Effect::GeneratePassword { request, .. }] = generated.as_slice() else {
        panic!("{generated:?}");
    };
    loaded(
        &mut s,
        *request,
        Payload::Password(cognito_tui::cognito::types::Secret::new(GENERATED)),
        true,
    );
    let req = request_of(&key(&mut s, InputKey::Submit));
    loaded(&mut s, req, Payload::Done, true);
    snap("password_shown_masked", &s);
    assert!(!screen(&s).contains(GENERATED));
    key(&mut s, InputKey::Char('r'));
    snap("password_shown_revealed", &s);
    assert!(screen(&s).contains(GENERATED));
    let copied = key(&mut s, InputKey::Char('c'));
    assert!(matches!(copied.as_slice(), [Effect::CopyToClipboard(p)] if p.reveal() == GENERATED));
    assert!(screen(&s).contains("OSC 52"));
    key(&mut s, InputKey::Submit);
    assert!(!screen(&s).contains(GENERATED), "closed: gone");
}

#[test]
fn a_typed_password_is_revealed_with_ctrl_r() {
    let mut s = password_form();
    type_text(&mut s, "Typed-Pass-1");
    assert!(!screen(&s).contains("Typed-Pass-1"));
    key(&mut s, InputKey::Reveal);
    snap("password_typed_revealed", &s);
    assert!(screen(&s).contains("Typed-Pass-1"));
}

fn request_of(effects: &[Effect]) -> RequestId {
    request(effects)
}
