//! The group picker as update scripts: adding one user offers the pool's groups with theirs marked
//! (Enter on one of theirs says so and sends nothing); removing offers only their groups; their
//! groups come from the open detail, else AdminListGroupsForUser.

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::detail::DetailBody;
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::GroupRow;
use crate::app::effect::{ApiCall, Change, Effect, Read, UserChange};
use crate::app::remote::{Remote, RequestId};
use crate::app::state::{Overlay, State, Tab};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::app::users::menu::Picker;
use crate::app::users::ops::UserOp;
use crate::cognito::{GroupName, PoolId, Username};

fn groups(names: &[&str]) -> Rows {
    let rows = names
        .iter()
        .map(|n| {
            let g: crate::cognito::groups::GroupType =
                serde_json::from_value(serde_json::json!({"GroupName": n})).unwrap();
            GroupRow::from(&g)
        })
        .collect();
    Rows::new::<GroupRow>(rows)
}

fn picker(s: &State) -> &Picker {
    match &s.overlay {
        Overlay::Picker(p) => p,
        other => panic!("no picker: {other:?}"),
    }
}

fn sent(effects: &[Effect]) -> (RequestId, UserChange) {
    match only_api(effects) {
        (req, ApiCall::Change(Change::User { op, .. })) => (req, op),
        other => panic!("{other:?}"),
    }
}

fn ann_groups() -> ApiCall {
    ApiCall::Read(Read::UserGroups(
        PoolId::new("us-east-1_A"),
        Username::new("ann"),
    ))
}

/// `+` on ann in the table: the pool's groups and hers are read, apart.
fn adding_ann() -> (State, RequestId, RequestId) {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = update(&mut s, Action::User(UserOp::AddToGroup));
    let listed = find(&effects, |c| {
        matches!(c, ApiCall::Read(Read::List(Tab::Groups, _)))
    });
    let theirs = find(&effects, |c| *c == ann_groups());
    assert_eq!(apis(&effects).len(), 2, "{effects:?}");
    (s, listed, theirs)
}

/// ann's detail open, answered with these groups.
fn ann_detail(groups: &[&str]) -> State {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (req, _) = only_api(&update(&mut s, Action::Open));
    let groups: Vec<_> = groups
        .iter()
        .map(|g| serde_json::json!({"GroupName": g}))
        .collect();
    let raw = serde_json::json!({"Username": "ann", "UserStatus": "CONFIRMED", "Enabled": true,
        "Groups": groups});
    let body = DetailBody {
        sections: Vec::new(),
        verdict: None,
        raw,
    };
    answer(&mut s, req, Payload::Detail(body));
    s
}

#[test]
fn add_to_group_picks_from_the_pool_groups() {
    let (mut s, listed, theirs) = adding_ann();
    update(
        &mut s,
        Action::Loaded {
            request: listed,
            payload: Payload::Rows(groups(&["admins", "support"])),
            done: false,
        },
    );
    answer(&mut s, listed, Payload::Rows(groups(&[])));
    answer(&mut s, theirs, Payload::UserGroups(Vec::new()));
    assert_eq!(
        s.pool.as_ref().unwrap().tables.groups.table.total(),
        0,
        "not the Groups tab's rows"
    );
    key(&mut s, InputKey::Down);
    let (req, op) = sent(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::AddToGroup(GroupName::new("support")));
    answer(&mut s, req, Payload::Done);
    assert_eq!(s.toast.as_deref(), Some("✓ ann added to support"));
}

#[test]
fn adding_marks_the_users_groups_and_a_group_of_theirs_is_not_sent() {
    let (mut s, listed, theirs) = adding_ann();
    answer(
        &mut s,
        listed,
        Payload::Rows(groups(&["admins", "support"])),
    );
    assert!(s.is_busy(), "her groups are still read");
    answer(&mut s, theirs, Payload::UserGroups(vec!["admins".into()]));
    assert!(picker(&s).is_member("admins") && !picker(&s).is_member("support"));
    assert!(
        key(&mut s, InputKey::Submit).is_empty(),
        "admins: nothing sent"
    );
    assert_eq!(
        picker(&s).hint.as_deref(),
        Some("ann is already in admins: nothing to add")
    );
    key(&mut s, InputKey::Down);
    assert_eq!(picker(&s).hint, None, "a move clears it");
    let (_, op) = sent(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::AddToGroup(GroupName::new("support")));
}

#[test]
fn a_group_picked_before_the_users_groups_are_known_is_sent() {
    let (mut s, listed, _) = adding_ann();
    answer(&mut s, listed, Payload::Rows(groups(&["admins"])));
    let (_, op) = sent(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::AddToGroup(GroupName::new("admins")));
}

#[test]
fn groups_a_failed_read_could_not_mark_can_still_be_picked() {
    let (mut s, listed, theirs) = adding_ann();
    answer(&mut s, listed, Payload::Rows(groups(&["admins"])));
    fail(&mut s, theirs, "InternalErrorException", "try again");
    assert!(matches!(picker(&s).member_of, Remote::Failed(_)));
    let (_, op) = sent(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::AddToGroup(GroupName::new("admins")));
}

#[test]
fn esc_stops_both_reads() {
    let (mut s, listed, theirs) = adding_ann();
    let stopped = key(&mut s, InputKey::Cancel);
    assert_eq!(stopped, [Effect::Cancel(listed), Effect::Cancel(theirs)]);
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn adding_from_the_detail_marks_the_groups_it_shows_without_reading_them() {
    let mut s = ann_detail(&["admins"]);
    let (listed, call) = only_api(&update(&mut s, Action::User(UserOp::AddToGroup)));
    assert!(matches!(call, ApiCall::Read(Read::List(Tab::Groups, _))));
    answer(
        &mut s,
        listed,
        Payload::Rows(groups(&["admins", "support"])),
    );
    assert!(picker(&s).is_member("admins"));
    assert!(key(&mut s, InputKey::Submit).is_empty());
}

#[test]
fn remove_from_group_in_the_detail_lists_the_users_own_groups() {
    let mut s = ann_detail(&["admins"]);
    assert!(update(&mut s, Action::User(UserOp::RemoveFromGroup)).is_empty());
    assert_eq!(picker(&s).groups, ["admins"]);
    let (req, op) = sent(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::RemoveFromGroup(GroupName::new("admins")));
    let after = answer(&mut s, req, Payload::Done);
    assert!(reads_a_user_detail(&after), "the detail reloads");
}

#[test]
fn remove_from_group_in_the_table_offers_only_the_users_groups() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (req, call) = only_api(&update(&mut s, Action::User(UserOp::RemoveFromGroup)));
    assert_eq!(call, ann_groups(), "not the pool's groups");
    assert!(picker(&s).load.is_loading());
    answer(&mut s, req, Payload::UserGroups(vec!["support".into()]));
    assert_eq!(picker(&s).groups, ["support"]);
    assert_eq!(picker(&s).member_of, Remote::NotAsked, "no marks to make");
    let (_, op) = sent(&key(&mut s, InputKey::Submit));
    assert_eq!(op, UserChange::RemoveFromGroup(GroupName::new("support")));
}
