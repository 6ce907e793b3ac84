//! One key table per mode: it dispatches keys, and the same rows make the footer hints and `?` help.
//! Each row has a stable name, so `config.toml` can give it other keys (`Keymap`).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

mod check;
mod custom;
mod fields;
mod key;
mod shared;
mod tables;
mod users;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fields;
#[cfg(test)]
mod tests_readme;

pub use check::KeyError;
pub use custom::{Keymap, Shown};
pub use key::Key;

use crate::app::action::{Action, InputKey};
use crate::app::state::{Overlay, State};
use crate::app::users::menu::Menu;

/// A row of a key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Its name under `[keys]` in `config.toml`, snake_case; rows of the same name in several
    /// tables are one entry there. Empty for a note on how typing keys act (no keys of its own).
    pub name: &'static str,
    pub keys: &'static [Key],
    /// How the default keys are written in the footer and help (`j/↓`).
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    /// The word shown beside the key in the footer; empty: only in `?` help.
    pub hint: &'static str,
    /// It changes something: hidden (not dispatched, not in the footer or help) under
    /// `--read-only`.
    pub mutating: bool,
}

/// A row for a key that only reads or moves; `.mutating()` marks one that changes something.
const fn bind(
    name: &'static str,
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        name,
        keys,
        label,
        action,
        help,
        hint,
        mutating: false,
    }
}

impl Binding {
    /// This row's word in the footer.
    const fn hinted(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }

    /// This row changes something (hidden under `--read-only`).
    const fn mutating(mut self) -> Self {
        self.mutating = true;
        self
    }
}

/// A row of an overlay's table: the key goes to the overlay as `key`.
const fn input(
    name: &'static str,
    keys: &'static [Key],
    label: &'static str,
    key: InputKey,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    bind(name, keys, label, Action::Input(key), help, hint)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The pools table.
    Pools,
    /// A pool's Overview tab: no rows to move over, filter or search.
    Overview,
    /// A pool's groups, app clients or identity providers.
    Table,
    /// A pool's users table: the table keys, the user actions and the marks.
    Users,
    Detail,
    /// A user's detail: the detail keys and the user actions.
    UserDetail,
    /// An app client's detail: the detail keys and its secret.
    ClientDetail,
    Help,
    /// A text field or the palette has the keys.
    Text,
    /// A form (create user, edit attributes, set password).
    Form,
    /// A confirmation dialog, or the bulk plan.
    Dialog,
    /// The group picker.
    Menu,
    /// The action menu of a user: a user action's own key runs it.
    UserMenu,
    /// The bulk menu of the marked users.
    BulkMenu,
    /// Devices and sign-in history.
    View,
    /// The audit journal.
    Journal,
    /// A secret shown once: a password the console chose, an app client's secret.
    Secret,
    /// `:find`'s hits.
    Find,
}

impl Mode {
    pub const ALL: [Mode; 18] = [
        Mode::Pools,
        Mode::Overview,
        Mode::Table,
        Mode::Users,
        Mode::Detail,
        Mode::UserDetail,
        Mode::ClientDetail,
        Mode::Help,
        Mode::Text,
        Mode::Form,
        Mode::Dialog,
        Mode::Menu,
        Mode::UserMenu,
        Mode::BulkMenu,
        Mode::View,
        Mode::Journal,
        Mode::Secret,
        Mode::Find,
    ];

    /// Overlays that take raw keys: a key no row of the table knows goes to the overlay as typed.
    fn takes_text(self) -> bool {
        !matches!(
            self,
            Mode::Pools
                | Mode::Overview
                | Mode::Table
                | Mode::Users
                | Mode::Detail
                | Mode::UserDetail
                | Mode::ClientDetail
                | Mode::Help
        )
    }

    /// Modes with a field to type into: a key that edits it as typed cannot be a command there.
    pub fn has_field(self) -> bool {
        matches!(self, Mode::Text | Mode::Form | Mode::Dialog)
    }

    /// Where the mode is, for messages about keys.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Pools => "the pools table",
            Mode::Overview => "a pool's overview",
            Mode::Table => "a pool's tables",
            Mode::Users => "the users table",
            Mode::Detail => "a detail view",
            Mode::UserDetail => "a user's detail",
            Mode::ClientDetail => "an app client's detail",
            Mode::Help => "the help",
            Mode::Text => "the palette, filter and search fields",
            Mode::Form => "forms",
            Mode::Dialog => "dialogs",
            Mode::Menu => "the group picker",
            Mode::UserMenu => "the action menu",
            Mode::BulkMenu => "the bulk menu",
            Mode::View => "devices and sign-in history",
            Mode::Journal => "the journal",
            Mode::Secret => "a secret shown once",
            Mode::Find => "the users found",
        }
    }
}

