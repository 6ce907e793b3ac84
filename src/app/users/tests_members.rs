//! A group's members in the users table: Enter on a group lists them (ListUsersInGroup), `-`
//! takes the selected one out of that group without a picker and drops their row, Esc goes back
//! to the groups, a search lists every user again.

use serde_json::json;

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::panes::GroupRow;
use crate::app::browse::rows::UserRow;
use crate::app::effect::{ApiCall, Change, Read, UserChange};
use crate::app::state::{Overlay, State, Tab};
use crate::app::update::tests_support::{answer, key, only_api, press, user_row, users};
use crate::app::update::update;
use crate::cognito::groups::GroupType;
use crate::cognito::{GroupName, PoolId, Username};

/// Pool prod's Groups tab with `admins`, opened: its members ann and bob listed.
fn members() -> State {
    let mut s = users(&[
        ("ann", "CONFIRMED", true),
        ("bob", "CONFIRMED", true),
        ("cat", "CONFIRMED", true),
    ]);
    let (req, _) = only_api(&update(&mut s, Action::ShowTab(Tab::Groups)));
    let g: GroupType = serde_json::from_value(json!({"GroupName": "admins"})).unwrap();
    answer(
        &mut s,
        req,
        Payload::Rows(Rows::new(vec![GroupRow::from(&g)])),
    );
    let (req, call) = only_api(&update(&mut s, Action::Open));
    assert_eq!(
        call,
        ApiCall::Read(Read::ListUsersInGroup {
            pool: PoolId::new("us-east-1_A"),
            group: GroupName::new("admins"),
            from: None,
        })
    );
    let rows = vec![
        user_row("ann", "CONFIRMED", true),
        user_row("bob", "CONFIRMED", true),
    ];
    answer(&mut s, req, Payload::Rows(Rows::new::<UserRow>(rows)));
    s
}

fn listed(s: &State) -> Vec<String> {
    let pool = s.pool.as_ref().unwrap();
    pool.users
        .table
        .rows()
        .iter()
        .map(|r| r.username.to_string())
        .collect()
}

#[test]
fn enter_on_a_group_lists_its_members_in_the_users_table() {
    let s = members();
    let pool = s.pool.as_ref().unwrap();
    assert_eq!(pool.tab, Tab::Users);
    assert_eq!(listed(&s), ["ann", "bob"]);
    assert_eq!(pool.users_group, Some(GroupName::new("admins")));
}

#[test]
fn minus_takes_a_member_out_of_the_listed_group_and_drops_the_row() {
    let mut s = members();
    press(&mut s, '-');
    let Overlay::Dialog(dialog) = &s.overlay else {
        panic!("no dialog: {:?}", s.overlay);
    };
    assert_eq!(
        dialog.op,
        UserChange::RemoveFromGroup(GroupName::new("admins"))
    );
    let (req, call) = only_api(&key(&mut s, InputKey::Submit));
    assert_eq!(
        call,
        ApiCall::Change(Change::User {
            pool: PoolId::new("us-east-1_A"),
            user: Username::new("ann"),
            op: UserChange::RemoveFromGroup(GroupName::new("admins")),
        })
    );
    answer(&mut s, req, Payload::Done);
    assert_eq!(listed(&s), ["bob"]);
}

#[test]
fn esc_goes_back_to_the_groups_and_a_search_lists_every_user() {
    let mut s = members();
    update(&mut s, Action::Back);
    let pool = s.pool.as_ref().unwrap();
    assert_eq!((pool.tab, pool.users_group.clone()), (Tab::Groups, None));
    let mut s = members();
    update(&mut s, Action::OpenServerFilter);
    for c in "ann".chars() {
        update(&mut s, Action::Input(InputKey::Char(c)));
    }
    let (_, call) = only_api(&key(&mut s, InputKey::Submit));
    assert!(
        matches!(call, ApiCall::Read(Read::ListUsers { .. })),
        "{call:?}"
    );
    assert_eq!(s.pool.as_ref().unwrap().users_group, None);
}

#[test]
fn n_among_a_groups_members_adds_a_user_by_username() {
    use crate::app::effect::PoolChange;
    use crate::app::update::tests_support::type_text;
    let mut s = members();
    assert!(press(&mut s, 'n').is_empty(), "a form, no read");
    type_text(&mut s, "cat");
    assert!(key(&mut s, InputKey::Submit).is_empty(), "shown to confirm");
    let (req, call) = only_api(&key(&mut s, InputKey::Submit));
    assert_eq!(
        call,
        ApiCall::Change(Change::Pool(PoolChange::Create {
            operation: "AdminAddUserToGroup",
            input: json!({"UserPoolId": "us-east-1_A", "GroupName": "admins", "Username": "cat"}),
        }))
    );
    let (_, reload) = only_api(&answer(&mut s, req, Payload::Done));
    assert!(
        matches!(reload, ApiCall::Read(Read::ListUsersInGroup { .. })),
        "{reload:?}"
    );
    assert_eq!(s.toast.as_deref(), Some("cat added to admins"));
    // Not among a group's members: nothing to add to.
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    assert!(press(&mut s, 'n').is_empty());
    assert_eq!(s.overlay, Overlay::None);
    assert!(
        s.toast
            .as_deref()
            .is_some_and(|t| t.contains("Enter on a group"))
    );
}
