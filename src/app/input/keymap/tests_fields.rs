//! Every text field edits with the same keys, pressed as the terminal sends them: the palette, the
//! `/` filter, the search form, a form's field, the delete dialog's name and the bulk count.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::Action;
use crate::app::state::{Overlay, State};
use crate::app::update::tests_support::{give_settings, users};
use crate::app::update::update;
use crate::app::users::ops::UserOp;

fn press(s: &mut State, code: KeyCode, mods: KeyModifiers) {
    if let Some(action) = crate::app::input::keymap::action_for_key(s, KeyEvent::new(code, mods)) {
        update(s, action);
    }
}

fn plain(s: &mut State, code: KeyCode) {
    press(s, code, KeyModifiers::NONE);
}

fn ctrl(s: &mut State, c: char) {
    press(s, KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn alt(s: &mut State, c: char) {
    press(s, KeyCode::Char(c), KeyModifiers::ALT);
}

fn type_keys(s: &mut State, text: &str) {
    for c in text.chars() {
        plain(s, KeyCode::Char(c));
    }
}

/// The open field's text and cursor (in chars).
fn field(s: &State) -> (String, usize) {
    let input = match &s.overlay {
        Overlay::Palette { input, .. }
        | Overlay::LocalFilter(input)
        | Overlay::ServerFilter { input, .. } => input,
        Overlay::Form(f) => &f.form.fields[f.form.focus].input,
        Overlay::Dialog(d) => d.typed.as_ref().expect("a dialog with a field"),
        Overlay::Bulk(b) => &b.typed,
        other => panic!("no field open: {other:?}"),
    };
    (input.value().to_owned(), input.cursor())
}

/// Types three words, then walks every editing key over them.
fn edits_like_every_other_field(s: &mut State) {
    type_keys(s, "alpha beta gamma");
    ctrl(s, 'w');
    assert_eq!(field(s), ("alpha beta ".into(), 11), "Ctrl-W");
    alt(s, 'b');
    assert_eq!(field(s), ("alpha beta ".into(), 6), "Alt-b");
    ctrl(s, 'k');
    assert_eq!(field(s), ("alpha ".into(), 6), "Ctrl-K");
    press(s, KeyCode::Left, KeyModifiers::CONTROL);
    assert_eq!(field(s).1, 0, "Ctrl-Left");
    alt(s, 'f');
    assert_ne!(field(s).1, 0, "Alt-f");
    plain(s, KeyCode::Home);
    assert_eq!(field(s).1, 0, "Home");
    plain(s, KeyCode::End);
    assert_eq!(field(s).1, 6, "End");
    ctrl(s, 'a');
    assert_eq!(field(s).1, 0, "Ctrl-A");
    press(s, KeyCode::Right, KeyModifiers::CONTROL);
    assert_ne!(field(s).1, 0, "Ctrl-Right");
    ctrl(s, 'e');
    assert_eq!(field(s).1, 6, "Ctrl-E");
    ctrl(s, 'u');
    assert_eq!(field(s), (String::new(), 0), "Ctrl-U");
}

#[test]
fn the_palette_filter_and_search_edit_with_the_same_keys() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::OpenPalette);
    edits_like_every_other_field(&mut s);
    plain(&mut s, KeyCode::Esc);
    update(&mut s, Action::OpenLocalFilter);
    edits_like_every_other_field(&mut s);
    plain(&mut s, KeyCode::Esc);
    update(&mut s, Action::OpenServerFilter);
    edits_like_every_other_field(&mut s);
}

#[test]
fn forms_and_dialogs_edit_with_the_same_keys() {
    let mut s = users(&[("ann", "CONFIRMED", true), ("bob", "CONFIRMED", true)]);
    let effects = update(&mut s, Action::User(UserOp::Create));
    give_settings(&mut s, &effects);
    edits_like_every_other_field(&mut s);
    plain(&mut s, KeyCode::Esc);
    update(&mut s, Action::User(UserOp::Delete));
    edits_like_every_other_field(&mut s);
    plain(&mut s, KeyCode::Esc);
    update(&mut s, Action::ToggleMark);
    update(&mut s, Action::ToggleMark);
    update(&mut s, Action::User(UserOp::Delete));
    assert!(matches!(s.overlay, Overlay::Bulk(_)), "{:?}", s.overlay);
    edits_like_every_other_field(&mut s);
}

#[test]
fn a_selected_value_goes_with_a_word_delete_and_stays_with_a_word_move() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::OpenServerFilter);
    type_keys(&mut s, "ann smith");
    plain(&mut s, KeyCode::Enter);
    update(&mut s, Action::OpenServerFilter);
    ctrl(&mut s, 'w');
    assert_eq!(
        field(&s),
        (String::new(), 0),
        "deleting replaces the selection"
    );
    plain(&mut s, KeyCode::Esc);
    update(&mut s, Action::OpenServerFilter);
    alt(&mut s, 'b');
    assert_eq!(
        field(&s),
        ("ann smith".into(), 4),
        "a word move keeps the text"
    );
    type_keys(&mut s, "j ");
    assert_eq!(field(&s).0, "ann j smith", "and typing inserts");
}
