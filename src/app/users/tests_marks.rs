//! Marks and the cursor as update scripts: with users marked, a key that exists in bulk offers
//! the bulk plan for the marked users; one that does not names, in its title, that it acts on the
//! cursor's user only; marks go with the listing they were made in.

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::UserRow;
use crate::app::effect::{ApiCall, Change, UserChange};
use crate::app::state::{Overlay, State};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::app::users::bulk::{BulkAction, BulkPhase};
use crate::app::users::menu::{Menu, PickFor};
use crate::app::users::ops::UserOp;
use crate::cognito::Username;

/// Four users; the first three marked, the cursor on the fourth (`dev.haddad1`, unmarked).
fn three_marked() -> State {
    let mut s = users(&[
        ("ann", "CONFIRMED", true),
        ("bob", "CONFIRMED", true),
        ("cat", "CONFIRMED", true),
        ("dev.haddad1", "CONFIRMED", true),
    ]);
    for _ in 0..3 {
        update(&mut s, Action::ToggleMark);
    }
    assert_eq!(s.pool.as_ref().unwrap().marks.len(), 3);
    assert_eq!(
        &*s.pool
            .as_ref()
            .unwrap()
            .users
            .table
            .selected()
            .unwrap()
            .username,
        "dev.haddad1"
    );
    s
}

fn marks(s: &State) -> Vec<String> {
    s.pool.as_ref().unwrap().marks.iter().cloned().collect()
}

fn plan(s: &State) -> (BulkAction, Vec<String>) {
    match &s.overlay {
        Overlay::Bulk(run) => (run.op.clone(), run.users.clone()),
        other => panic!("no bulk plan: {other:?}"),
    }
}

fn title(s: &State) -> String {
    match &s.overlay {
        Overlay::Dialog(d) => d.title.clone(),
        Overlay::Form(f) => f.form.title.clone(),
        other => panic!("no dialog or form: {other:?}"),
    }
}

#[test]
fn x_with_users_marked_offers_the_bulk_plan_for_them_not_the_cursor_user() {
    let mut s = three_marked();
    update(&mut s, Action::User(UserOp::ToggleEnabled));
    let (op, users) = plan(&s);
    assert_eq!(op, BulkAction::Disable);
    assert_eq!(users, ["ann", "bob", "cat"]);
    // Typing 3 out of habit now confirms what the plan says.
    type_text(&mut s, "3");
    let (_, call) = only_api(&key(&mut s, InputKey::Submit));
    let ApiCall::Change(Change::Bulk { op, users, .. }) = call else {
        panic!("{call:?}");
    };
    assert_eq!(op, BulkAction::Disable);
    assert!(!users.contains(&Username::new("dev.haddad1")));
    let Overlay::Bulk(run) = &s.overlay else {
        panic!("the run shows");
    };
    assert!(matches!(run.phase, BulkPhase::Running(_)));
}

#[test]
fn the_keys_that_exist_in_bulk_all_act_on_the_marked_users() {
    for (op, expected) in [
        (UserOp::SignOut, BulkAction::SignOut),
        (UserOp::Delete, BulkAction::Delete),
    ] {
        let mut s = three_marked();
        update(&mut s, Action::User(op));
        assert_eq!(plan(&s).0, expected);
    }
    for (op, add) in [(UserOp::AddToGroup, true), (UserOp::RemoveFromGroup, false)] {
        let mut s = three_marked();
        update(&mut s, Action::User(op));
        let Overlay::Picker(p) = &s.overlay else {
            panic!("no picker: {:?}", s.overlay);
        };
        assert_eq!((&p.target, p.add), (&PickFor::Marked, add));
    }
    // Every marked user disabled: x enables them.
    let mut s = three_marked();
    for name in ["ann", "bob", "cat"] {
        s.pool
            .as_mut()
            .unwrap()
            .users
            .table
            .upsert(user_row(name, "CONFIRMED", false));
    }
    update(&mut s, Action::User(UserOp::ToggleEnabled));
    assert_eq!(plan(&s).0, BulkAction::Enable);
}

