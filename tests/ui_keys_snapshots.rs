//! What the console shows when `config.toml` gave keys of its own: the footer, the `?` help, the
//! action and bulk menus and the search form name the user's keys, never the defaults they replace.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod ui_support;

use cognito_tui::app::input::keymap::Keymap;
use cognito_tui::app::{Action, State};
use cognito_tui::shared::config::Config;
use insta::assert_snapshot;
use ui_support::*;

fn snap(name: &str, s: &State) {
    assert_snapshot!(name, draw(s));
}

/// The users table with the keys `toml` gives (the `[keys]` table of a config file).
fn users_with_keys(toml: &str) -> State {
    let config = Config::parse(&format!("[keys]\n{toml}")).unwrap();
    let mut s = users_state(8, true);
    s.keys = Keymap::from_config(&config).unwrap();
    s
}

#[test]
fn the_footer_and_help_show_rebound_keys() {
    let mut s = users_with_keys(
        "actions = \"A\"\nreload = [\"f5\", \"ctrl-l\"]\ndisable = \"X\"\ndelete_word = \"alt-w\"\n",
    );
    snap("keys_users_footer", &s);
    act(&mut s, Action::ToggleHelp);
    snap("keys_users_help", &s);
}

#[test]
fn the_menus_show_the_keys_that_run_their_entries() {
    let mut s = users_with_keys("disable = \"ctrl-x\"\nsign_out = \"O\"\nbulk_enable = \"E\"\n");
    act(&mut s, Action::OpenActionMenu);
    snap("keys_action_menu", &s);
    act(&mut s, Action::Input(cognito_tui::app::InputKey::Cancel));
    act(&mut s, Action::ToggleMark);
    act(&mut s, Action::ToggleMark);
    act(&mut s, Action::OpenBulkMenu);
    snap("keys_bulk_menu", &s);
}

#[test]
fn the_search_form_names_its_keys() {
    let mut s =
        users_with_keys("complete = \"ctrl-t\"\nselect_previous = \"ctrl-p\"\nsubmit = \"f2\"\n");
    act(&mut s, Action::OpenServerFilter);
    snap("keys_search_form", &s);
}
