//! Snapshots of every user-administration form and dialog on a 100x30 TestBackend: empty, filled,
//! with validation errors, submitting and failed; the action menu, the group picker, devices, the
//! journal, marks and bulk runs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod ui_support;

use cognito_tui::app::action::Payload;
use cognito_tui::app::browse::pane::Rows;
use cognito_tui::app::browse::rows::GroupRow;
use cognito_tui::app::effect::Read;
use cognito_tui::app::remote::{ErrorInfo, RequestId};
use cognito_tui::app::state::Tab;
use cognito_tui::app::users::devices::DeviceLine;
use cognito_tui::app::users::dialog::MfaInfo;
use cognito_tui::app::users::journal::JournalLine;
use cognito_tui::app::users::ops::UserOp;
use cognito_tui::app::{Action, ApiCall, Effect, InputKey, State};
use cognito_tui::cognito::types::Secret;
use insta::assert_snapshot;
use ui_support::*;

fn snap(name: &str, s: &State) {
    assert_snapshot!(name, draw(s));
}

fn key(s: &mut State, k: InputKey) -> Vec<Effect> {
    act(s, Action::Input(k))
}

/// Users loaded; the form of `op` open on the first user, the pool's settings answered.
fn with_form(op: UserOp) -> (State, Vec<Effect>) {
    let mut s = users_state(8, true);
    let effects = act(&mut s, Action::User(op));
    for e in &effects {
        if let Effect::Api { request, call } = e
            && matches!(call, ApiCall::Read(Read::PoolSettings(_)))
        {
            loaded(&mut s, *request, Payload::PoolSettings(settings()), true);
        }
    }
    (s, effects)
}

/// Moves the form's focus to the field `name`.
fn focus(s: &mut State, name: &str) {
    for _ in 0..40 {
        if let cognito_tui::app::state::Overlay::Form(f) = &s.overlay
            && f.form
                .fields
                .get(f.form.focus)
                .is_some_and(|f| f.key.name() == name)
        {
            return;
        }
        key(s, InputKey::Complete);
    }
    panic!("no field {name}");
}

#[test]
fn create_user_form() {
    let (mut s, _) = with_form(UserOp::Create);
    snap("create_empty", &s);
    key(&mut s, InputKey::Submit);
    snap("create_errors", &s);
    focus(&mut s, "username");
    type_text(&mut s, "zoe");
    focus(&mut s, "email");
    type_text(&mut s, "zoe@example");
    focus(&mut s, "phone_number");
    type_text(&mut s, "555");
    key(&mut s, InputKey::Submit);
    snap("create_bad_email_and_phone", &s);
    focus(&mut s, "phone_number");
    for _ in 0..3 {
        key(&mut s, InputKey::Backspace);
    }
    type_text(&mut s, "+15555550100");
    focus(&mut s, "email");
    type_text(&mut s, ".com");
    focus(&mut s, "custom:tenant");
    type_text(&mut s, "acme");
    focus(&mut s, "temporary_password");
    let effects = key(&mut s, InputKey::Generate);
    let Effect::GeneratePassword {
        request: generated, ..
    } = effects[0].clone()
    else {
        panic!("{effects:?}")
    };
    loaded(
        &mut s,
        generated,
        Payload::Password(Secret::new("Gen3rated-Pass")),
        true,
    );
    snap("create_filled", &s);
    let req = request(&key(&mut s, InputKey::Submit));
    snap("create_submitting", &s);
    failed(
        &mut s,
        req,
        "UsernameExistsException",
        "UsernameExistsException: A user with this username already exists in the pool. (User account already exists)",
    );
    snap("create_failed", &s);
}

/// A username with a space: refused next to the field, as typed, before anything is sent.
#[test]
fn create_user_form_with_a_bad_username() {
    let (mut s, _) = with_form(UserOp::Create);
    type_text(&mut s, "zoe.tester x");
    focus(&mut s, "email");
    type_text(&mut s, "zoe@example.com");
    assert!(key(&mut s, InputKey::Submit).is_empty(), "nothing is sent");
    snap("create_bad_username", &s);
}

