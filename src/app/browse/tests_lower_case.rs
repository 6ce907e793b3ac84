//! An email search with capitals that found no one offers the same search in lower case on `L`
//! (ListUsers is case-sensitive); nothing is offered once it found someone, for another attribute,
//! for a value already in lower case, or while the listing still streams.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::UserRow;
use crate::app::browse::search::offer;
use crate::app::effect::{ApiCall, Read};
use crate::app::input::keymap;
use crate::app::remote::RequestId;
use crate::app::state::State;
use crate::app::update::tests_support::*;
use crate::app::update::update;

/// Types an `email ^=` search for `value` (the dialog's first choice is email, prefix) and
/// returns its request.
fn search(s: &mut State, value: &str, exact: bool) -> RequestId {
    update(s, Action::OpenServerFilter);
    key(s, InputKey::Clear);
    if exact {
        key(s, InputKey::Complete);
    }
    type_text(s, value);
    only_api(&key(s, InputKey::Submit)).0
}

fn found(s: &mut State, request: RequestId, names: &[&str], done: bool) {
    let rows = names
        .iter()
        .map(|n| user_row(n, "CONFIRMED", true))
        .collect();
    update(
        s,
        Action::Loaded {
            request,
            payload: Payload::Rows(Rows::new::<UserRow>(rows)),
            done,
        },
    );
}

fn offered(s: &State) -> Option<String> {
    offer(s.pool.as_ref()?).map(|f| f.expression())
}

fn press_l(s: &mut State) -> Vec<crate::app::effect::Effect> {
    let l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
    let action = keymap::action_for_key(s, l).expect("L is a key of the users table");
    assert_eq!(action, Action::SearchLowerCase);
    update(s, action)
}

#[test]
fn an_email_with_capitals_that_found_no_one_is_searched_again_in_lower_case_on_l() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let req = search(&mut s, "Ann@Example.com", true);
    found(&mut s, req, &[], true);
    assert_eq!(offered(&s).as_deref(), Some("email = \"ann@example.com\""));
    let (req, call) = only_api(&press_l(&mut s));
    let ApiCall::Read(Read::ListUsers { filter, .. }) = call else {
        panic!("{call:?}")
    };
    assert_eq!(filter.as_deref(), Some("email = \"ann@example.com\""));
    found(&mut s, req, &["ann"], true);
    assert_eq!(offered(&s), None, "it found ann");
    // `s` shows the search that ran, in lower case.
    update(&mut s, Action::OpenServerFilter);
    let crate::app::state::Overlay::ServerFilter { input, form } = &s.overlay else {
        panic!("{:?}", s.overlay)
    };
    assert_eq!((input.value(), form.prefix), ("ann@example.com", false));
}

#[test]
fn nothing_is_offered_when_lower_case_would_not_help_or_the_listing_is_not_done() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let req = search(&mut s, "ann@example.com", false);
    found(&mut s, req, &[], true);
    assert_eq!(offered(&s), None, "already in lower case");
    let req = search(&mut s, "Ann", false);
    found(&mut s, req, &["Ann"], true);
    assert_eq!(offered(&s), None, "it found someone");
    let req = search(&mut s, "Zed", false);
    found(&mut s, req, &[], false);
    assert_eq!(offered(&s), None, "more pages may come");
    found(&mut s, req, &[], true);
    assert_eq!(offered(&s).as_deref(), Some("email ^= \"zed\""));
    // Another attribute: the username matches as typed, and a lower-case one is another user.
    update(&mut s, Action::OpenServerFilter);
    key(&mut s, InputKey::Up);
    let (req, call) = only_api(&key(&mut s, InputKey::Submit));
    assert!(
        format!("{call:?}").contains("username ^= \\\"Zed\\\""),
        "{call:?}"
    );
    found(&mut s, req, &[], true);
    assert_eq!(offered(&s), None, "a username matches as typed");
}

#[test]
fn l_without_an_offer_says_when_it_works_and_sends_nothing() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    assert!(press_l(&mut s).is_empty());
    let toast = s.toast.clone().unwrap();
    assert!(
        toast.starts_with("L searches again in lower case"),
        "{toast}"
    );
}
