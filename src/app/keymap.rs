//! One key table per mode: it dispatches keys, and the same rows make the footer hints and `?` help.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

mod admin;
mod tables;

use super::action::{Action, InputKey};
use super::state::{Overlay, State};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

/// A row of a key table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in the footer and help (`j/↓`).
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    /// The word shown beside the key in the footer; empty: only in `?` help.
    pub hint: &'static str,
    /// It changes something: hidden (not dispatched, not in the footer or help) under
    /// `--read-only`.
    pub mutating: bool,
}

const fn row(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    help: &'static str,
    hint: &'static str,
    mutating: bool,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
        hint,
        mutating,
    }
}

/// A row for a key that only reads or moves.
const fn bind(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    row(keys, label, action, help, hint, false)
}

/// A row for a key that changes something.
const fn mutating(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    row(keys, label, action, help, hint, true)
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
    Help,
    /// A text field or the palette has the keys.
    Text,
    /// A form (create user, edit attributes, set password).
    Form,
    /// A confirmation dialog, or the bulk plan.
    Dialog,
    /// A menu or the group picker.
    Menu,
    /// Devices and sign-in history.
    View,
    /// The audit journal.
    Journal,
    /// A password the console chose, shown once.
    Password,
}

impl Mode {
    /// Overlays that take raw keys: dispatch is by `text_key`, the table is only shown.
    fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Text
                | Mode::Form
                | Mode::Dialog
                | Mode::Menu
                | Mode::View
                | Mode::Journal
                | Mode::Password
        )
    }
}

pub fn mode(state: &State) -> Mode {
    match state.overlay {
        Overlay::Help => Mode::Help,
        Overlay::Palette { .. } | Overlay::LocalFilter(_) | Overlay::ServerFilter { .. } => {
            Mode::Text
        }
        Overlay::Form(_) => Mode::Form,
        Overlay::Dialog(_) | Overlay::Bulk(_) => Mode::Dialog,
        Overlay::Menu(_) | Overlay::Picker(_) => Mode::Menu,
        Overlay::Devices(_) => Mode::View,
        Overlay::Journal(_) => Mode::Journal,
        Overlay::Password(_) => Mode::Password,
        Overlay::None => base_mode(state),
    }
}

/// The mode of the view under any overlay.
pub fn base_mode(state: &State) -> Mode {
    use super::state::Tab;
    match (&state.detail, state.pool.as_ref().map(|p| p.tab)) {
        (Some(d), _) if d.tab == Tab::Users => Mode::UserDetail,
        (Some(_), _) => Mode::Detail,
        (None, None) => Mode::Pools,
        (None, Some(tab)) => tab.info().keys,
    }
}

type Parts = &'static [&'static [Binding]];

mod parts {
    use super::tables::{COMMON, DETAIL, FILTER, JSON, MOVE, OPEN, POOL, RELOAD, SEARCH, SORT};
    use super::{Binding, admin};

    pub static POOLS: [&[Binding]; 6] = [&MOVE, &OPEN, &FILTER, &RELOAD, &SORT, &COMMON];
    pub static OVERVIEW: [&[Binding]; 3] = [&POOL, &RELOAD, &COMMON];
    pub static TABLE: [&[Binding]; 8] =
        [&MOVE, &OPEN, &JSON, &POOL, &FILTER, &RELOAD, &SORT, &COMMON];
    pub static USERS: [&[Binding]; 11] = [
        &MOVE,
        &OPEN,
        &JSON,
        &POOL,
        &FILTER,
        &SEARCH,
        &RELOAD,
        &SORT,
        &admin::USER,
        &admin::MARKS,
        &COMMON,
    ];
    pub static DETAIL_KEYS: [&[Binding]; 2] = [&DETAIL, &COMMON];
    pub static USER_DETAIL: [&[Binding]; 3] = [&DETAIL, &admin::USER, &COMMON];
    pub static HELP: [&[Binding]; 1] = [&super::tables::HELP];
    pub static TEXT: [&[Binding]; 1] = [&super::tables::TEXT];
    pub static FORM: [&[Binding]; 1] = [&admin::FORM];
    pub static DIALOG: [&[Binding]; 1] = [&admin::DIALOG];
    pub static MENU: [&[Binding]; 1] = [&admin::MENU];
    pub static VIEW: [&[Binding]; 1] = [&admin::VIEW];
    pub static JOURNAL: [&[Binding]; 1] = [&admin::JOURNAL];
    pub static PASSWORD: [&[Binding]; 1] = [&admin::PASSWORD];
}

/// The rows of a mode's key table, in order (every row, mutating ones included). Each view lists
/// only the keys that do something there.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    let parts: Parts = match mode {
        Mode::Pools => &parts::POOLS,
        Mode::Overview => &parts::OVERVIEW,
        Mode::Table => &parts::TABLE,
        Mode::Users => &parts::USERS,
        Mode::Detail => &parts::DETAIL_KEYS,
        Mode::UserDetail => &parts::USER_DETAIL,
        Mode::Help => &parts::HELP,
        Mode::Text => &parts::TEXT,
        Mode::Form => &parts::FORM,
        Mode::Dialog => &parts::DIALOG,
        Mode::Menu => &parts::MENU,
        Mode::View => &parts::VIEW,
        Mode::Journal => &parts::JOURNAL,
        Mode::Password => &parts::PASSWORD,
    };
    parts.iter().copied().flatten()
}

/// The rows that work now: under `--read-only` the mutating ones are left out.
pub fn available(mode: Mode, read_only: bool) -> impl Iterator<Item = &'static Binding> {
    bindings(mode).filter(move |b| !(read_only && b.mutating))
}

/// The action for a key press in the current mode.
pub fn action_for_key(state: &State, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let mode = mode(state);
    if mode.takes_text() {
        return text_key(event).map(Action::Input);
    }
    // Shift is part of the character itself ('G', '?'), so only Ctrl and Alt must match.
    let pressed = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let found = available(mode, state.context.read_only).find(|b| {
        b.keys
            .iter()
            .any(|k| k.code == event.code && k.mods == pressed)
    });
    match (found, mode) {
        (Some(b), _) => Some(b.action.clone()),
        // Any other key closes help.
        (None, Mode::Help) => Some(Action::ToggleHelp),
        (None, _) => None,
    }
}

fn text_key(event: KeyEvent) -> Option<InputKey> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char('c' | 'g') if ctrl => InputKey::Cancel,
        KeyCode::Char('a') if ctrl => InputKey::Home,
        KeyCode::Char('e') if ctrl => InputKey::End,
        KeyCode::Char('p') if ctrl => InputKey::Generate,
        KeyCode::Char('u') if ctrl => InputKey::Clear,
        KeyCode::Char('r') if ctrl => InputKey::Reveal,
        KeyCode::Char(c) if !ctrl => InputKey::Char(c),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Context;

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
            Some(Action::User(crate::app::user_ops::UserOp::ToggleEnabled))
        );
        state.context.read_only = true;
        for c in ['x', 'D', 'c', 'e', 'p', 'R', 'o', 'b', ' ', '+', '-', 'M'] {
            assert_eq!(action_for_key(&state, press(c)), None, "{c}");
        }
        assert_eq!(
            action_for_key(&state, press('v')),
            Some(Action::User(crate::app::user_ops::UserOp::Devices))
        );
        assert!(available(Mode::Users, true).all(|b| !b.mutating));
        assert!(bindings(Mode::Users).any(|b| b.mutating));
    }
}