#[test]
fn edit_attributes_form() {
    let (mut s, effects) = with_form(UserOp::EditAttributes);
    snap("edit_loading", &s);
    let get = effects
        .iter()
        .find_map(|e| match e {
            Effect::Api {
                request,
                call:
                    ApiCall::Read(Read::Describe {
                        tab: Tab::Users, ..
                    }),
            } => Some(*request),
            _ => None,
        })
        .unwrap();
    let body = cognito_tui::app::browse::detail::DetailBody {
        sections: Vec::new(),
        verdict: None,
        raw: user_detail_raw(),
    };
    loaded(&mut s, get, Payload::Detail(body), true);
    snap("edit_empty", &s);
    key(&mut s, InputKey::Submit);
    snap("edit_nothing_changed", &s);
    // email: clear it (a required attribute), then the name.
    focus(&mut s, "email");
    for _ in 0..20 {
        key(&mut s, InputKey::Backspace);
    }
    key(&mut s, InputKey::Submit);
    snap("edit_errors", &s);
    type_text(&mut s, "ann@example.org");
    focus(&mut s, "name");
    type_text(&mut s, "Ann Lee");
    snap("edit_filled", &s);
    let req = request(&key(&mut s, InputKey::Submit));
    snap("edit_submitting", &s);
    failed(
        &mut s,
        req,
        "AliasExistsException",
        "AliasExistsException: Another user already uses this email or phone number as an alias.",
    );
    snap("edit_failed", &s);
}

#[test]
fn set_password_form() {
    let (mut s, _) = with_form(UserOp::SetPassword);
    snap("password_empty", &s);
    type_text(&mut s, "short");
    key(&mut s, InputKey::Submit);
    snap("password_errors", &s);
    type_text(&mut s, "-Enough-1");
    focus(&mut s, "kind");
    key(&mut s, InputKey::Right);
    snap("password_filled", &s);
    let req = request(&key(&mut s, InputKey::Submit));
    snap("password_submitting", &s);
    failed(
        &mut s,
        req,
        "InvalidPasswordException",
        "InvalidPasswordException: The password does not meet the pool's password policy. (Password has been used before)",
    );
    snap("password_failed", &s);
}

#[test]
fn dialogs() {
    let mut s = users_state(8, true);
    act(&mut s, Action::User(UserOp::ToggleEnabled));
    snap("dialog_disable", &s);
    let req = request(&key(&mut s, InputKey::Submit));
    snap("dialog_disable_submitting", &s);
    failed(
        &mut s,
        req,
        "UserNotFoundException",
        "The user does not exist in this user pool.",
    );
    snap("dialog_disable_failed", &s);
    key(&mut s, InputKey::Cancel);

    act(&mut s, Action::User(UserOp::SignOut));
    snap("dialog_sign_out", &s);
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::User(UserOp::ResetPassword));
    snap("dialog_reset_password", &s);
    key(&mut s, InputKey::Cancel);

    act(&mut s, Action::User(UserOp::Delete));
    snap("dialog_delete_empty", &s);
    type_text(&mut s, "an");
    key(&mut s, InputKey::Submit);
    snap("dialog_delete_not_matching", &s);
    type_text(&mut s, "n");
    snap("dialog_delete_filled", &s);
    key(&mut s, InputKey::Cancel);

    // carmen (row 3) is FORCE_CHANGE_PASSWORD; bob (row 2) UNCONFIRMED.
    act(&mut s, Action::Down);
    act(&mut s, Action::User(UserOp::ConfirmSignUp));
    snap("dialog_confirm_sign_up", &s);
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::Down);
    act(&mut s, Action::User(UserOp::ResendInvitation));
    snap("dialog_resend_invitation", &s);
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::User(UserOp::ResetPassword));
    snap("refused_reset_for_force_change_password", &s);
}

#[test]
fn mfa_dialog() {
    let mut s = users_state(8, true);
    let req = request(&act(&mut s, Action::User(UserOp::Mfa)));
    snap("dialog_mfa_loading", &s);
    let info = MfaInfo {
        preferred: "SOFTWARE_TOKEN_MFA".into(),
        methods: vec!["SOFTWARE_TOKEN_MFA".into(), "SMS_MFA".into()],
    };
    loaded(&mut s, req, Payload::Mfa(info), true);
    snap("dialog_mfa", &s);
}

#[test]
fn action_menus() {
    let mut s = users_state(8, true);
    act(&mut s, Action::Down);
    act(&mut s, Action::Down);
    act(&mut s, Action::OpenActionMenu);
    snap("menu_force_change_password", &s);
    key(&mut s, InputKey::Cancel);
    for _ in 0..3 {
        act(&mut s, Action::Down);
    }
    act(&mut s, Action::OpenActionMenu);
    snap("menu_disabled_user", &s);
    key(&mut s, InputKey::Cancel);
    s.context.read_only = true;
    act(&mut s, Action::OpenActionMenu);
    snap("menu_read_only", &s);
}

