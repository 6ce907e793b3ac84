//! The search field and the views around it as update scripts: `s` reopens with the last value
//! selected, Ctrl-U clears, Esc clears a search before it leaves the pool, a user created under a
//! search is listed only if it matches, and the keys each view offers.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::UserRow;
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::input::keymap;
use crate::app::input::keymap::Mode;
use crate::app::state::{Overlay, State, Tab};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::app::users::ops::UserOp;

fn search_text(s: &State) -> String {
    match &s.overlay {
        Overlay::ServerFilter { input, .. } => input.value().to_owned(),
        other => panic!("no search form: {other:?}"),
    }
}

/// Searches `email ^= value` and answers with these users.
fn search(s: &mut State, value: &str, found: &[(&str, &str, bool)]) {
    update(s, Action::OpenServerFilter);
    key(s, InputKey::Clear);
    type_text(s, value);
    let (req, call) = only_api(&key(s, InputKey::Submit));
    assert!(matches!(
        call,
        ApiCall::Read(Read::ListUsers {
            filter: Some(_),
            ..
        })
    ));
    let rows = found
        .iter()
        .map(|(n, st, en)| user_row(n, st, *en))
        .collect();
    answer(s, req, Payload::Rows(Rows::new::<UserRow>(rows)));
}

#[test]
fn s_reopens_with_the_last_value_selected_so_typing_replaces_it() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    search(&mut s, "ann", &[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::OpenServerFilter);
    assert_eq!(search_text(&s), "ann");
    type_text(&mut s, "bob");
    assert_eq!(search_text(&s), "bob", "typing replaced the selected value");
    // Once something is typed, the field edits as usual.
    key(&mut s, InputKey::Backspace);
    assert_eq!(search_text(&s), "bo");
    key(&mut s, InputKey::Cancel);
    // An arrow keeps the value and ends the selection: typing appends.
    update(&mut s, Action::OpenServerFilter);
    key(&mut s, InputKey::End);
    type_text(&mut s, "2");
    assert_eq!(search_text(&s), "ann2");
}

#[test]
fn ctrl_u_clears_a_field() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    update(&mut s, Action::OpenServerFilter);
    assert_eq!(
        keymap::action_for_key(&s, ctrl_u),
        Some(Action::Input(InputKey::Clear))
    );
    type_text(&mut s, "ann");
    key(&mut s, InputKey::Clear);
    assert_eq!(search_text(&s), "");
    key(&mut s, InputKey::Cancel);
    update(&mut s, Action::OpenPalette);
    type_text(&mut s, "pools");
    key(&mut s, InputKey::Clear);
    let Overlay::Palette { input, .. } = &s.overlay else {
        panic!("no palette");
    };
    assert_eq!(input.value(), "");
}

#[test]
fn esc_clears_the_search_first_then_leaves_the_pool() {
    let mut s = users(&[("ann", "CONFIRMED", true), ("bob", "CONFIRMED", true)]);
    search(&mut s, "ann", &[("ann", "CONFIRMED", true)]);
    let (_, call) = only_api(&update(&mut s, Action::Back));
    assert!(
        matches!(call, ApiCall::Read(Read::ListUsers { filter: None, .. })),
        "{call:?}"
    );
    let pool = s.pool.as_ref().expect("still in the pool");
    assert_eq!(pool.users_filter, None);
    assert!(s.toast.as_deref().unwrap().contains("Esc again leaves"));
    // The listing is loading: Esc first stops it, as before; then it leaves.
    update(&mut s, Action::Back);
    assert!(s.pool.is_some());
    update(&mut s, Action::Back);
    assert!(s.pool.is_none());
}

/// Creates `name` with `email` through the form and answers Done; the effects after success.
fn create(s: &mut State, name: &str, email: &str) -> Vec<Effect> {
    let effects = update(s, Action::User(UserOp::Create));
    if !apis(&effects).is_empty() {
        give_settings(s, &effects);
    }
    type_text(s, name);
    key(s, InputKey::Complete);
    type_text(s, email);
    let (req, _) = only_api(&key(s, InputKey::Submit));
    answer(s, req, Payload::Done)
}