pub fn mode(state: &State) -> Mode {
    match &state.overlay {
        Overlay::Help => Mode::Help,
        Overlay::Palette { .. }
        | Overlay::LocalFilter(_)
        | Overlay::ServerFilter { .. }
        | Overlay::Query(_) => Mode::Text,
        Overlay::Form(_) | Overlay::Export(_) => Mode::Form,
        Overlay::Admin(a) if a.is_form() => Mode::Form,
        Overlay::Dialog(_) | Overlay::Bulk(_) | Overlay::Admin(_) => Mode::Dialog,
        Overlay::Menu(Menu::User { .. }) => Mode::UserMenu,
        Overlay::Menu(Menu::Bulk { .. }) => Mode::BulkMenu,
        Overlay::Picker(_) => Mode::Menu,
        Overlay::Devices(_) => Mode::View,
        Overlay::Journal(_) => Mode::Journal,
        Overlay::Secret(_) => Mode::Secret,
        Overlay::Find(_) => Mode::Find,
        Overlay::None => base_mode(state),
    }
}

/// The mode of the view under any overlay.
pub fn base_mode(state: &State) -> Mode {
    use crate::app::state::Tab;
    match (&state.detail, state.pool.as_ref().map(|p| p.tab)) {
        (Some(d), _) if d.tab == Tab::Users => Mode::UserDetail,
        (Some(d), _) if d.tab == Tab::Clients => Mode::ClientDetail,
        (Some(_), _) => Mode::Detail,
        (None, None) => Mode::Pools,
        (None, Some(tab)) => tab.info().keys,
    }
}

type Parts = &'static [&'static [Binding]];

mod parts {
    use super::fields::{EDIT, TEXT};
    use super::tables::{
        ADMIN, CLIENT, COMMON, CREATE, DETAIL, FILTER, FIND, HELP, INDEX, JSON, MEMBERS, MOVE,
        OPEN, POOL, POOL_ADMIN, QUERY, RELOAD, SEARCH, SORT,
    };
    use super::users::{
        ACTIONS, BULK, DIALOG, FORM, JOURNAL, MARKS, MENU, SECRET, USER, VERDICT, VIEW,
    };
    use super::{Binding, Parts};

    pub static POOLS: [&[Binding]; 7] = [&MOVE, &OPEN, &FILTER, &RELOAD, &SORT, &CREATE, &COMMON];
    pub static OVERVIEW: [&[Binding]; 7] =
        [&POOL, &RELOAD, &QUERY, &INDEX, &ADMIN, &POOL_ADMIN, &COMMON];
    pub static TABLE: [&[Binding]; 10] = [
        &MOVE, &OPEN, &JSON, &POOL, &FILTER, &RELOAD, &SORT, &ADMIN, &CREATE, &COMMON,
    ];
    pub static USERS: [&[Binding]; 15] = [
        &MOVE, &OPEN, &JSON, &POOL, &FILTER, &SEARCH, &QUERY, &RELOAD, &INDEX, &SORT, &ACTIONS,
        &USER, &MARKS, &MEMBERS, &COMMON,
    ];
    pub static DETAIL_KEYS: [&[Binding]; 2] = [&DETAIL, &COMMON];
    pub static USER_DETAIL: [&[Binding]; 5] = [&DETAIL, &VERDICT, &ACTIONS, &USER, &COMMON];
    pub static CLIENT_DETAIL: [&[Binding]; 3] = [&DETAIL, &CLIENT, &COMMON];
    pub static HELP_KEYS: [&[Binding]; 1] = [&HELP];
    pub static TEXT_KEYS: [&[Binding]; 2] = [&TEXT, &EDIT];
    pub static FORM_KEYS: [&[Binding]; 2] = [&FORM, &EDIT];
    pub static DIALOG_KEYS: [&[Binding]; 2] = [&DIALOG, &EDIT];
    pub static MENU_KEYS: [&[Binding]; 1] = [&MENU];
    pub static USER_MENU: [&[Binding]; 2] = [&MENU, &USER];
    pub static BULK_MENU: [&[Binding]; 2] = [&MENU, &BULK];
    pub static VIEW_KEYS: [&[Binding]; 1] = [&VIEW];
    pub static JOURNAL_KEYS: [&[Binding]; 1] = [&JOURNAL];
    pub static SECRET_KEYS: [&[Binding]; 1] = [&SECRET];
    pub static FIND_KEYS: [&[Binding]; 1] = [&FIND];

