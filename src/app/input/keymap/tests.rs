//! Dispatch through the key tables: read-only, the keys each view offers, rebound keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::effect::UserChange;
use crate::app::input::keymap::*;
use crate::app::state::Context;
use crate::app::update::tests_support::users;
use crate::app::update::update;
use crate::app::users::ops::UserOp;
use crate::shared::config::KeyOverride;

#[test]
fn read_only_hides_and_refuses_every_mutating_key() {
    let mut state = State::new(Context::default());
    state.pool = Some(crate::app::state::PoolState::new(
        crate::cognito::PoolId::new("us-east-1_A"),
        "prod".into(),
    ));
    let press = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(mode(&state), Mode::Users);
    assert_eq!(
        action_for_key(&state, press('x')),
        Some(Action::User(crate::app::users::ops::UserOp::ToggleEnabled))
    );
    state.context.read_only = true;
    for c in ['x', 'D', 'c', 'e', 'p', 'R', 'o', 'b', ' ', '+', '-', 'M'] {
        assert_eq!(action_for_key(&state, press(c)), None, "{c}");
    }
    assert_eq!(
        action_for_key(&state, press('v')),
        Some(Action::User(crate::app::users::ops::UserOp::Devices))
    );
    let keys = Keymap::default();
    assert!(keys.available(Mode::Users, true).all(|b| !b.mutating));
    assert!(bindings(Mode::Users).any(|b| b.mutating));
}

fn overrides(entries: &[(&str, &[&str])]) -> Vec<KeyOverride> {
    entries
        .iter()
        .enumerate()
        .map(|(i, (name, keys))| KeyOverride {
            name: (*name).to_owned(),
            keys: keys.iter().map(|k| (*k).to_owned()).collect(),
            line: i + 2,
        })
        .collect()
}

fn keymap(entries: &[(&str, &[&str])]) -> Keymap {
    Keymap::from_overrides(&overrides(entries)).unwrap()
}

fn errors(entries: &[(&str, &[&str])]) -> Vec<KeyError> {
    Keymap::from_overrides(&overrides(entries)).unwrap_err()
}

fn event(key: Key) -> KeyEvent {
    KeyEvent::new(key.code, key.mods)
}

fn on_users(keys: Keymap) -> State {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    s.keys = keys;
    s
}

#[test]
fn the_default_tables_are_one_consistent_set() {
    assert_eq!(Keymap::from_overrides(&[]), Ok(Keymap::default()));
    for name in check::names() {
        assert!(
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{name} is not snake_case"
        );
        let mut keys = tables()
            .flat_map(|(_, rows)| rows.iter())
            .filter(|r| r.name == name)
            .map(|r| r.keys);
        let first = keys.next().unwrap();
        assert!(
            keys.all(|k| k == first),
            "{name} has other default keys elsewhere"
        );
    }
    for mode in Mode::ALL {
        let names: Vec<_> = bindings(mode)
            .map(|b| b.name)
            .filter(|n| !n.is_empty())
            .collect();
        for n in &names {
            assert_eq!(
                names.iter().filter(|m| *m == n).count(),
                1,
                "{n} twice in {mode:?}"
            );
        }
        if mode.has_field() {
            assert!(
                bindings(mode).all(|b| b.keys.iter().all(|k| !k.edits())),
                "{mode:?}"
            );
        }
    }
    // A note on typing keys has none of its own: nothing to rebind.
    assert!(
        tables()
            .flat_map(|(_, r)| r.iter())
            .all(|b| !b.name.is_empty() || b.keys.is_empty())
    );
}

#[test]
fn a_rebound_key_dispatches_and_the_default_no_longer_does() {
    let s = on_users(keymap(&[
        ("disable", &["X"]),
        ("reload", &["f5", "ctrl-l"]),
    ]));
    let disable = Some(Action::User(UserOp::ToggleEnabled));
    assert_eq!(action_for_key(&s, event(key::key('X'))), disable);
    assert_eq!(action_for_key(&s, event(key::key('x'))), None);
    assert_eq!(
        action_for_key(&s, event(Key::parse("f5").unwrap())),
        Some(Action::Refresh)
    );
    assert_eq!(action_for_key(&s, event(key::key('r'))), None);
    assert_eq!(
        action_for_key(&s, event(key::ctrl('l'))),
        Some(Action::Refresh)
    );
}

#[test]
fn a_rebound_key_runs_its_entry_in_the_action_menu() {
    let mut s = on_users(keymap(&[("disable", &["ctrl-x"]), ("sign_out", &["O"])]));
    update(&mut s, Action::OpenActionMenu);
    assert_eq!(mode(&s), Mode::UserMenu);
    assert_eq!(
        action_for_key(&s, event(key::key('x'))),
        None,
        "x was given away"
    );
    assert_eq!(
        action_for_key(&s, event(key::key('o'))),
        None,
        "nor typed as a letter"
    );
    let pressed = action_for_key(&s, event(key::ctrl('x'))).unwrap();
    update(&mut s, pressed);
    assert!(
        matches!(&s.overlay, Overlay::Dialog(d) if d.op == UserChange::Disable),
        "{:?}",
        s.overlay
    );
    assert_eq!(
        s.keys
            .label_of(Mode::UserMenu, &Action::User(UserOp::SignOut))
            .as_deref(),
        Some("O")
    );
}

