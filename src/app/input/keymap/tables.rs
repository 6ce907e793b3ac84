//! The key tables of the main views: tables, details, help.

use crossterm::event::KeyCode;

use crate::app::action::Action;
use crate::app::admin::AdminOp;
use crate::app::input::keymap::key::{code, ctrl, key};
use crate::app::input::keymap::shared::{
    back, close, down, page_down, page_up, quit, raw_json, reload, select_next, select_previous,
    submit, top, up,
};
use crate::app::input::keymap::{Binding, bind};

/// Keys every main mode has, after its own.
pub static COMMON: [Binding; 4] = [
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
        "mask",
        &[ctrl('t')],
        "C-t",
        Action::ToggleMask,
        "mask personal data",
        "",
    ),
    quit(),
];

/// Moving in a table.
pub static MOVE: [Binding; 6] = [
    down("move down"),
    up("move up"),
    page_down(),
    page_up(),
    top("g/Home", "first row"),
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
pub static JSON: [Binding; 1] = [raw_json("the selected item's raw JSON", "")];

/// Inside a pool: back to the pools, and its tabs.
pub static POOL: [Binding; 3] = [
    back("back (or stop loading; on a search: clear it)"),
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
pub static SEARCH: [Binding; 2] = [
    bind(
        "search",
        &[key('s')],
        "s",
        Action::OpenServerFilter,
        "search users on the server (email ^= \"ann\")",
        "search",
    ),
    bind(
        "search_lower_case",
        &[key('L')],
        "L",
        Action::SearchLowerCase,
        "after an email search with capitals found no one: the same search in lower case (the filter is case-sensitive)",
        "",
    ),
];

pub static RELOAD: [Binding; 1] = [reload(Action::Refresh)];

/// A pool's users and overview: queries of the local index, and export.
pub static QUERY: [Binding; 2] = [
    bind(
        "query",
        &[key('f')],
        "f",
        Action::OpenQuery,
        "query users: any attribute, dates, groups, and/or (status = UNCONFIRMED and created < -30d)",
        "query",
    ),
    bind(
        "export",
        &[ctrl('s')],
        "C-s",
        Action::OpenExport,
        "export users to a file: the query's, the marked ones, or the whole pool",
        "",
    ),
];

/// A pool's users and overview: the local index.
pub static INDEX: [Binding; 1] = [bind(
    "rebuild_index",
    &[ctrl('r')],
    "C-r",
    Action::RefreshIndex,
    "build the pool's local index again (exact counts, queries); Esc stops it",
    "",
)];

/// Changing a pool resource: the selected row's, or the pool's on the Overview.
pub static ADMIN: [Binding; 4] = [
    bind(
        "edit_form",
        &[key('e')],
        "e",
        Action::Admin(AdminOp::EditForm),
        "edit the selected resource (on the Overview: the pool) in a form of its usual settings",
        "edit",
    )
    .mutating(),
    bind(
        "edit_json",
        &[key('E')],
        "E",
        Action::Admin(AdminOp::EditJson),
        "edit all of the selected resource (on the Overview: the pool) as JSON in $EDITOR",
        "json",
    )
    .mutating(),
    bind(
        "delete_resource",
        &[key('D')],
        "D",
        Action::Admin(AdminOp::Delete),
        "delete the selected resource (its name typed to confirm)",
        "",
    )
    .mutating(),
    bind(
        "edit_mfa",
        &[key('M')],
        "M",
        Action::Admin(AdminOp::EditMfa),
        "edit the pool's MFA settings (mode, authenticator apps, email and SMS codes)",
        "",
    )
    .mutating(),
];

/// Sorting by a column: its keys, their label, and the column (from 0).
const fn sort_by(
    name: &'static str,
    keys: &'static [crate::app::input::keymap::Key],
    label: &'static str,
    column: usize,
    help: &'static str,
) -> Binding {
    bind(name, keys, label, Action::SortBy(column), help, "")
}

pub static SORT: [Binding; 7] = [
    sort_by(
        "sort_by_1",
        &[key('1')],
        "1",
        0,
        "sort by column 1 (again: reverse)",
    ),
    sort_by("sort_by_2", &[key('2')], "2", 1, "sort by column 2"),
    sort_by("sort_by_3", &[key('3')], "3", 2, "sort by column 3"),
    sort_by("sort_by_4", &[key('4')], "4", 3, "sort by column 4"),
    sort_by("sort_by_5", &[key('5')], "5", 4, "sort by column 5"),
    sort_by("sort_by_6", &[key('6')], "6", 5, "sort by column 6"),
    sort_by("sort_by_7", &[key('7')], "7", 6, "sort by column 7"),
];

pub static DETAIL: [Binding; 8] = [
    down("scroll down"),
    up("scroll up"),
    page_down(),
    page_up(),
    top("g", "top"),
    raw_json("raw JSON response (again: fields)", "json"),
    reload(Action::Refresh),
    back("back"),
];

/// An app client's detail: its secret, only when asked for (it only reads).
pub static CLIENT: [Binding; 1] = [bind(
    "show_secret",
    &[key('S')],
    "S",
    Action::ShowSecret,
    "show the app client's secret (read fresh, once, under a warning)",
    "secret",
)];

pub static HELP: [Binding; 2] = [
    bind(
        "close_help",
        &[key('?'), code(KeyCode::Esc)],
        "?/Esc",
        Action::ToggleHelp,
        "close help",
        "close",
    ),
    quit(),
];

/// Creating a resource of the pane's kind (on the pools list: a pool; not on the Overview).
pub static CREATE: [Binding; 1] = [bind(
    "create_resource",
    &[key('n')],
    "n",
    Action::Admin(AdminOp::Create),
    "create a pool (on the pools list), group, app client, identity provider or domain in a form; a resource server as JSON",
    "new",
)
.mutating()];

/// The pool's own changes, on its Overview.
pub static POOL_ADMIN: [Binding; 1] = [bind(
    "add_attributes",
    &[key('A')],
    "A",
    Action::Admin(AdminOp::AddAttributes),
    "add custom attributes to the pool (AddCustomAttributes, in the editor; they cannot be changed later)",
    "",
)
.mutating()];

/// The users table while it lists a group's members.
pub static MEMBERS: [Binding; 1] = [bind(
    "add_member",
    &[key('n')],
    "n",
    Action::Admin(AdminOp::AddMember),
    "add a user to the group whose members are listed (Enter on a group), by username",
    "",
)
.mutating()];

/// `:find`'s hits: choose one, open it in its pool.
pub static FIND: [Binding; 4] = [
    select_previous("choose", "choose"),
    select_next("choose", "choose"),
    submit("open the chosen user's detail in their pool", "open"),
    close(),
];