#[test]
fn group_picker() {
    let mut s = users_state(8, true);
    let (req, theirs) = open_add_picker(&mut s);
    act(&mut s, Action::Tick);
    snap("picker_loading", &s);
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<GroupRow>(group_rows())),
        true,
    );
    loaded(
        &mut s,
        theirs,
        Payload::UserGroups(vec!["admins".into()]),
        true,
    );
    key(&mut s, InputKey::Down);
    snap("picker_groups", &s);
    // ann is in admins: marked, and Enter on it says so instead of sending.
    key(&mut s, InputKey::Up);
    assert!(key(&mut s, InputKey::Submit).is_empty());
    snap("picker_already_member", &s);
    key(&mut s, InputKey::Down);
    let req = request(&key(&mut s, InputKey::Submit));
    failed(
        &mut s,
        req,
        "ResourceNotFoundException",
        "The group does not exist.",
    );
    snap("picker_failed", &s);
}

#[test]
fn devices_view() {
    let mut s = users_state(8, true);
    let effects = act(&mut s, Action::User(UserOp::Devices));
    let ids: Vec<RequestId> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Api { request, .. } => Some(*request),
            _ => None,
        })
        .collect();
    snap("devices_loading", &s);
    let device = DeviceLine {
        key: "us-east-1_0f9a2b7c-1111-4222-8333-444455556666".into(),
        name: "Ann's iPhone".into(),
        last_seen: "2023-11-14 22:13:20Z".into(),
        created: "2023-10-01 08:00:00Z".into(),
        status: "remembered".into(),
        ..DeviceLine::default()
    };
    loaded(&mut s, ids[0], Payload::Devices(vec![device]), true);
    act(
        &mut s,
        Action::Failed {
            request: ids[1],
            error: ErrorInfo::new(
                "AdminListUserAuthEvents is not supported by this endpoint (HTTP 500)",
            ),
        },
    );
    snap("devices_events_unsupported", &s);
    key(&mut s, InputKey::Char('f'));
    snap("devices_confirm_forget", &s);
}

#[test]
fn journal_view() {
    let mut s = users_state(3, true);
    act(&mut s, Action::OpenPalette);
    type_text(&mut s, "journal");
    let req = request_of_journal(&key(&mut s, InputKey::Submit));
    let entry = |op: &str, target: &str, result: &str| JournalLine {
        time: "2023-11-14T22:13:20Z".into(),
        profile: "support".into(),
        region: "us-east-1".into(),
        pool: "us-east-1_Prod0001".into(),
        operation: op.into(),
        target: target.into(),
        result: result.into(),
        request_id: "7f3c9a4e-0000-4000-8000-00000000000a".into(),
    };
    let lines = vec![
        entry("AdminDisableUser", "ann", "ok"),
        entry("AdminResetUserPassword", "carmen", "NotAuthorizedException"),
        entry("AdminUserGlobalSignOut", "bob", "ok"),
    ];
    loaded(&mut s, req, Payload::Journal(lines), true);
    snap("journal", &s);
}

fn request_of_journal(effects: &[Effect]) -> RequestId {
    match effects {
        [Effect::ReadJournal { request, .. }] => *request,
        other => panic!("{other:?}"),
    }
}

#[test]
fn marks_and_bulk() {
    let mut s = users_state(8, true);
    act(&mut s, Action::ToggleMark);
    act(&mut s, Action::ToggleMark);
    act(&mut s, Action::Down);
    act(&mut s, Action::ToggleMark);
    snap("users_marked", &s);
    act(&mut s, Action::OpenBulkMenu);
    snap("bulk_menu", &s);
    press(&mut s, 'x');
    snap("bulk_plan", &s);
    type_text(&mut s, "2");
    key(&mut s, InputKey::Submit);
    snap("bulk_plan_wrong_count", &s);
    key(&mut s, InputKey::Backspace);
    type_text(&mut s, "3");
    let req = request(&key(&mut s, InputKey::Submit));
    act(
        &mut s,
        Action::BulkStep {
            request: req,
            user: "ann".into(),
            error: None,
        },
    );
    snap("bulk_running", &s);
    act(
        &mut s,
        Action::BulkStep {
            request: req,
            user: "bob".into(),
            error: Some(ErrorInfo::new(
                "UserNotFoundException: The user does not exist in this user pool.",
            )),
        },
    );
    act(
        &mut s,
        Action::BulkStep {
            request: req,
            user: "dmitri".into(),
            error: None,
        },
    );
    loaded(&mut s, req, Payload::Done, true);
    snap("bulk_finished", &s);
}

#[test]
fn read_only_footer_and_help_leave_out_mutating_keys() {
    let mut s = users_state(3, true);
    s.context.read_only = true;
    act(&mut s, Action::ToggleHelp);
    snap("help_users_read_only", &s);
    let mut s = users_state(3, true);
    act(&mut s, Action::ToggleHelp);
    snap("help_users", &s);
}
