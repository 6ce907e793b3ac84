//! Dialogs, the action menu, devices and the journal as update scripts (the group picker's are
//! in `tests_picker`).

use crate::app::action::{Action, InputKey, Payload};
use crate::app::effect::{ApiCall, Change, Effect, Read, UserChange};
use crate::app::form::Submit;
use crate::app::remote::{Remote, RequestId};
use crate::app::state::{Overlay, State};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::app::users::devices::DeviceLine;
use crate::app::users::dialog::{Dialog, MfaInfo};
use crate::app::users::journal::JournalLine;
use crate::app::users::menu::Menu;
use crate::app::users::ops::UserOp;

fn dialog(s: &State) -> &Dialog {
    match &s.overlay {
        Overlay::Dialog(d) => d,
        other => panic!("no dialog: {other:?}"),
    }
}

fn admin_op(effects: &[Effect]) -> (RequestId, UserChange) {
    match only_api(effects) {
        (req, ApiCall::Change(Change::User { op, .. })) => (req, op),
        other => panic!("{other:?}"),
    }
}

#[test]
fn disable_confirms_sends_then_refreshes_the_row() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    assert!(update(&mut s, Action::User(UserOp::ToggleEnabled)).is_empty());
    assert_eq!(dialog(&s).op, UserChange::Disable);
    let (req, op) = admin_op(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::Disable);
    assert!(dialog(&s).submit.awaits(req));
    let after = answer(&mut s, req, Payload::Done);
    assert_eq!(s.overlay, Overlay::None);
    assert_eq!(s.toast.as_deref(), Some("✓ ann disabled"));
    let (row, _) = only_api(&after);
    answer(
        &mut s,
        row,
        Payload::UserRow(Box::new(user_row("ann", "CONFIRMED", false))),
    );
    assert!(!s.pool.as_ref().unwrap().users.table.rows()[0].enabled);
    // The same key now enables.
    update(&mut s, Action::User(UserOp::ToggleEnabled));
    assert_eq!(dialog(&s).op, UserChange::Enable);
}

#[test]
fn a_failed_change_stays_open_with_the_error_and_esc_closes() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::User(UserOp::SignOut));
    assert!(dialog(&s).lines.iter().any(|l| l.contains("stay valid")));
    let (req, op) = admin_op(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::GlobalSignOut);
    fail(&mut s, req, "NotAuthorizedException", "User is disabled.");
    assert!(matches!(&dialog(&s).submit, Submit::Failed(e) if e.text == "User is disabled."));
    key(&mut s, InputKey::Cancel);
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn delete_needs_the_username_typed_and_removes_the_row() {
    let mut s = users(&[("ann", "CONFIRMED", true), ("bob", "CONFIRMED", true)]);
    update(&mut s, Action::User(UserOp::Delete));
    assert!(key(&mut s, InputKey::Submit).is_empty());
    assert_eq!(
        dialog(&s).hint.as_deref(),
        Some("type ann exactly to delete")
    );
    type_text(&mut s, "an");
    assert!(key(&mut s, InputKey::Submit).is_empty());
    type_text(&mut s, "n");
    let (req, op) = admin_op(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::Delete);
    assert!(answer(&mut s, req, Payload::Done).is_empty());
    let table = &s.pool.as_ref().unwrap().users.table;
    assert_eq!(table.total(), 1);
    assert_eq!(&*table.rows()[0].username, "bob");
}

#[test]
fn actions_that_do_not_fit_the_status_are_refused_with_the_reason() {
    let mut s = users(&[("fcp", "FORCE_CHANGE_PASSWORD", true)]);
    assert!(update(&mut s, Action::User(UserOp::ResetPassword)).is_empty());
    assert_eq!(s.overlay, Overlay::None);
    assert!(s.toast.as_deref().unwrap().starts_with(
        "reset password: refused for FORCE_CHANGE_PASSWORD users — resend the invitation"
    ));
    update(&mut s, Action::User(UserOp::ResendInvitation));
    let (_, op) = admin_op(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::ResendInvitation);
}

