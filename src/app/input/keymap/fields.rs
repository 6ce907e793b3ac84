//! The keys of text fields: the palette, filter and search fields' own, and the editing keys every
//! field shares (palette, filters, search, forms, dialogs).

use crossterm::event::KeyCode;

use crate::app::action::InputKey;
use crate::app::input::keymap::key::{alt, alt_code, code, ctrl, ctrl_code};
use crate::app::input::keymap::shared::{cancel, select_next, select_previous, submit};
use crate::app::input::keymap::{Binding, input};

/// The palette, the `/` filter and the search form.
pub static TEXT: [Binding; 5] = [
    submit("apply", "apply"),
    cancel("cancel", "cancel"),
    input(
        "complete",
        &[code(KeyCode::Tab)],
        "Tab",
        InputKey::Complete,
        "complete / toggle = and ^=",
        "complete",
    ),
    select_previous("choose (completion or attribute)", "choose"),
    select_next("choose (completion or attribute)", "choose"),
];

/// Editing any field. Typing, Backspace, Delete and ←/→ are not rows: they edit as typed.
pub static EDIT: [Binding; 7] = [
    input(
        "clear",
        &[ctrl('u')],
        "C-u",
        InputKey::Clear,
        "clear the field (typing replaces a selected value)",
        "",
    ),
    input(
        "delete_word",
        &[ctrl('w'), alt_code(KeyCode::Backspace)],
        "C-w",
        InputKey::DeleteWord,
        "delete the word before the cursor",
        "",
    ),
    input(
        "delete_to_end",
        &[ctrl('k')],
        "C-k",
        InputKey::DeleteToEnd,
        "delete to the end of the field",
        "",
    ),
    input(
        "line_start",
        &[code(KeyCode::Home), ctrl('a')],
        "Home",
        InputKey::Home,
        "to the start of the field",
        "",
    ),
    input(
        "line_end",
        &[code(KeyCode::End), ctrl('e')],
        "End",
        InputKey::End,
        "to the end of the field",
        "",
    ),
    input(
        "word_left",
        &[alt('b'), ctrl_code(KeyCode::Left)],
        "A-b/C-←",
        InputKey::WordLeft,
        "back one word",
        "",
    ),
    input(
        "word_right",
        &[alt('f'), ctrl_code(KeyCode::Right)],
        "A-f/C-→",
        InputKey::WordRight,
        "forward one word",
        "",
    ),
];
