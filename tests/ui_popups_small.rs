//! Every popup kind on a small 60x15 terminal: its box stays whole (nothing is drawn over or past
//! its border), what it says wraps instead of being cut, what to press stays in view, and a
//! selected line stays visible. One snapshot each, plus the checks that say why it is right.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod ui_support;

use cognito_tui::app::devices::{DeviceLine, EventLine};
use cognito_tui::app::dialog::MfaInfo;
use cognito_tui::app::journal::JournalLine;
use cognito_tui::app::remote::ErrorInfo;
use cognito_tui::app::rows::GroupRow;
use cognito_tui::app::user_ops::UserOp;
use cognito_tui::app::{Action, Effect, InputKey, Payload, State};
use cognito_tui::cognito::types::Secret;
use cognito_tui::ui::{Theme, table_rows};
use insta::assert_snapshot;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ui_support::*;

const W: u16 = 60;
const H: u16 = 15;

fn key(s: &mut State, k: InputKey) -> Vec<Effect> {
    act(s, Action::Input(k))
}

/// Users loaded, the console resized to 60x15.
fn small(n: usize) -> State {
    let mut s = users_state(n, true);
    act(
        &mut s,
        Action::Resize {
            table_rows: table_rows(Rect::new(0, 0, W, H)),
        },
    );
    s
}

fn draw_small(s: &State) -> TestBackend {
    draw_with(s, &Theme::new(false), W, H).backend().clone()
}

/// The popup's box: the first `┌` under the header and the corners that belong to it.
fn popup_box(buf: &Buffer) -> Rect {
    let sym = |x: u16, y: u16| buf[(x, y)].symbol().to_owned();
    let (x0, y0) = (1..buf.area.height)
        .find_map(|y| {
            (0..buf.area.width)
                .find(|&x| sym(x, y) == "┌")
                .map(|x| (x, y))
        })
        .expect("a popup box");
    let x1 = (x0 + 1..buf.area.width)
        .find(|&x| sym(x, y0) == "┐")
        .expect("the box's top right corner");
    let y1 = (y0 + 1..buf.area.height)
        .find(|&y| sym(x0, y) == "└")
        .expect("the box's bottom: it is cut off by the screen");
    assert_eq!(sym(x1, y1), "┘", "bottom right corner");
    for y in y0 + 1..y1 {
        assert_eq!(sym(x0, y), "│", "left border at row {y} drawn over");
        assert_eq!(sym(x1, y), "│", "right border at row {y} drawn over");
    }
    for x in x0 + 1..x1 {
        assert_eq!(sym(x, y1), "─", "bottom border at column {x} drawn over");
    }
    Rect::new(x0, y0, x1 - x0 + 1, y1 - y0 + 1)
}

