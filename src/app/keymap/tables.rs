//! The key tables of the main views: tables, details, help.

use crossterm::event::KeyCode;

use super::key::{code, ctrl, key};
use super::{Binding, bind};
use crate::app::action::Action;

/// Keys every main mode has, after its own.
pub static COMMON: [Binding; 3] = [
    bind(
        "palette",
        &[key(':')],
        ":",
        Action::OpenPalette,
        "command palette (:pools :users :pool NAME :region R :q)",
        "command",
    ),
    bind(
        "help",
        &[key('?')],
        "?",
        Action::ToggleHelp,
        "show or hide this help",
        "help",
    ),
    bind(
        "quit",
        &[key('q'), ctrl('c')],
        "q",
        Action::Quit,
        "quit",
        "quit",
    ),
];

/// Moving in a table.
pub static MOVE: [Binding; 6] = [
    bind(
        "down",
        &[key('j'), code(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "move down",
        "",
    ),
    bind(
        "up",
        &[key('k'), code(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "move up",
        "",
    ),
    bind(
        "page_down",
        &[code(KeyCode::PageDown), ctrl('d'), ctrl('f')],
        "PgDn",
        Action::PageDown,
        "down one page",
        "",
    ),
    bind(
        "page_up",
        &[code(KeyCode::PageUp), ctrl('u'), ctrl('b')],
        "PgUp",
        Action::PageUp,
        "up one page",
        "",
    ),
    bind(
        "top",
        &[key('g'), code(KeyCode::Home)],
        "g/Home",
        Action::Home,
        "first row",
        "",
    ),
    bind(
        "bottom",
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
        "open",
        &[code(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "open the selected pool or item",
        "open",
    ),
    bind(
        "describe",
        &[key('d')],
        "d",
        Action::Describe,
        "describe the selected item (a pool: its overview)",
        "describe",
    ),
];

/// A pool's tables (not the pools list: a pool has no JSON detail here).
pub static JSON: [Binding; 1] = [bind(
    "raw_json",
    &[key('y')],
    "y",
    Action::ToggleJson,
    "the selected item's raw JSON",
    "",
)];

/// Inside a pool: back to the pools, and its tabs.
pub static POOL: [Binding; 3] = [
    bind(
        "back",
        &[code(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "back (or stop loading; on a search: clear it)",
        "back",
    ),
    bind(
        "next_tab",
        &[code(KeyCode::Tab), key('l'), code(KeyCode::Right)],
        "Tab",
        Action::NextTab,
        "next tab",
        "tab",
    ),
    bind(
        "previous_tab",
        &[code(KeyCode::BackTab), key('h'), code(KeyCode::Left)],
        "S-Tab",
        Action::PrevTab,
        "previous tab",
        "",
    ),
];

pub static FILTER: [Binding; 1] = [bind(
    "filter",
    &[key('/')],
    "/",
    Action::OpenLocalFilter,
    "filter the loaded rows (substring, any column)",
    "filter",
)];

/// The users table only: ListUsers filters users.
pub static SEARCH: [Binding; 1] = [bind(
    "search",
    &[key('s')],
    "s",
    Action::OpenServerFilter,
    "search users on the server (email ^= \"ann\")",
    "search",
)];

pub static RELOAD: [Binding; 1] = [bind(
    "reload",
    &[key('r'), ctrl('r')],
    "r",
    Action::Refresh,
    "reload",
    "reload",
)];

pub static SORT: [Binding; 6] = [
    bind(
        "sort_by_1",
        &[key('1')],
        "1",
        Action::SortBy(0),
        "sort by column 1 (again: reverse)",
        "",
    ),
    bind(
        "sort_by_2",
        &[key('2')],
        "2",
        Action::SortBy(1),
        "sort by column 2",
        "",
    ),
    bind(
        "sort_by_3",
        &[key('3')],
        "3",
        Action::SortBy(2),
        "sort by column 3",
        "",
    ),
    bind(
        "sort_by_4",
        &[key('4')],
        "4",
        Action::SortBy(3),
        "sort by column 4",
        "",
    ),
    bind(
        "sort_by_5",
        &[key('5')],
        "5",
        Action::SortBy(4),
        "sort by column 5",
        "",
    ),
    bind(
        "sort_by_6",
        &[key('6')],
        "6",
        Action::SortBy(5),
        "sort by column 6",
        "",
    ),
];

pub static DETAIL: [Binding; 8] = [
    bind(
        "down",
        &[key('j'), code(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "scroll down",
        "",
    ),
    bind(
        "up",
        &[key('k'), code(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "scroll up",
        "",
    ),
    bind(
        "page_down",
        &[code(KeyCode::PageDown), ctrl('d'), ctrl('f')],
        "PgDn",
        Action::PageDown,
        "down one page",
        "",
    ),
    bind(
        "page_up",
        &[code(KeyCode::PageUp), ctrl('u'), ctrl('b')],
        "PgUp",
        Action::PageUp,
        "up one page",
        "",
    ),
    bind(
        "top",
        &[key('g'), code(KeyCode::Home)],
        "g",
        Action::Home,
        "top",
        "",
    ),
    bind(
        "raw_json",
        &[key('y')],
        "y",
        Action::ToggleJson,
        "raw JSON response (again: fields)",
        "json",
    ),
    bind(
        "reload",
        &[key('r'), ctrl('r')],
        "r",
        Action::Refresh,
        "reload",
        "reload",
    ),
    bind(
        "back",
        &[code(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "back",
        "back",
    ),
];

pub static HELP: [Binding; 2] = [
    bind(
        "close_help",
        &[key('?'), code(KeyCode::Esc)],
        "?/Esc",
        Action::ToggleHelp,
        "close help",
        "close",
    ),
    bind(
        "quit",
        &[key('q'), ctrl('c')],
        "q",
        Action::Quit,
        "quit",
        "quit",
    ),
];
