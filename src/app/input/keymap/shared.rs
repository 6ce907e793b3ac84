//! Rows that several tables share, one function each: a name has one set of default keys wherever
//! it stands (`[keys]` and the README treat it as one entry); only the words differ by table.

use crossterm::event::KeyCode;

use crate::app::action::{Action, InputKey};
use crate::app::input::keymap::key::{code, ctrl, key};
use crate::app::input::keymap::{Binding, bind, input};

pub const fn down(help: &'static str) -> Binding {
    let keys = const { &[key('j'), code(KeyCode::Down)] };
    bind("down", keys, "j/↓", Action::Down, help, "")
}

pub const fn up(help: &'static str) -> Binding {
    let keys = const { &[key('k'), code(KeyCode::Up)] };
    bind("up", keys, "k/↑", Action::Up, help, "")
}

pub const fn page_down() -> Binding {
    let keys = const { &[code(KeyCode::PageDown), ctrl('d'), ctrl('f')] };
    bind(
        "page_down",
        keys,
        "PgDn",
        Action::PageDown,
        "down one page",
        "",
    )
}

pub const fn page_up() -> Binding {
    let keys = const { &[code(KeyCode::PageUp), ctrl('u'), ctrl('b')] };
    bind("page_up", keys, "PgUp", Action::PageUp, "up one page", "")
}

pub const fn top(label: &'static str, help: &'static str) -> Binding {
    let keys = const { &[key('g'), code(KeyCode::Home)] };
    bind("top", keys, label, Action::Home, help, "")
}

pub const fn raw_json(help: &'static str, hint: &'static str) -> Binding {
    let keys = const { &[key('y')] };
    bind("raw_json", keys, "y", Action::ToggleJson, help, hint)
}

pub const fn back(help: &'static str) -> Binding {
    let keys = const { &[code(KeyCode::Esc)] };
    bind("back", keys, "Esc", Action::Back, help, "back")
}

/// Reload what is shown: the table or detail (`Action::Refresh`), or the view of an overlay.
/// Ctrl-R is the index's rebuild on a pool's users and overview, so it is not one of its keys.
pub const fn reload(action: Action) -> Binding {
    let keys = const { &[key('r')] };
    bind("reload", keys, "r", action, "reload", "reload")
}

pub const fn quit() -> Binding {
    let keys = const { &[key('q'), ctrl('c')] };
    bind("quit", keys, "q", Action::Quit, "quit", "quit")
}

pub const fn submit(help: &'static str, hint: &'static str) -> Binding {
    let keys = const { &[code(KeyCode::Enter)] };
    input("submit", keys, "Enter", InputKey::Submit, help, hint)
}

pub const fn cancel(help: &'static str, hint: &'static str) -> Binding {
    let keys = const { &[code(KeyCode::Esc)] };
    input("cancel", keys, "Esc", InputKey::Cancel, help, hint)
}

/// `↑` of a list in an overlay; with `select_next` the footer shows `↑/↓ hint`.
pub const fn select_previous(help: &'static str, hint: &'static str) -> Binding {
    let keys = const { &[code(KeyCode::Up)] };
    input("select_previous", keys, "↑", InputKey::Up, help, hint)
}

pub const fn select_next(help: &'static str, hint: &'static str) -> Binding {
    let keys = const { &[code(KeyCode::Down)] };
    input("select_next", keys, "↓", InputKey::Down, help, hint)
}

/// Close a view that has no field: Esc, or `q` as on the main views.
pub const fn close() -> Binding {
    let keys = const { &[code(KeyCode::Esc), key('q')] };
    input("close", keys, "Esc", InputKey::Cancel, "close", "close")
}
