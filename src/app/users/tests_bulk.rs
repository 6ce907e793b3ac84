//! Marks and bulk changes as update scripts.

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::GroupRow;
use crate::app::effect::{ApiCall, Change, Effect, Read};
use crate::app::remote::ErrorInfo;
use crate::app::state::{Overlay, State};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::app::users::bulk::{BulkAction, BulkPhase, BulkRun};
use crate::cognito::types::Secret;
use crate::cognito::{GroupName, PoolId};

fn three() -> State {
    users(&[
        ("ann", "CONFIRMED", true),
        ("bob", "CONFIRMED", true),
        ("cat", "CONFIRMED", true),
        ("dan", "CONFIRMED", true),
    ])
}

fn run(s: &State) -> &BulkRun {
    match &s.overlay {
        Overlay::Bulk(r) => r,
        other => panic!("no bulk run: {other:?}"),
    }
}

fn marks(s: &State) -> Vec<String> {
    s.pool.as_ref().unwrap().marks.iter().cloned().collect()
}

#[test]
fn space_marks_and_moves_star_marks_the_filtered_u_clears() {
    let mut s = three();
    update(&mut s, Action::ToggleMark);
    update(&mut s, Action::ToggleMark);
    assert_eq!(marks(&s), ["ann", "bob"]);
    update(&mut s, Action::Up);
    update(&mut s, Action::ToggleMark);
    assert_eq!(marks(&s), ["ann"], "Space again unmarks");
    update(&mut s, Action::ClearMarks);
    assert!(marks(&s).is_empty());
    s.pool.as_mut().unwrap().users.table.set_filter("an");
    update(&mut s, Action::MarkShown);
    assert_eq!(marks(&s), ["ann", "dan"]);
}

#[test]
fn bulk_disable_plan_needs_the_count_then_steps_through_every_user() {
    let mut s = three();
    update(&mut s, Action::OpenBulkMenu);
    assert_eq!(s.overlay, Overlay::None, "nothing marked");
    for _ in 0..3 {
        update(&mut s, Action::ToggleMark);
    }
    update(&mut s, Action::OpenBulkMenu);
    press(&mut s, 'x');
    assert_eq!(run(&s).op, BulkAction::Disable);
    assert_eq!(run(&s).users, ["ann", "bob", "cat"]);
    assert!(key(&mut s, InputKey::Submit).is_empty());
    assert!(run(&s).error.as_deref().unwrap().contains("type 3"));
    type_text(&mut s, "3");
    let (req, call) = only_api(&key(&mut s, InputKey::Submit));
    let ApiCall::Change(Change::Bulk { op, users, .. }) = call else {
        panic!()
    };
    assert_eq!(op, BulkAction::Disable);
    assert_eq!(users.len(), 3);
    assert!(s.is_busy());
    for (user, error) in [
        ("ann", None),
        ("bob", Some(ErrorInfo::new("User does not exist."))),
        ("cat", None),
    ] {
        update(
            &mut s,
            Action::BulkStep {
                request: req,
                user: user.into(),
                error,
            },
        );
    }
    assert_eq!(run(&s).progress(), "2 done, 1 failed");
    let after = answer(&mut s, req, Payload::Done);
    assert_eq!(run(&s).phase, BulkPhase::Finished { cancelled: false });
    assert_eq!(marks(&s), ["bob"], "the failed user stays marked");
    assert!(
        matches!(only_api(&after).1, ApiCall::Read(Read::ListUsers { .. })),
        "the list reloads"
    );
    assert!(
        s.toast
            .as_deref()
            .unwrap()
            .starts_with("Disable 3 users: 2 done, 1 failed")
    );
    key(&mut s, InputKey::Cancel);
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn esc_stops_a_running_bulk_change() {
    let mut s = three();
    update(&mut s, Action::ToggleMark);
    update(&mut s, Action::ToggleMark);
    update(&mut s, Action::OpenBulkMenu);
    press(&mut s, 'o');
    type_text(&mut s, "2");
    let (req, _) = only_api(&key(&mut s, InputKey::Submit));
    update(
        &mut s,
        Action::BulkStep {
            request: req,
            user: "ann".into(),
            error: None,
        },
    );
    let effects = key(&mut s, InputKey::Cancel);
    assert!(effects.contains(&Effect::Cancel(req)));
    assert_eq!(run(&s).phase, BulkPhase::Finished { cancelled: true });
    assert_eq!(run(&s).progress(), "1 done, 1 not tried (stopped)");
    // A late step of the stopped run is dropped.
    update(
        &mut s,
        Action::BulkStep {
            request: req,
            user: "bob".into(),
            error: None,
        },
    );
    assert_eq!(run(&s).results.len(), 1);
}

#[test]
fn bulk_add_to_group_goes_through_the_picker() {
    let mut s = three();
    update(&mut s, Action::ToggleMark);
    update(&mut s, Action::OpenBulkMenu);
    let (req, _) = only_api(&press(&mut s, '+'));
    let g: crate::cognito::groups::GroupType =
        serde_json::from_value(serde_json::json!({"GroupName": "staff"})).unwrap();
    answer(
        &mut s,
        req,
        Payload::Rows(Rows::new::<GroupRow>(vec![
            crate::app::browse::rows::GroupRow::from(&g),
        ])),
    );
    key(&mut s, InputKey::Submit);
    assert_eq!(
        run(&s).op,
        BulkAction::AddToGroup(crate::cognito::GroupName::new("staff"))
    );
    assert_eq!(run(&s).op.describe("ann"), "add ann to staff");
}

#[test]
fn read_only_refuses_marks_and_bulk() {
    let mut s = three();
    s.context.read_only = true;
    update(&mut s, Action::ToggleMark);
    update(&mut s, Action::OpenBulkMenu);
    assert!(marks(&s).is_empty());
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn a_bulk_plan_copies_one_aws_cli_command_per_user_and_stays_open() {
    let mut s = three();
    update(&mut s, Action::ToggleMark);
    update(&mut s, Action::ToggleMark);
    update(&mut s, Action::OpenBulkMenu);
    press(&mut s, 'x');
    let pool = s.pool.as_ref().unwrap().id.clone();
    let copied = key(&mut s, InputKey::CopyCommand);
    let want = format!(
        "aws cognito-idp admin-disable-user --user-pool-id {pool} --username ann --region us-east-1\n\
         aws cognito-idp admin-disable-user --user-pool-id {pool} --username bob --region us-east-1"
    );
    assert_eq!(copied, [Effect::CopyToClipboard(Secret::new(want))]);
    assert_eq!(run(&s).phase, BulkPhase::Plan, "the plan stays open");
    assert_eq!(s.toast.as_deref(), Some("AWS CLI command copied (OSC 52)"));
}

#[test]
fn a_group_change_copies_the_group_with_each_user() {
    let run = BulkRun::new(
        BulkAction::RemoveFromGroup(GroupName::new("admins")),
        vec!["o'brien".into()],
    );
    assert_eq!(
        run.aws_commands(&PoolId::new("us-east-1_a")),
        "aws cognito-idp admin-remove-user-from-group --group-name admins \
         --user-pool-id us-east-1_a --username 'o'\\''brien'"
    );
}
