//! The verdict's fix on one key, as update scripts: each fix opens the action that applies it,
//! with its confirmation; nothing is sent on the key alone.
#![allow(clippy::needless_pass_by_value)] // json!({...}) literals, read once

use serde_json::{Value, json};

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::detail::DetailBody;
use crate::app::browse::user_detail::user_body;
use crate::app::effect::{ApiCall, Change, Effect, UserChange};
use crate::app::state::{Overlay, State};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::cognito::devices::AuthEventType;
use crate::cognito::pools::UserPoolType;
use crate::cognito::sign_in_history::History;
use crate::cognito::types::Secret;
use crate::cognito::users::AdminGetUserResponse;
use crate::cognito::verdict::{Facts, Fix, verdict};

const NOW: f64 = 1_764_000_000.0;
const DAY: f64 = 86_400.0;

/// ann as AdminGetUser answers, with `fields` over a confirmed, enabled, verified user.
fn ann(fields: Value) -> Value {
    let mut user = json!({
        "Username": "ann", "Enabled": true, "UserStatus": "CONFIRMED",
        "UserCreateDate": NOW - 30.0 * DAY, "UserLastModifiedDate": NOW - 30.0 * DAY,
        "UserAttributes": [{"Name": "email", "Value": "ann@example.com"},
                           {"Name": "email_verified", "Value": "true"}]
    });
    for (k, v) in fields.as_object().unwrap() {
        user[k.as_str()] = v.clone();
    }
    user
}

fn judged(user: Value, pool: Value, history: &History) -> DetailBody {
    let typed: AdminGetUserResponse = serde_json::from_value(user.clone()).unwrap();
    let pool: UserPoolType = serde_json::from_value(pool).unwrap();
    let v = verdict(&Facts {
        user: &typed,
        pool: &pool,
        history,
        now: NOW,
    });
    user_body(&typed, &[], user).judged(v, history, NOW)
}

/// ann's detail open, answered with `body`.
fn detail(body: DetailBody) -> State {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (req, _) = only_api(&update(&mut s, Action::Open));
    answer(&mut s, req, Payload::Detail(body));
    s
}

fn dialog_op(s: &State) -> UserChange {
    match &s.overlay {
        Overlay::Dialog(d) => d.op.clone(),
        other => panic!("no dialog: {other:?}"),
    }
}

fn pool() -> Value {
    json!({"Id": "us-east-1_A", "MfaConfiguration": "OFF"})
}

