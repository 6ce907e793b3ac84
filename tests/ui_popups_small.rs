//! Popups on a small 60x15 terminal, part one: menus, the group picker, forms, dialogs and the
//! password shown once. Each box stays whole (nothing is drawn over or past its border), what it
//! says wraps instead of being cut, what to press stays in view, and a selected line stays
//! visible. One snapshot each, plus the checks that say why it is right.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod ui_support;

use cognito_tui::app::browse::pane::Rows;
use cognito_tui::app::browse::rows::GroupRow;
use cognito_tui::app::users::dialog::MfaInfo;
use cognito_tui::app::users::ops::UserOp;
use cognito_tui::app::{Action, Effect, InputKey, Payload, State};
use cognito_tui::cognito::types::Secret;
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ui_support::popups::*;
use ui_support::*;

/// Snapshots the popup and checks its box is whole and shows every phrase in full.
fn check(name: &str, s: &State, phrases: &[&str]) -> (Buffer, Rect) {
    let backend = draw_small(s);
    assert_snapshot!(name, backend);
    shown_in_full(name, &backend, phrases)
}

#[test]
fn the_action_menus_scroll_to_the_selection() {
    let mut s = small(8);
    act(&mut s, Action::ToggleMark);
    act(&mut s, Action::ToggleMark);
    act(&mut s, Action::OpenActionMenu);
    for _ in 0..20 {
        key(&mut s, InputKey::Down);
    }
    let (buf, area) = check(
        "small_menu_user",
        &s,
        &["↑/↓ choose · Enter or the key runs it · Esc closes"],
    );
    selection_shown("menu", &buf, area);
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::OpenBulkMenu);
    let (buf, area) = check("small_menu_bulk", &s, &["x disable", "Esc closes"]);
    selection_shown("bulk menu", &buf, area);
}

#[test]
fn the_group_picker_scrolls_and_wraps_its_error() {
    let mut s = small(8);
    let (req, theirs) = open_add_picker(&mut s);
    loaded(
        &mut s,
        theirs,
        Payload::UserGroups(vec!["group-18".into()]),
        true,
    );
    let groups = (0..20).map(|i| format!("group-{i:02}")).collect::<Vec<_>>();
    let rows = groups.iter().map(|g| group_row(g)).collect();
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<GroupRow>(rows)),
        true,
    );
    for _ in 0..19 {
        key(&mut s, InputKey::Down);
    }
    let (buf, area) = check(
        "small_picker",
        &s,
        &[
            "group-19",
            "group-18 ",
            "✓ member",
            "↑/↓ choose · Enter picks · Esc cancels",
        ],
    );
    selection_shown("picker", &buf, area);
    let req = request(&key(&mut s, InputKey::Submit));
    failed(
        &mut s,
        req,
        "ResourceNotFoundException",
        "The group does not exist any more: another administrator deleted it a moment ago.",
    );
    check(
        "small_picker_failed",
        &s,
        &[
            "ResourceNotFoundException",
            "The group does not exist any more: another administrator deleted it a moment ago.",
        ],
    );
}

fn group_row(name: &str) -> GroupRow {
    let g = serde_json::from_value(serde_json::json!({"GroupName": name})).unwrap();
    GroupRow::from(&g)
}

/// The create form with the pool's settings loaded.
fn create_form() -> State {
    let mut s = small(8);
    let req = request(&act(&mut s, Action::User(UserOp::Create)));
    loaded(&mut s, req, Payload::PoolSettings(settings()), true);
    s
}

