//! Popups on a small 60x15 terminal, part two: devices and sign-in history, bulk runs, the
//! journal, and the help, palette and search boxes (see `ui_popups_small.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod ui_support;

use cognito_tui::app::remote::{ErrorInfo, RequestId};
use cognito_tui::app::users::devices::DeviceLine;
use cognito_tui::app::users::devices::EventLine;
use cognito_tui::app::users::journal::JournalLine;
use cognito_tui::app::users::menu::BulkChoice;
use cognito_tui::app::users::ops::UserOp;
use cognito_tui::app::{Action, Effect, InputKey, Payload, State};
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

fn device() -> DeviceLine {
    DeviceLine {
        key: "us-east-1_0f9a2b7c-1111-4222-8333-444455556666".into(),
        name: "Ann's iPhone".into(),
        last_seen: "2023-11-14 22:13:20Z".into(),
        created: "2023-10-01 08:00:00Z".into(),
        status: "remembered".into(),
        ..DeviceLine::default()
    }
}

#[test]
fn devices_and_sign_in_history_keep_their_keys() {
    let mut s = small(8);
    let ids: Vec<RequestId> = act(&mut s, Action::User(UserOp::Devices))
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
            "Tab history · ↑/↓ device · f forget",
            "y JSON · r reload · Esc closes",
        ],
    );
    let ids: Vec<RequestId> = key(&mut s, InputKey::Char('r'))
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
        ..EventLine::default()
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
    act(&mut s, Action::Bulk(BulkChoice::Disable));
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