    /// Every table once, with where it applies: the names `config.toml` may use, the README's
    /// table.
    pub static TABLES: [(&str, &[Binding]); 32] = [
        ("main views", &COMMON),
        ("tables", &MOVE),
        ("tables", &OPEN),
        ("a pool's tables", &JSON),
        ("a pool", &POOL),
        ("tables", &FILTER),
        ("users", &SEARCH),
        ("a pool's users and overview", &QUERY),
        ("a pool's users and overview", &INDEX),
        ("tables", &RELOAD),
        ("tables", &SORT),
        ("a pool's tables and overview", &ADMIN),
        ("tables", &CREATE),
        ("a pool's overview", &POOL_ADMIN),
        ("users", &MEMBERS),
        ("details", &DETAIL),
        ("an app client's detail", &CLIENT),
        ("a user's detail", &VERDICT),
        ("help", &HELP),
        ("users", &ACTIONS),
        ("users, action menu", &USER),
        ("users", &MARKS),
        ("fields", &TEXT),
        ("every field", &EDIT),
        ("forms", &FORM),
        ("dialogs", &DIALOG),
        ("menus", &MENU),
        ("bulk menu", &BULK),
        ("devices", &VIEW),
        ("journal", &JOURNAL),
        ("password or secret shown", &SECRET),
        ("find results", &FIND),
    ];

    pub fn of(mode: super::Mode) -> Parts {
        use super::Mode;
        match mode {
            Mode::Pools => &POOLS,
            Mode::Overview => &OVERVIEW,
            Mode::Table => &TABLE,
            Mode::Users => &USERS,
            Mode::Detail => &DETAIL_KEYS,
            Mode::UserDetail => &USER_DETAIL,
            Mode::ClientDetail => &CLIENT_DETAIL,
            Mode::Help => &HELP_KEYS,
            Mode::Text => &TEXT_KEYS,
            Mode::Form => &FORM_KEYS,
            Mode::Dialog => &DIALOG_KEYS,
            Mode::Menu => &MENU_KEYS,
            Mode::UserMenu => &USER_MENU,
            Mode::BulkMenu => &BULK_MENU,
            Mode::View => &VIEW_KEYS,
            Mode::Journal => &JOURNAL_KEYS,
            Mode::Secret => &SECRET_KEYS,
            Mode::Find => &FIND_KEYS,
        }
    }
}

/// The rows of a mode's key table with their default keys, in order (every row, mutating ones
/// included). Each view lists only the keys that do something there.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    parts::of(mode).iter().copied().flatten()
}

/// Every table once, with where it applies.
fn tables() -> impl Iterator<Item = (&'static str, &'static [Binding])> {
    parts::TABLES.iter().copied()
}

/// The action for a key press in the current mode, by the user's key table.
pub fn action_for_key(state: &State, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let mode = mode(state);
    let key = Key::from_event(event);
    if let Some(b) = state.keys.find(mode, state.context.read_only, key) {
        return Some(b.action.clone());
    }
    match mode {
        // Any other key closes help.
        Mode::Help => Some(Action::ToggleHelp),
        // A key of the table (even one rebound away, or hidden under --read-only) is never typed.
        _ if mode.takes_text() && !state.keys.owns(mode, key) => typed(event).map(Action::Input),
        _ => None,
    }
}

/// What a key no table row has does in an overlay: it types, moves the cursor, or (Ctrl-C,
/// Ctrl-G) cancels, whatever the tables say.
fn typed(event: KeyEvent) -> Option<InputKey> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    Some(match event.code {
        KeyCode::Char('c' | 'g') if ctrl => InputKey::Cancel,
        KeyCode::Char('a') if ctrl => InputKey::Home,
        KeyCode::Char('e') if ctrl => InputKey::End,
        KeyCode::Char(c) if !ctrl && !alt => InputKey::Char(c),
        KeyCode::Backspace => InputKey::Backspace,
        KeyCode::Delete => InputKey::Delete,
        KeyCode::Left => InputKey::Left,
        KeyCode::Right => InputKey::Right,
        KeyCode::Home => InputKey::Home,
        KeyCode::End => InputKey::End,
        KeyCode::Up => InputKey::Up,
        KeyCode::Down => InputKey::Down,
        KeyCode::Tab => InputKey::Complete,
        KeyCode::BackTab => InputKey::BackTab,
        KeyCode::Enter => InputKey::Submit,
        KeyCode::Esc => InputKey::Cancel,
        _ => return None,
    })
}

/// The action for a mouse event; `table_top` is the screen row of the first table row.
pub fn action_for_mouse(state: &State, event: MouseEvent, table_top: u16) -> Option<Action> {
    if mode(state).takes_text() {
        return None;
    }
    match event.kind {
        MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
        MouseEventKind::Down(crossterm::event::MouseButton::Left)
            if event.row >= table_top && state.detail.is_none() =>
        {
            Some(Action::ClickRow(usize::from(event.row - table_top)))
        }
        _ => None,
    }
}
