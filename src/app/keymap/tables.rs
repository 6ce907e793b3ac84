//! The key tables of the main views: tables, details, help, text fields.

use crossterm::event::KeyCode;

use super::{Binding, bind, code, ctrl, key};
use crate::app::action::{Action, InputKey};

/// Keys every main mode has, after its own.
pub static COMMON: [Binding; 3] = [
    bind(
        &[key(':')],
        ":",
        Action::OpenPalette,
        "command palette (:pools :users :pool NAME :region R :q)",
        "command",
    ),
    bind(
        &[key('?')],
        "?",
        Action::ToggleHelp,
        "show or hide this help",
        "help",
    ),
    bind(&[key('q'), ctrl('c')], "q", Action::Quit, "quit", "quit"),
];

/// Moving in a table.
pub static MOVE: [Binding; 6] = [
    bind(
        &[key('j'), code(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "move down",
        "",
    ),
    bind(
        &[key('k'), code(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "move up",
        "",
    ),
    bind(
        &[code(KeyCode::PageDown), ctrl('d'), ctrl('f')],
        "PgDn",
        Action::PageDown,
        "down one page",
        "",
    ),
    bind(
        &[code(KeyCode::PageUp), ctrl('u'), ctrl('b')],
        "PgUp",
        Action::PageUp,
        "up one page",
        "",
    ),
    bind(
        &[key('g'), code(KeyCode::Home)],
        "g/Home",
        Action::Home,
        "first row",
        "",
    ),
    bind(
        &[key('G'), code(KeyCode::End)],
        "G/End",
        Action::End,
        "last row",
        "",
    ),
];

/// Opening the selected row.
pub static OPEN: [Binding; 2] = [
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "open the selected pool or item",
        "open",
    ),
    bind(
        &[key('d')],
        "d",
        Action::Describe,
        "describe the selected item (a pool: its overview)",
        "describe",
    ),
];

/// A pool's tables (not the pools list: a pool has no JSON detail here).
pub static JSON: [Binding; 1] = [bind(
    &[key('y')],
    "y",
    Action::ToggleJson,
    "the selected item's raw JSON",
    "",
)];

/// Inside a pool: back to the pools, and its tabs.
pub static POOL: [Binding; 3] = [
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "back (or stop loading; on a search: clear it)",
        "back",
    ),
    bind(
        &[code(KeyCode::Tab), key('l'), code(KeyCode::Right)],
        "Tab",
        Action::NextTab,
        "next tab",
        "tab",
    ),
    bind(
        &[code(KeyCode::BackTab), key('h'), code(KeyCode::Left)],
        "S-Tab",
        Action::PrevTab,
        "previous tab",
        "",
    ),
];

pub static FILTER: [Binding; 1] = [bind(
    &[key('/')],
    "/",
    Action::OpenLocalFilter,
    "filter the loaded rows (substring, any column)",
    "filter",
)];

/// The users table only: ListUsers filters users.
pub static SEARCH: [Binding; 1] = [bind(
    &[key('s')],
    "s",
    Action::OpenServerFilter,
    "search users on the server (email ^= \"ann\")",
    "search",
)];

pub static RELOAD: [Binding; 1] = [bind(
    &[key('r'), ctrl('r')],
    "r",
    Action::Refresh,
    "reload",
    "reload",
)];

pub static SORT: [Binding; 6] = [
    bind(
        &[key('1')],
        "1",
        Action::SortBy(0),
        "sort by column 1 (again: reverse)",
        "",
    ),
    bind(&[key('2')], "2", Action::SortBy(1), "sort by column 2", ""),
    bind(&[key('3')], "3", Action::SortBy(2), "sort by column 3", ""),
    bind(&[key('4')], "4", Action::SortBy(3), "sort by column 4", ""),
    bind(&[key('5')], "5", Action::SortBy(4), "sort by column 5", ""),
    bind(&[key('6')], "6", Action::SortBy(5), "sort by column 6", ""),
];

pub static DETAIL: [Binding; 8] = [
    bind(
        &[key('j'), code(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "scroll down",
        "",
    ),
    bind(
        &[key('k'), code(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "scroll up",
        "",
    ),
    bind(
        &[code(KeyCode::PageDown), ctrl('d')],
        "PgDn",
        Action::PageDown,
        "down one page",
        "",
    ),
    bind(
        &[code(KeyCode::PageUp), ctrl('u')],
        "PgUp",
        Action::PageUp,
        "up one page",
        "",
    ),
    bind(
        &[key('g'), code(KeyCode::Home)],
        "g",
        Action::Home,
        "top",
        "",
    ),
    bind(
        &[key('y')],
        "y",
        Action::ToggleJson,
        "raw JSON response (again: fields)",
        "json",
    ),
    bind(
        &[key('r'), ctrl('r')],
        "r",
        Action::Refresh,
        "reload",
        "reload",
    ),
    bind(&[code(KeyCode::Esc)], "Esc", Action::Back, "back", "back"),
];

pub static HELP: [Binding; 2] = [
    bind(
        &[key('?'), code(KeyCode::Esc)],
        "?/Esc",
        Action::ToggleHelp,
        "close help",
        "close",
    ),
    bind(&[key('q'), ctrl('c')], "q", Action::Quit, "quit", "quit"),
];

/// Fields and the palette: shown in the footer while one is open (dispatch is by `text_key`).
pub static TEXT: [Binding; 5] = [
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        Action::Input(InputKey::Submit),
        "apply",
        "apply",
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        Action::Input(InputKey::Cancel),
        "cancel",
        "cancel",
    ),
    bind(
        &[code(KeyCode::Tab)],
        "Tab",
        Action::Input(InputKey::Complete),
        "complete / toggle = and ^=",
        "complete",
    ),
    bind(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑/↓",
        Action::Input(InputKey::Down),
        "choose (completion or attribute)",
        "choose",
    ),
    bind(
        &[ctrl('u')],
        "C-u",
        Action::Input(InputKey::Clear),
        "clear the field (typing replaces a selected value)",
        "",
    ),
];
