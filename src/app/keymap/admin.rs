//! The key tables of user administration: actions on the selected user, marks and bulk, and the
//! forms, dialogs, menus and views they open.

use crossterm::event::KeyCode;

use super::key::{code, ctrl, key};
use super::{Binding, bind, input, mutating};
use crate::app::action::{Action, InputKey};
use crate::app::menu::BulkChoice;
use crate::app::user_ops::UserOp;

/// On the users table and a user's detail: the action menu.
pub static ACTIONS: [Binding; 1] = [bind(
    "actions",
    &[key('a')],
    "a",
    Action::OpenActionMenu,
    "actions on the selected user (the ones that fit first)",
    "actions",
)];

/// On the users table and a user's detail, and in the action menu: one action each.
pub static USER: [Binding; 13] = [
    mutating(
        "create",
        &[key('c')],
        "c",
        Action::User(UserOp::Create),
        "create a user",
        "",
    ),
    mutating(
        "edit",
        &[key('e')],
        "e",
        Action::User(UserOp::EditAttributes),
        "edit the user's attributes",
        "",
    ),
    mutating(
        "disable",
        &[key('x')],
        "x",
        Action::User(UserOp::ToggleEnabled),
        "disable / enable the user",
        "",
    ),
    mutating(
        "set_password",
        &[key('p')],
        "p",
        Action::User(UserOp::SetPassword),
        "set a password (temporary or permanent)",
        "",
    ),
    mutating(
        "reset_password",
        &[key('R')],
        "R",
        Action::User(UserOp::ResetPassword),
        "reset the password (the user gets a code)",
        "",
    ),
    mutating(
        "resend_invitation",
        &[key('I')],
        "I",
        Action::User(UserOp::ResendInvitation),
        "resend the invitation (FORCE_CHANGE_PASSWORD users)",
        "",
    ),
    mutating(
        "confirm_sign_up",
        &[key('C')],
        "C",
        Action::User(UserOp::ConfirmSignUp),
        "confirm the sign-up (UNCONFIRMED users)",
        "",
    ),
    mutating(
        "sign_out",
        &[key('o')],
        "o",
        Action::User(UserOp::SignOut),
        "sign the user out everywhere",
        "",
    ),
    mutating(
        "add_to_group",
        &[key('+')],
        "+",
        Action::User(UserOp::AddToGroup),
        "add the user to a group",
        "",
    ),
    mutating(
        "remove_from_group",
        &[key('-')],
        "-",
        Action::User(UserOp::RemoveFromGroup),
        "remove the user from a group",
        "",
    ),
    mutating(
        "mfa",
        &[key('M')],
        "M",
        Action::User(UserOp::Mfa),
        "show and reset the user's MFA",
        "",
    ),
    bind(
        "devices",
        &[key('v')],
        "v",
        Action::User(UserOp::Devices),
        "devices and sign-in history",
        "",
    ),
    mutating(
        "delete",
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
        "mark",
        &[key(' ')],
        "Space",
        Action::ToggleMark,
        "mark / unmark the selected user (then the next one)",
        "",
    ),
    mutating(
        "mark_shown",
        &[key('*')],
        "*",
        Action::MarkShown,
        "mark every user the filter shows",
        "",
    ),
    mutating(
        "clear_marks",
        &[key('u')],
        "u",
        Action::ClearMarks,
        "clear the marks",
        "",
    ),
    mutating(
        "bulk",
        &[key('b')],
        "b",
        Action::OpenBulkMenu,
        "act on the marked users (bulk menu)",
        "",
    ),
];

pub static FORM: [Binding; 7] = [
    input(
        "submit",
        &[code(KeyCode::Enter)],
        "Enter",
        InputKey::Submit,
        "check and send",
        "send",
    ),
    input(
        "cancel",
        &[code(KeyCode::Esc)],
        "Esc",
        InputKey::Cancel,
        "cancel",
        "cancel",
    ),
    input(
        "next_field",
        &[code(KeyCode::Tab), code(KeyCode::Down)],
        "Tab/↓",
        InputKey::Complete,
        "next field",
        "next",
    ),
    input(
        "previous_field",
        &[code(KeyCode::BackTab), code(KeyCode::Up)],
        "S-Tab/↑",
        InputKey::BackTab,
        "previous field",
        "previous",
    ),
    // Typing keys, as a choice or a toggle takes them: not a row of its own to rebind.
    input(
        "",
        &[],
        "Space/←→",
        InputKey::Char(' '),
        "change a choice or a toggle",
        "choose",
    ),
    input(
        "generate",
        &[ctrl('p')],
        "C-p",
        InputKey::Generate,
        "generate a password that meets the pool's policy",
        "generate",
    ),
    input(
        "reveal",
        &[ctrl('r')],
        "C-r",
        InputKey::Reveal,
        "show / hide the password typed",
        "show",
    ),
];