#[test]
fn a_key_with_no_bulk_form_names_the_cursor_user_only_and_the_marks() {
    let mut s = three_marked();
    update(&mut s, Action::User(UserOp::ResetPassword));
    assert_eq!(
        title(&s),
        "Reset the password of dev.haddad1 only — 3 users are marked (b acts on the marked)"
    );
    key(&mut s, InputKey::Cancel);
    update(&mut s, Action::User(UserOp::SetPassword));
    assert!(title(&s).starts_with("Set password of dev.haddad1 only — 3 users are marked"));
}

#[test]
fn the_action_menu_names_the_marks_and_acts_on_its_user() {
    let mut s = three_marked();
    update(&mut s, Action::OpenActionMenu);
    let Overlay::Menu(Menu::User { marked, .. }) = &s.overlay else {
        panic!("no menu: {:?}", s.overlay);
    };
    assert_eq!(*marked, 3);
    // From the menu, which names its user, disable is that user's.
    press(&mut s, 'x');
    assert_eq!(
        title(&s),
        "Disable dev.haddad1 only — 3 users are marked (b acts on the marked)"
    );
    let (_, call) = only_api(&key(&mut s, InputKey::Submit));
    assert!(matches!(
        call,
        ApiCall::Change(Change::User { user, op: UserChange::Disable, .. }) if user == Username::new("dev.haddad1")
    ));
}

#[test]
fn without_marks_the_keys_act_on_the_cursor_user_as_before() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::User(UserOp::ToggleEnabled));
    assert_eq!(title(&s), "Disable ann");
}

#[test]
fn in_a_user_detail_the_keys_act_on_the_user_shown_and_say_so() {
    let mut s = three_marked();
    let (req, _) = only_api(&update(&mut s, Action::Open));
    answer(
        &mut s,
        req,
        Payload::Detail(crate::app::browse::detail::DetailBody {
            sections: Vec::new(),
            verdict: None,
            raw: serde_json::json!({"Username": "dev.haddad1", "Enabled": true,
                "UserStatus": "CONFIRMED"}),
        }),
    );
    update(&mut s, Action::User(UserOp::ToggleEnabled));
    assert!(title(&s).starts_with("Disable dev.haddad1 only — 3 users are marked"));
}

/// Searches `email ^= value`, answered with these users.
fn search(s: &mut State, value: &str, found: &[&str]) {
    update(s, Action::OpenServerFilter);
    key(s, InputKey::Clear);
    type_text(s, value);
    let (req, _) = only_api(&key(s, InputKey::Submit));
    let rows = found
        .iter()
        .map(|n| user_row(n, "CONFIRMED", true))
        .collect();
    answer(s, req, Payload::Rows(Rows::new::<UserRow>(rows)));
}

#[test]
fn marks_go_when_another_search_replaces_the_listing() {
    let mut s = three_marked();
    search(&mut s, "a", &["ann"]);
    assert!(marks(&s).is_empty(), "{:?}", marks(&s));
    update(&mut s, Action::ToggleMark);
    assert_eq!(marks(&s), ["ann"]);
    // Esc clears the search: the listing is replaced again.
    update(&mut s, Action::Back);
    assert!(marks(&s).is_empty());
}

#[test]
fn a_reload_keeps_the_marks_of_users_still_listed_only() {
    let mut s = three_marked();
    let (req, _) = only_api(&update(&mut s, Action::Refresh));
    assert_eq!(marks(&s).len(), 3, "kept while the listing reloads");
    let rows = ["ann", "cat", "dev.haddad1"]
        .iter()
        .map(|n| user_row(n, "CONFIRMED", true))
        .collect();
    answer(&mut s, req, Payload::Rows(Rows::new::<UserRow>(rows)));
    assert_eq!(marks(&s), ["ann", "cat"]);
    assert!(
        s.toast
            .as_deref()
            .unwrap()
            .contains("1 marked user is no longer listed"),
        "{:?}",
        s.toast
    );
}