/// The text inside the box, its rows joined, runs of spaces as one.
fn inside(buf: &Buffer, area: Rect) -> String {
    let mut rows = Vec::new();
    for y in area.y + 1..area.bottom() - 1 {
        let row: String = (area.x + 1..area.right() - 1)
            .map(|x| buf[(x, y)].symbol())
            .collect();
        rows.push(row);
    }
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Snapshots the popup and checks its box is whole and shows every phrase in full.
fn check(name: &str, s: &State, phrases: &[&str]) -> (Buffer, Rect) {
    let backend = draw_small(s);
    assert_snapshot!(name, backend);
    let buf = backend.buffer().clone();
    let area = popup_box(&buf);
    let text = inside(&buf, area);
    for phrase in phrases {
        assert!(
            text.contains(phrase),
            "{name}: {phrase:?} is not shown in full:\n{backend}"
        );
    }
    (buf, area)
}

/// The selected line is drawn inside the box.
fn selection_shown(name: &str, buf: &Buffer, area: Rect) {
    let bg = Theme::new(false)
        .choice_selected
        .bg
        .expect("a selection colour");
    let shown = (area.y + 1..area.bottom() - 1)
        .any(|y| (area.x + 1..area.right() - 1).any(|x| buf[(x, y)].bg == bg));
    assert!(shown, "{name}: the selected line is out of view");
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
    let req = request(&act(&mut s, Action::User(UserOp::AddToGroup)));
    let groups = (0..20).map(|i| format!("group-{i:02}")).collect::<Vec<_>>();
    let rows = groups.iter().map(|g| group_row(g)).collect();
    loaded(&mut s, req, Payload::Groups(rows), true);
    for _ in 0..19 {
        key(&mut s, InputKey::Down);
    }
    let (buf, area) = check(
        "small_picker",
        &s,
        &["group-19", "↑/↓ choose · Enter picks · Esc cancels"],
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
            "Enter confirms · Esc cancels",
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
            "Enter confirms · Esc cancels",
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
            "Enter confirms · Esc cancels",
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
    let [Effect::GeneratePassword { request, .. }] = generated.as_slice() else {
        panic!("{generated:?}");
    };
    loaded(
        &mut s,
        *request,
        Payload::Password(Secret::new("Gen-Pass-7431x")),
        true,
    );
    let req = request_of_submit(&key(&mut s, InputKey::Submit));
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

fn request_of_submit(effects: &[Effect]) -> u64 {
    request(effects)
}

fn device() -> DeviceLine {
    DeviceLine {
        key: "us-east-1_0f9a2b7c-1111-4222-8333-444455556666".into(),
        name: "Ann's iPhone".into(),
        last_seen: "2023-11-14 22:13:20Z".into(),
        created: "2023-10-01 08:00:00Z".into(),
    }
}

#[test]
fn devices_and_sign_in_history_keep_their_keys() {
    let mut s = small(8);
    let ids: Vec<u64> = act(&mut s, Action::User(UserOp::Devices))
        .iter()
        .filter_map(|e| match e {
            Effect::Api { request, .. } => Some(*request),
            _ => None,
        })
        .collect();
    loaded(&mut s, ids[0], Payload::Devices(vec![device()]), true);
    act(
        &mut s,
        Action::Failed {
            request: ids[1],
            error: ErrorInfo::new(
                "AdminListUserAuthEvents is not supported by this endpoint (HTTP 500)",
            ),
        },
    );
    check(
        "small_devices_unsupported",
        &s,
        &[
            "Remembered devices",
            "Ann's iPhone",
            "AdminListUserAuthEvents is not supported by this endpoint (HTTP 500)",
            "↑/↓ device · f forget · r reload · Esc closes",
        ],
    );
    let ids: Vec<u64> = key(&mut s, InputKey::Char('r'))
        .iter()
        .filter_map(|e| match e {
            Effect::Api { request, .. } => Some(*request),
            _ => None,
        })
        .collect();
    let event = |i: usize| EventLine {
        time: format!("2023-11-1{i} 22:13:20Z"),
        kind: "SignIn".into(),
        response: "Pass".into(),
        risk: "Low".into(),
        from: "203.0.113.7 Berlin, Germany".into(),
    };
    let [devices, events] = ids.as_slice() else {
        panic!("{ids:?}");
    };
    loaded(&mut s, *devices, Payload::Devices(vec![device()]), true);
    let history = (0..6).map(event).collect();
    loaded(&mut s, *events, Payload::AuthEvents(history), true);
    key(&mut s, InputKey::Char('f'));
    check(
        "small_devices_history",
        &s,
        &[
            "Sign-in history (newest first)",
            "Forget the selected device? Enter forgets it · Esc keeps it",
        ],
    );
}

#[test]
fn a_bulk_plan_keeps_the_count_to_type_and_the_keys() {
    let mut s = small(12);
    for _ in 0..12 {
        act(&mut s, Action::ToggleMark);
    }
    act(&mut s, Action::OpenBulkMenu);
    key(&mut s, InputKey::Char('x'));
    check(
        "small_bulk_plan",
        &s,
        &[
            "The plan:",
            "more",
            "Type 12 to confirm:",
            "Enter applies · Esc cancels",
        ],
    );
    type_text(&mut s, "12");
    let req = request(&key(&mut s, InputKey::Submit));
    for (i, user) in ["ann", "bob"].iter().enumerate() {
        let error = (i == 1).then(|| {
            ErrorInfo::new("UserNotFoundException: The user does not exist in this user pool.")
        });
        act(
            &mut s,
            Action::BulkStep {
                request: req,
                user: (*user).into(),
                error,
            },
        );
    }
    check(
        "small_bulk_running",
        &s,
        &["Esc stops (users not reached are left as they are)"],
    );
}

#[test]
fn the_journal_keeps_its_count_and_keys() {
    let mut s = small(3);
    act(&mut s, Action::OpenPalette);
    type_text(&mut s, "journal");
    let effects = key(&mut s, InputKey::Submit);
    let [Effect::ReadJournal { request, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let entry = |i: usize| JournalLine {
        time: "2023-11-14T22:13:20Z".into(),
        profile: "support".into(),
        region: "us-east-1".into(),
        pool: "us-east-1_Prod0001".into(),
        operation: "AdminDisableUser".into(),
        target: format!("user-{i}"),
        result: if i.is_multiple_of(3) {
            "NotAuthorizedException".into()
        } else {
            "ok".into()
        },
        request_id: "7f3c9a4e-0000-4000-8000-00000000000a".into(),
    };
    loaded(
        &mut s,
        *request,
        Payload::Journal((0..20).map(entry).collect()),
        true,
    );
    check(
        "small_journal",
        &s,
        &[
            "Time (UTC)",
            "user-19",
            "20 entries · ↑/↓ scroll · r reload · Esc closes",
        ],
    );
}

#[test]
fn help_palette_and_search_stay_in_their_box() {
    let mut s = small(3);
    act(&mut s, Action::ToggleHelp);
    check("small_help", &s, &[]);
    act(&mut s, Action::ToggleHelp);
    act(&mut s, Action::OpenPalette);
    check("small_palette", &s, &[]);
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::OpenServerFilter);
    check(
        "small_search",
        &s,
        &["Filter: none (Enter lists every user)"],
    );
}
