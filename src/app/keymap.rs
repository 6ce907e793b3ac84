//! One key table per mode: it dispatches keys, and the same rows make the footer hints and `?` help.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

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
}

const fn bind(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
        hint,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A table: the pools, or a tab of a pool.
    Table,
    Detail,
    Help,
    /// A text field or form has the keys.
    Text,
}

pub fn mode(state: &State) -> Mode {
    match state.overlay {
        Overlay::Help => Mode::Help,
        Overlay::Palette { .. } | Overlay::LocalFilter(_) | Overlay::ServerFilter { .. } => {
            Mode::Text
        }
        Overlay::None if state.detail.is_some() => Mode::Detail,
        Overlay::None => Mode::Table,
    }
}

/// Keys every main mode has, after its own.
static COMMON: [Binding; 3] = [
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

static TABLE: [Binding; 20] = [
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
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "back (or stop loading)",
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
    bind(
        &[key('/')],
        "/",
        Action::OpenLocalFilter,
        "filter the loaded rows (substring, any column)",
        "filter",
    ),
    bind(
        &[key('s')],
        "s",
        Action::OpenServerFilter,
        "search users on the server (email ^= \"ann\")",
        "search",
    ),
    bind(
        &[key('r'), ctrl('r')],
        "r",
        Action::Refresh,
        "reload",
        "reload",
    ),
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

static DETAIL: [Binding; 8] = [
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

static HELP: [Binding; 2] = [
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
static TEXT: [Binding; 4] = [
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
];

/// The rows of a mode's key table, in order.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    let (own, common): (&'static [Binding], &'static [Binding]) = match mode {
        Mode::Table => (&TABLE, &COMMON),
        Mode::Detail => (&DETAIL, &COMMON),
        Mode::Help => (&HELP, &[]),
        Mode::Text => (&TEXT, &[]),
    };
    own.iter().chain(common.iter())
}

/// The action for a key press in the current mode.
pub fn action_for_key(state: &State, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let mode = mode(state);
    if mode == Mode::Text {
        return text_key(event).map(Action::Input);
    }
    // Shift is part of the character itself ('G', '?'), so only Ctrl and Alt must match.
    let pressed = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let found = bindings(mode).find(|b| {
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
        KeyCode::Enter => InputKey::Submit,
        KeyCode::Esc => InputKey::Cancel,
        _ => return None,
    })
}

/// The action for a mouse event; `table_top` is the screen row of the first table row.
pub fn action_for_mouse(state: &State, event: MouseEvent, table_top: u16) -> Option<Action> {
    if mode(state) == Mode::Text {
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