#[test]
fn a_rebound_field_key_edits_and_the_default_types_nothing() {
    let mut s = on_users(keymap(&[
        ("cancel", &["ctrl-q"]),
        ("delete_word", &["alt-w"]),
    ]));
    update(&mut s, Action::OpenPalette);
    for c in "pools ann".chars() {
        if let Some(a) = action_for_key(&s, event(key::key(c))) {
            update(&mut s, a);
        }
    }
    let text = |s: &State| match &s.overlay {
        Overlay::Palette { input, .. } => input.value().to_owned(),
        other => panic!("{other:?}"),
    };
    assert_eq!(action_for_key(&s, event(key::ctrl('w'))), None);
    let word = action_for_key(&s, event(key::alt('w'))).unwrap();
    update(&mut s, word);
    assert_eq!(text(&s), "pools ");
    assert_eq!(action_for_key(&s, event(key::code(KeyCode::Esc))), None);
    assert_eq!(
        action_for_key(&s, event(key::ctrl('q'))),
        Some(Action::Input(InputKey::Cancel))
    );
    assert_eq!(
        action_for_key(&s, event(key::ctrl('c'))),
        Some(Action::Input(InputKey::Cancel)),
        "Ctrl-C always gets out of a field"
    );
}

#[test]
fn an_empty_list_leaves_an_action_without_a_key() {
    let s = on_users(keymap(&[("delete", &[])]));
    assert_eq!(action_for_key(&s, event(key::key('D'))), None);
    assert!(
        s.keys
            .available(Mode::Users, false)
            .all(|b| b.name != "delete")
    );
    assert_eq!(
        errors(&[("quit", &[])]),
        [KeyError {
            line: 2,
            message: "quit needs a key".into()
        }]
    );
}

#[test]
fn unknown_names_and_keys_are_errors_on_their_line() {
    let found = errors(&[
        ("disable", &["X"]),
        ("disabel", &["Y"]),
        ("reload", &["ctl-r"]),
    ]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].line, 3);
    assert!(
        found[0].message.contains("\"disabel\" is not a key action"),
        "{found:?}"
    );
    assert!(
        found[0].message.contains("did you mean \"disable\"?"),
        "{found:?}"
    );
    assert_eq!(found[1].line, 4);
    assert!(
        found[1]
            .message
            .starts_with("reload: \"ctl-r\" is not a key"),
        "{found:?}"
    );
}

#[test]
fn two_actions_on_one_key_in_one_view_are_an_error() {
    let found = errors(&[("create", &["C"]), ("reload", &["x"])]);
    assert_eq!(
        found,
        [
            KeyError {
                line: 2,
                message: "\"C\" would do two things in the users table, a user's detail and the action menu: create and confirm_sign_up"
                    .into()
            },
            KeyError {
                line: 3,
                message: "\"x\" would do two things in the users table and a user's detail: reload and disable"
                    .into()
            }
        ]
    );
    // `h` is the previous tab inside a pool, but help is on every main view.
    let found = errors(&[("help", &["h"])]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message.contains("previous_tab and help"),
        "{found:?}"
    );
    // The same key in views that never meet is fine; so is moving the other action away.
    keymap(&[("reload", &["x"]), ("disable", &["X"])]);
    keymap(&[("forget", &["d"])]);
}

#[test]
fn a_key_that_types_cannot_be_a_command_where_there_is_a_field() {
    let found = errors(&[("submit", &["ctrl-j", "s"]), ("cancel", &["left"])]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[1].message.starts_with("cancel: \"left\" edits"),
        "{found:?}"
    );
    assert!(
        found[0].message.starts_with(
            "submit: \"s\" edits the fields of the palette, filter and search fields, forms and dialogs as it is typed"
        ),
        "{found:?}"
    );
}

#[test]
fn an_error_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys]\ndisable = \"X\"\nreload = \"X\"\n").unwrap();
    let config = crate::shared::config::Config::load_from(&path).unwrap();
    let err = Keymap::from_config(&config).unwrap_err();
    assert_eq!(
        err,
        format!(
            "config file {}, line 3: \"X\" would do two things in the users table and a user's detail: reload and disable",
            path.display()
        )
    );
}

/// No key of the default tables does two things in one view (a rebound key is checked when the
/// settings are read; the defaults are checked here).
#[test]
fn no_default_key_does_two_things_in_a_view() {
    for mode in Mode::ALL {
        let mut seen: Vec<(Key, &str)> = Vec::new();
        for row in bindings(mode) {
            for &key in row.keys {
                match seen.iter().find(|(k, _)| *k == key) {
                    Some((_, other)) => assert_eq!(
                        *other,
                        row.name,
                        "{:?} does two things in {}",
                        key.spec(),
                        mode.title()
                    ),
                    None => seen.push((key, row.name)),
                }
            }
        }
    }
}