#[test]
fn a_form_keeps_its_focus_its_errors_and_its_keys_in_view() {
    let mut s = create_form();
    check(
        "small_form_empty",
        &s,
        &["Username*", "Enter sends · Esc cancels"],
    );
    key(&mut s, InputKey::Submit);
    check("small_form_errors", &s, &["Username*", "✗"]);
    // The last field, far below the first: the form scrolls to it.
    key(&mut s, InputKey::Up);
    check("small_form_last_field", &s, &["›Mark phone verified"]);
    let mut s = create_form();
    type_text(&mut s, "zoe");
    key(&mut s, InputKey::Complete);
    type_text(&mut s, "zoe@example.com");
    let req = request(&key(&mut s, InputKey::Submit));
    check("small_form_submitting", &s, &["Creating zoe…"]);
    failed(
        &mut s,
        req,
        "UsernameExistsException",
        "UsernameExistsException: A user with this username already exists in the pool. (User account already exists)",
    );
    check(
        "small_form_failed",
        &s,
        &[
            "UsernameExistsException: A user with this username already exists in the pool. (User account already exists)",
        ],
    );
}

#[test]
fn dialogs_wrap_what_will_happen() {
    let mut s = small(8);
    act(&mut s, Action::User(UserOp::ToggleEnabled));
    check(
        "small_dialog_disable",
        &s,
        &[
            "They can no longer sign in; their tokens stop being refreshed.",
            "Nothing is deleted: enable them again at any time.",
            "Enter confirms",
            "Ctrl-Y copies the AWS CLI command",
            "Esc cancels",
        ],
    );
    let req = request(&key(&mut s, InputKey::Submit));
    failed(
        &mut s,
        req,
        "UserNotFoundException",
        "The user does not exist in this user pool: it was deleted since the list was loaded.",
    );
    check(
        "small_dialog_failed",
        &s,
        &[
            "UserNotFoundException",
            "The user does not exist in this user pool: it was deleted since the list was loaded.",
        ],
    );
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::User(UserOp::SignOut));
    check(
        "small_dialog_sign_out",
        &s,
        &[
            "Their refresh tokens are revoked: no device gets new tokens.",
            "until they expire (usually within an hour).",
            "Enter confirms",
            "Ctrl-Y copies the AWS CLI command",
            "Esc cancels",
        ],
    );
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::User(UserOp::Delete));
    type_text(&mut s, "an");
    key(&mut s, InputKey::Submit);
    check(
        "small_dialog_delete",
        &s,
        &[
            "ann and their attributes, groups and devices are deleted.",
            "This cannot be undone.",
            "Type ann to confirm: an",
            "type ann exactly to delete",
            "Enter deletes (once the name is typed) · Esc cancels",
        ],
    );
}

#[test]
fn the_mfa_dialog_shows_the_settings_and_the_keys() {
    let mut s = small(8);
    let req = request(&act(&mut s, Action::User(UserOp::Mfa)));
    let info = MfaInfo {
        preferred: "SOFTWARE_TOKEN_MFA".into(),
        methods: vec!["SOFTWARE_TOKEN_MFA".into(), "SMS_MFA".into()],
    };
    loaded(&mut s, req, Payload::Mfa(info), true);
    check(
        "small_dialog_mfa",
        &s,
        &[
            "Preferred SOFTWARE_TOKEN_MFA",
            "Methods SOFTWARE_TOKEN_MFA, SMS_MFA",
            "Enter confirms",
            "Ctrl-Y copies the AWS CLI command",
            "Esc cancels",
        ],
    );
}

#[test]
fn the_password_shown_once_wraps_and_keeps_its_keys() {
    let mut s = small(8);
    let req = request(&act(&mut s, Action::User(UserOp::SetPassword)));
    loaded(&mut s, req, Payload::PoolSettings(settings()), true);
    type_text(&mut s, "x");
    let generated = key(&mut s, InputKey::Generate);
    let [Effect::GeneratePassword { request: id, .. }] = generated.as_slice() else {
        panic!("{generated:?}");
    };
    loaded(
        &mut s,
        *id,
        Payload::Password(Secret::new("Gen-Pass-7431x")),
        true,
    );
    let req = request(&key(&mut s, InputKey::Submit));
    loaded(&mut s, req, Payload::Done, true);
    key(&mut s, InputKey::Char('c'));
    check(
        "small_password_shown",
        &s,
        &[
            "The temporary password the console chose, shown this once:",
            "••••••••••••••",
            "r reveals · c copies · Enter or Esc closes: it is not shown again",
        ],
    );
}