#[test]
fn a_user_created_under_a_search_is_listed_only_if_it_matches() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    search(&mut s, "ann", &[("ann", "CONFIRMED", true)]);
    let after = create(&mut s, "zed", "zed@example.com");
    assert!(apis(&after).is_empty(), "zed is not read into the list");
    let toast = s.toast.clone().unwrap();
    assert!(toast.starts_with("✓ zed created"), "{toast}");
    assert!(toast.contains("does not match"), "{toast}");

    let after = create(&mut s, "ann2", "ann2@example.com");
    let (req, call) = only_api(&after);
    assert!(matches!(call, ApiCall::Read(Read::GetUserRow(..))));
    answer(
        &mut s,
        req,
        Payload::UserRow(Box::new(user_row("ann2", "FORCE_CHANGE_PASSWORD", true))),
    );
    assert_eq!(s.pool.as_ref().unwrap().users.table.total(), 2);
}

#[test]
fn the_overview_offers_neither_search_nor_filter() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::ShowTab(Tab::Overview));
    assert_eq!(keymap::mode(&s), Mode::Overview);
    let offered: Vec<&str> = s
        .keys
        .available(Mode::Overview, false)
        .map(|b| b.label)
        .collect();
    for absent in ["s", "/", "Enter", "d", "1"] {
        assert!(!offered.contains(&absent), "{absent} in {offered:?}");
    }
    let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(keymap::action_for_key(&s, press('s')), None);
    assert_eq!(keymap::action_for_key(&s, press('/')), None);
    // Search is only where it works: the users table.
    update(&mut s, Action::ShowTab(Tab::Groups));
    assert_eq!(keymap::action_for_key(&s, press('s')), None);
}

#[test]
fn y_on_a_table_opens_the_selected_item_as_raw_json() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let y = keymap::action_for_key(&s, press('y')).expect("y is a key of the users table");
    let help = s
        .keys
        .available(Mode::Users, false)
        .find(|b| b.label == "y")
        .map(|b| b.help);
    assert_eq!(help, Some("the selected item's raw JSON"));
    let (_, call) = only_api(&update(&mut s, y));
    assert!(matches!(
        call,
        ApiCall::Read(Read::Describe {
            tab: Tab::Users,
            ..
        })
    ));
    assert!(s.detail.as_ref().is_some_and(|d| d.show_json));
    // The pools list has no JSON to show: y is not one of its keys.
    update(&mut s, Action::Back);
    update(&mut s, Action::Back);
    assert_eq!(keymap::mode(&s), Mode::Pools);
    assert_eq!(keymap::action_for_key(&s, press('y')), None);
    assert!(s.keys.available(Mode::Pools, false).all(|b| b.label != "y"));
}

#[test]
fn a_search_tells_which_new_users_it_lists() {
    use crate::app::state::ServerFilter;
    use crate::cognito::user_filter::FilterAttribute;
    use crate::cognito::user_status::UserStatus;
    let attrs = [("email".to_owned(), "ann@example.com".to_owned())];
    let filter = |attribute: &str, prefix: bool, value: &str| ServerFilter {
        attribute: FilterAttribute::from_name(attribute).unwrap(),
        prefix,
        value: value.into(),
    };
    let admits = |f: ServerFilter| f.admits("ann", &attrs, &UserStatus::ForceChangePassword, true);
    assert_eq!(admits(filter("email", true, "ann@")), Some(true));
    assert_eq!(admits(filter("email", false, "ann@")), Some(false));
    assert_eq!(admits(filter("username", false, "ann")), Some(true));
    assert_eq!(admits(filter("name", true, "")), Some(false), "no name");
    assert_eq!(
        admits(filter("cognito:user_status", false, "CONFIRMED")),
        Some(false)
    );
    assert_eq!(admits(filter("status", false, "Enabled")), Some(true));
    assert_eq!(admits(filter("sub", true, "3f")), None);
    // As AWS matches them: cognito:user_status in any case, everything else exactly.
    assert_eq!(
        admits(filter(
            "cognito:user_status",
            false,
            "force_change_password"
        )),
        Some(true)
    );
    assert_eq!(
        admits(filter("cognito:user_status", true, "Force_")),
        Some(true)
    );
    assert_eq!(admits(filter("status", false, "enabled")), Some(false));
    assert_eq!(admits(filter("email", true, "ANN@")), Some(false));
}
