//! The key tables of user administration: actions on the selected user, marks and bulk, and the
//! forms, dialogs, menus and views they open.

use crossterm::event::KeyCode;

use super::{Binding, bind, code, ctrl, key, mutating};
use crate::app::action::{Action, InputKey};
use crate::app::user_ops::UserOp;

/// On the users table and a user's detail.
pub static USER: [Binding; 14] = [
    bind(
        &[key('a')],
        "a",
        Action::OpenActionMenu,
        "actions on the selected user (the ones that fit first)",
        "actions",
    ),
    mutating(
        &[key('c')],
        "c",
        Action::User(UserOp::Create),
        "create a user",
        "",
    ),
    mutating(
        &[key('e')],
        "e",
        Action::User(UserOp::EditAttributes),
        "edit the user's attributes",
        "",
    ),
    mutating(
        &[key('x')],
        "x",
        Action::User(UserOp::ToggleEnabled),
        "disable / enable the user",
        "",
    ),
    mutating(
        &[key('p')],
        "p",
        Action::User(UserOp::SetPassword),
        "set a password (temporary or permanent)",
        "",
    ),
    mutating(
        &[key('R')],
        "R",
        Action::User(UserOp::ResetPassword),
        "reset the password (the user gets a code)",
        "",
    ),
    mutating(
        &[key('I')],
        "I",
        Action::User(UserOp::ResendInvitation),
        "resend the invitation (FORCE_CHANGE_PASSWORD users)",
        "",
    ),
    mutating(
        &[key('C')],
        "C",
        Action::User(UserOp::ConfirmSignUp),
        "confirm the sign-up (UNCONFIRMED users)",
        "",
    ),
    mutating(
        &[key('o')],
        "o",
        Action::User(UserOp::SignOut),
        "sign the user out everywhere",
        "",
    ),
    mutating(
        &[key('+')],
        "+",
        Action::User(UserOp::AddToGroup),
        "add the user to a group",
        "",
    ),
    mutating(
        &[key('-')],
        "-",
        Action::User(UserOp::RemoveFromGroup),
        "remove the user from a group",
        "",
    ),
    mutating(
        &[key('M')],
        "M",
        Action::User(UserOp::Mfa),
        "show and reset the user's MFA",
        "",
    ),
    bind(
        &[key('v')],
        "v",
        Action::User(UserOp::Devices),
        "devices and sign-in history",
        "",
    ),
    mutating(
        &[key('D')],
        "D",
        Action::User(UserOp::Delete),
        "delete the user (type the username to confirm)",
        "",
    ),
];

/// Marks for bulk changes, on the users table.
pub static MARKS: [Binding; 4] = [
    mutating(
        &[key(' ')],
        "Space",
        Action::ToggleMark,
        "mark / unmark the selected user (then the next one)",
        "",
    ),
    mutating(
        &[key('*')],
        "*",
        Action::MarkShown,
        "mark every user the filter shows",
        "",
    ),
    mutating(&[key('u')], "u", Action::ClearMarks, "clear the marks", ""),
    mutating(
        &[key('b')],
        "b",
        Action::OpenBulkMenu,
        "act on the marked (so do x o D + -)",
        "",
    ),
];

const fn input(
    keys: &'static [super::Key],
    label: &'static str,
    key: InputKey,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    bind(keys, label, Action::Input(key), help, hint)
}

pub static FORM: [Binding; 8] = [
    input(
        &[code(KeyCode::Enter)],
        "Enter",
        InputKey::Submit,
        "check and send",
        "send",
    ),
    input(
        &[code(KeyCode::Esc)],
        "Esc",
        InputKey::Cancel,
        "cancel",
        "cancel",
    ),
    input(
        &[code(KeyCode::Tab), code(KeyCode::Down)],
        "Tab/↓",
        InputKey::Complete,
        "next field",
        "next",
    ),
    input(
        &[code(KeyCode::BackTab), code(KeyCode::Up)],
        "S-Tab/↑",
        InputKey::BackTab,
        "previous field",
        "previous",
    ),
    input(
        &[key(' '), code(KeyCode::Left), code(KeyCode::Right)],
        "Space/←→",
        InputKey::Char(' '),
        "change a choice or a toggle",
        "choose",
    ),
    input(
        &[ctrl('p')],
        "C-p",
        InputKey::Generate,
        "generate a password that meets the pool's policy",
        "generate",
    ),
    input(
        &[ctrl('r')],
        "C-r",
        InputKey::Reveal,
        "show / hide the password typed",
        "show",
    ),
    input(&[ctrl('u')], "C-u", InputKey::Clear, "clear the field", ""),
];

pub static DIALOG: [Binding; 2] = [
    input(
        &[code(KeyCode::Enter)],
        "Enter",
        InputKey::Submit,
        "confirm",
        "confirm",
    ),
    input(
        &[code(KeyCode::Esc)],
        "Esc",
        InputKey::Cancel,
        "cancel (a running bulk change: stop it)",
        "cancel",
    ),
];

pub static MENU: [Binding; 3] = [
    input(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑/↓",
        InputKey::Down,
        "choose",
        "choose",
    ),
    input(
        &[code(KeyCode::Enter)],
        "Enter",
        InputKey::Submit,
        "run the chosen action (or press its key)",
        "run",
    ),
    input(
        &[code(KeyCode::Esc)],
        "Esc",
        InputKey::Cancel,
        "close",
        "close",
    ),
];

pub static VIEW: [Binding; 4] = [
    input(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑/↓",
        InputKey::Down,
        "move / scroll",
        "move",
    ),
    mutating(
        &[key('f')],
        "f",
        Action::Input(InputKey::Char('f')),
        "forget the selected device (Enter confirms)",
        "forget",
    ),
    input(&[key('r')], "r", InputKey::Char('r'), "reload", "reload"),
    input(
        &[code(KeyCode::Esc), key('q')],
        "Esc",
        InputKey::Cancel,
        "close",
        "close",
    ),
];

/// The password the console chose, shown once after it was set.
pub static PASSWORD: [Binding; 3] = [
    input(
        &[key('r'), ctrl('r')],
        "r",
        InputKey::Reveal,
        "show / hide the password",
        "show",
    ),
    input(
        &[key('c'), key('y')],
        "c",
        InputKey::Char('c'),
        "copy it to the clipboard (through the terminal: OSC 52)",
        "copy",
    ),
    input(
        &[code(KeyCode::Enter), code(KeyCode::Esc)],
        "Enter/Esc",
        InputKey::Cancel,
        "close (the password is not shown again)",
        "close",
    ),
];

pub static JOURNAL: [Binding; 3] = [
    input(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑/↓",
        InputKey::Down,
        "scroll",
        "scroll",
    ),
    input(&[key('r')], "r", InputKey::Char('r'), "reload", "reload"),
    input(
        &[code(KeyCode::Esc), key('q')],
        "Esc",
        InputKey::Cancel,
        "close",
        "close",
    ),
];