pub static DIALOG: [Binding; 2] = [
    input(
        "submit",
        &[code(KeyCode::Enter)],
        "Enter",
        InputKey::Submit,
        "confirm",
        "confirm",
    ),
    input(
        "cancel",
        &[code(KeyCode::Esc)],
        "Esc",
        InputKey::Cancel,
        "cancel (a running bulk change: stop it)",
        "cancel",
    ),
];

/// The action menu, the bulk menu and the group picker.
pub static MENU: [Binding; 4] = [
    input(
        "select_previous",
        &[code(KeyCode::Up)],
        "↑",
        InputKey::Up,
        "choose",
        "choose",
    ),
    input(
        "select_next",
        &[code(KeyCode::Down)],
        "↓",
        InputKey::Down,
        "choose",
        "choose",
    ),
    input(
        "submit",
        &[code(KeyCode::Enter)],
        "Enter",
        InputKey::Submit,
        "run the chosen action (or press its key)",
        "run",
    ),
    input(
        "cancel",
        &[code(KeyCode::Esc)],
        "Esc",
        InputKey::Cancel,
        "close",
        "close",
    ),
];

/// The bulk menu: one action on every marked user each.
pub static BULK: [Binding; 6] = [
    mutating(
        "bulk_disable",
        &[key('x')],
        "x",
        Action::Bulk(BulkChoice::Disable),
        "disable the marked users",
        "",
    ),
    mutating(
        "bulk_enable",
        &[key('n')],
        "n",
        Action::Bulk(BulkChoice::Enable),
        "enable the marked users",
        "",
    ),
    mutating(
        "bulk_sign_out",
        &[key('o')],
        "o",
        Action::Bulk(BulkChoice::SignOut),
        "sign the marked users out everywhere",
        "",
    ),
    mutating(
        "bulk_add_to_group",
        &[key('+')],
        "+",
        Action::Bulk(BulkChoice::AddToGroup),
        "add the marked users to a group",
        "",
    ),
    mutating(
        "bulk_remove_from_group",
        &[key('-')],
        "-",
        Action::Bulk(BulkChoice::RemoveFromGroup),
        "remove the marked users from a group",
        "",
    ),
    mutating(
        "bulk_delete",
        &[key('D')],
        "D",
        Action::Bulk(BulkChoice::Delete),
        "delete the marked users",
        "",
    ),
];

pub static VIEW: [Binding; 5] = [
    input(
        "select_previous",
        &[code(KeyCode::Up)],
        "↑",
        InputKey::Up,
        "move / scroll",
        "move",
    ),
    input(
        "select_next",
        &[code(KeyCode::Down)],
        "↓",
        InputKey::Down,
        "move / scroll",
        "move",
    ),
    mutating(
        "forget",
        &[key('f')],
        "f",
        Action::Input(InputKey::Char('f')),
        "forget the selected device (Enter confirms)",
        "forget",
    ),
    input(
        "reload",
        &[key('r'), ctrl('r')],
        "r",
        InputKey::Char('r'),
        "reload",
        "reload",
    ),
    input(
        "close",
        &[code(KeyCode::Esc), key('q')],
        "Esc",
        InputKey::Cancel,
        "close",
        "close",
    ),
];

/// The password the console chose, shown once after it was set.
pub static PASSWORD: [Binding; 4] = [
    input(
        "reveal_password",
        &[key('r'), ctrl('r')],
        "r",
        InputKey::Reveal,
        "show / hide the password",
        "show",
    ),
    input(
        "copy",
        &[key('c'), key('y')],
        "c",
        InputKey::Char('c'),
        "copy it to the clipboard (through the terminal: OSC 52)",
        "copy",
    ),
    input(
        "submit",
        &[code(KeyCode::Enter)],
        "Enter",
        InputKey::Submit,
        "close (the password is not shown again)",
        "close",
    ),
    input(
        "cancel",
        &[code(KeyCode::Esc)],
        "Esc",
        InputKey::Cancel,
        "close (the password is not shown again)",
        "close",
    ),
];

pub static JOURNAL: [Binding; 4] = [
    input(
        "select_previous",
        &[code(KeyCode::Up)],
        "↑",
        InputKey::Up,
        "scroll",
        "scroll",
    ),
    input(
        "select_next",
        &[code(KeyCode::Down)],
        "↓",
        InputKey::Down,
        "scroll",
        "scroll",
    ),
    input(
        "reload",
        &[key('r'), ctrl('r')],
        "r",
        InputKey::Char('r'),
        "reload",
        "reload",
    ),
    input(
        "close",
        &[code(KeyCode::Esc), key('q')],
        "Esc",
        InputKey::Cancel,
        "close",
        "close",
    ),
];