#[test]
fn the_menu_offers_the_fitting_action_first_and_runs_by_enter_or_key() {
    let mut s = users(&[("new", "UNCONFIRMED", true)]);
    update(&mut s, Action::OpenActionMenu);
    let Overlay::Menu(Menu::User { entries, .. }) = &s.overlay else {
        panic!("{:?}", s.overlay);
    };
    assert_eq!(entries[0].op, UserOp::ConfirmSignUp);
    // A greyed entry's key says why and leaves the menu open.
    press(&mut s, 'R');
    assert!(matches!(s.overlay, Overlay::Menu(_)));
    assert!(
        s.toast
            .as_deref()
            .unwrap()
            .contains("confirm the sign-up first")
    );
    key(&mut s, InputKey::Submit);
    assert_eq!(dialog(&s).op, UserChange::ConfirmSignUp);
    key(&mut s, InputKey::Cancel);
    update(&mut s, Action::OpenActionMenu);
    press(&mut s, 'o');
    assert_eq!(dialog(&s).op, UserChange::GlobalSignOut);
}

#[test]
fn mfa_shows_the_settings_then_resets_them() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (req, call) = only_api(&update(&mut s, Action::User(UserOp::Mfa)));
    assert!(matches!(call, ApiCall::Read(Read::GetUserMfa(..))));
    assert!(
        key(&mut s, InputKey::Submit).is_empty(),
        "not before they load"
    );
    let info = MfaInfo {
        preferred: "SOFTWARE_TOKEN_MFA".into(),
        methods: vec!["SOFTWARE_TOKEN_MFA".into()],
    };
    answer(&mut s, req, Payload::Mfa(info.clone()));
    assert_eq!(dialog(&s).mfa, Some(Remote::Loaded(info)));
    let (req, op) = admin_op(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::ResetMfa);
    answer(&mut s, req, Payload::Done);
    assert_eq!(
        s.toast.as_deref(),
        Some("✓ MFA reset for ann: every method off")
    );
}

#[test]
fn devices_and_events_load_apart_and_say_when_unsupported() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = update(&mut s, Action::User(UserOp::Devices));
    let devices = find(&effects, |c| {
        matches!(c, ApiCall::Read(Read::ListDevices(..)))
    });
    let events = find(&effects, |c| {
        matches!(c, ApiCall::Read(Read::ListAuthEvents(..)))
    });
    fail(
        &mut s,
        events,
        "Unsupported",
        "AdminListUserAuthEvents is not supported by this endpoint",
    );
    let line = DeviceLine::from_json(serde_json::json!({"DeviceKey": "us-east-1_dev1"}));
    answer(&mut s, devices, Payload::Devices(vec![line]));
    let Overlay::Devices(v) = &s.overlay else {
        panic!()
    };
    assert!(matches!(v.events, Remote::Failed(_)));
    key(&mut s, InputKey::Char('f'));
    let (req, op) = admin_op(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::ForgetDevice("us-east-1_dev1".into()));
    let after = answer(&mut s, req, Payload::Done);
    assert_eq!(apis(&after).len(), 2, "both lists reload");
}

#[test]
fn journal_command_reads_the_last_entries() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::OpenPalette);
    type_text(&mut s, "journal");
    let effects = key(&mut s, InputKey::Submit);
    let [Effect::ReadJournal { request, last }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*last, 200);
    let line = JournalLine {
        operation: "AdminDisableUser".into(),
        target: "ann".into(),
        result: "ok".into(),
        ..JournalLine::default()
    };
    answer(&mut s, *request, Payload::Journal(vec![line.clone()]));
    let Overlay::Journal(v) = &s.overlay else {
        panic!()
    };
    assert_eq!(v.entries, Remote::Loaded(vec![line]));
    key(&mut s, InputKey::Cancel);
    assert_eq!(s.overlay, Overlay::None);
}