#[test]
fn a_disabled_user_is_enabled_from_the_verdict_after_the_dialog_confirms() {
    let mut s = detail(judged(
        ann(json!({"Enabled": false})),
        pool(),
        &History::NoThreatProtection,
    ));
    assert!(
        update(&mut s, Action::Fix).is_empty(),
        "nothing is sent on F"
    );
    assert_eq!(dialog_op(&s), UserChange::Enable);
    match only_api(&key(&mut s, InputKey::Submit)) {
        (_, ApiCall::Change(Change::User { op, user, .. })) => {
            assert_eq!(op, UserChange::Enable);
            assert_eq!(user.as_str(), "ann");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_expired_invitation_is_resent_and_its_status_is_marked() {
    let body = judged(
        ann(json!({"UserStatus": "FORCE_CHANGE_PASSWORD"})),
        pool(),
        &History::NoThreatProtection,
    );
    let user = &body.sections[0];
    assert_eq!(
        user.lines[1].1,
        "FORCE_CHANGE_PASSWORD (invitation expired)"
    );
    assert!(user.problems.contains(&1));
    let mut s = detail(body);
    update(&mut s, Action::Fix);
    assert_eq!(dialog_op(&s), UserChange::ResendInvitation);
}

#[test]
fn an_unverified_sign_in_email_is_marked_verified_with_a_warning_to_check_it() {
    let user = ann(json!({"UserAttributes": [
        {"Name": "email", "Value": "ann@example.com"},
        {"Name": "email_verified", "Value": "false"}]}));
    let body = judged(
        user,
        json!({"Id": "us-east-1_A", "UsernameAttributes": ["email"]}),
        &History::NoThreatProtection,
    );
    assert_eq!(
        body.verdict.as_ref().unwrap().fix,
        Some(Fix::MarkEmailVerified)
    );
    assert_eq!(
        body.sections[3].problems,
        [1],
        "email_verified false is a problem"
    );
    let mut s = detail(body);
    update(&mut s, Action::Fix);
    assert_eq!(dialog_op(&s), UserChange::MarkVerified("email_verified"));
    let Overlay::Dialog(d) = &s.overlay else {
        unreachable!()
    };
    assert!(d.lines.iter().any(|l| l.contains("checked it is theirs")));
    match only_api(&key(&mut s, InputKey::Submit)) {
        (_, ApiCall::Change(Change::User { op, .. })) => {
            assert_eq!(op.operation(), "AdminUpdateUserAttributes");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn blocked_sign_ins_open_the_sign_in_history() {
    let event: AuthEventType = serde_json::from_value(json!({
        "EventId": "e1", "EventType": "SignIn", "CreationDate": NOW - DAY,
        "EventResponse": "Fail", "EventRisk": {"RiskDecision": "Block", "RiskLevel": "High"}
    }))
    .unwrap();
    let history = History::Events(vec![event]);
    let mut s = detail(judged(ann(json!({})), pool(), &history));
    let effects = update(&mut s, Action::Fix);
    let Overlay::Devices(view) = &s.overlay else {
        panic!("{:?}", s.overlay)
    };
    assert_eq!(view.focus, crate::app::users::devices::Focus::Events);
    assert_eq!(view.wanted_event.as_deref(), Some("e1"));
    assert!(!effects.is_empty(), "the history is read");
}

#[test]
fn nothing_to_fix_says_why_and_a_last_sign_in_line_is_shown() {
    let event: AuthEventType = serde_json::from_value(json!({
        "EventId": "e1", "EventType": "SignIn", "CreationDate": NOW - 2.0 * DAY,
        "EventResponse": "Pass",
        "EventContextData": {"City": "Lyon", "Country": "France"}
    }))
    .unwrap();
    let body = judged(ann(json!({})), pool(), &History::Events(vec![event]));
    let last = body.sections[0].lines.last().unwrap();
    assert_eq!(
        last,
        &(
            "Last sign-in".to_owned(),
            "2 days ago from Lyon, France".to_owned()
        )
    );
    let mut s = detail(body);
    assert!(update(&mut s, Action::Fix).is_empty());
    assert_eq!(s.overlay, Overlay::None);
    let toast = s.toast.clone().unwrap();
    assert!(
        toast.starts_with("No fix to apply: nothing in Cognito blocks"),
        "{toast}"
    );
}

#[test]
fn read_only_refuses_a_fix_that_changes_the_user() {
    let mut s = detail(judged(
        ann(json!({"Enabled": false})),
        pool(),
        &History::NoThreatProtection,
    ));
    s.context.read_only = true;
    update(&mut s, Action::Fix);
    assert_eq!(s.overlay, Overlay::None);
    assert!(s.toast.as_deref().unwrap().starts_with("Read-only"));
}

#[test]
fn disabled_and_unconfirmed_are_problems_but_a_confirmed_enabled_user_has_none() {
    let body = judged(
        ann(json!({"Enabled": false, "UserStatus": "UNCONFIRMED"})),
        pool(),
        &History::NoThreatProtection,
    );
    assert_eq!(body.sections[0].problems, [1, 2]);
    let fine = judged(ann(json!({})), pool(), &History::NoThreatProtection);
    assert!(fine.sections.iter().all(|s| s.problems.is_empty()));
    assert_eq!(
        fine.sections[0].lines.last().unwrap().1,
        "unknown (the pool has no threat protection)"
    );
}

#[test]
fn a_dialog_copies_the_aws_cli_command_that_sends_the_same_request() {
    let mut s = detail(judged(
        ann(json!({"Enabled": false})),
        pool(),
        &History::NoThreatProtection,
    ));
    update(&mut s, Action::Fix);
    let pool = s.pool.as_ref().unwrap().id.clone();
    let copied = key(&mut s, InputKey::CopyCommand);
    let want = format!(
        "aws cognito-idp admin-enable-user --user-pool-id {pool} --username ann --region us-east-1"
    );
    assert_eq!(copied, [Effect::CopyToClipboard(Secret::new(want))]);
    assert_eq!(dialog_op(&s), UserChange::Enable, "the dialog stays open");
    // The verified flag goes as the attribute list the API takes.
    s.overlay = Overlay::None;
    let mark = UserChange::MarkVerified("phone_number_verified");
    let input = mark.input(&pool, &crate::cognito::Username::new("ann"));
    assert_eq!(
        crate::cognito::aws_cli::command(mark.operation(), &input),
        format!(
            "aws cognito-idp admin-update-user-attributes --user-attributes \
             '[{{\"Name\":\"phone_number_verified\",\"Value\":\"true\"}}]' --user-pool-id {pool} \
             --username ann"
        )
    );
}
