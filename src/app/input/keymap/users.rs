//! The key tables of user administration: actions on the selected user, marks and bulk, and the
//! forms, dialogs, menus and views they open.

use crossterm::event::KeyCode;

use crate::app::action::{Action, InputKey};
use crate::app::input::keymap::key::{Key, code, ctrl, key};
use crate::app::input::keymap::shared::{
    cancel, close, reload, select_next, select_previous, submit,
};
use crate::app::input::keymap::{Binding, bind, input};
use crate::app::users::menu::BulkChoice;
use crate::app::users::ops::UserOp;

/// On the users table and a user's detail: the action menu.
pub static ACTIONS: [Binding; 1] = [bind(
    "actions",
    &[key('a')],
    "a",
    Action::OpenActionMenu,
    "actions on the selected user (the ones that fit first)",
    "actions",
)];

/// On a user's detail: the verdict's fix. It changes the user (hidden under `--read-only`, where
/// the verdict names the fix without a key).
pub static VERDICT: [Binding; 1] = [bind(
    "fix",
    &[key('F')],
    "F",
    Action::Fix,
    "apply the fix the verdict recommends (opens its dialog or form)",
    "fix",
)
.mutating()];

/// An action on the selected user; every one but looking at devices changes something.
const fn user(
    name: &'static str,
    keys: &'static [Key],
    label: &'static str,
    op: UserOp,
    help: &'static str,
) -> Binding {
    let mut row = bind(name, keys, label, Action::User(op), help, "");
    row.mutating = op.mutates();
    row
}

/// On the users table and a user's detail, and in the action menu: one action each.
pub static USER: [Binding; 13] = [
    user("create", &[key('c')], "c", UserOp::Create, "create a user"),
    user(
        "edit",
        &[key('e')],
        "e",
        UserOp::EditAttributes,
        "edit the user's attributes",
    ),
    user(
        "disable",
        &[key('x')],
        "x",
        UserOp::ToggleEnabled,
        "disable / enable the user",
    ),
    user(
        "set_password",
        &[key('p')],
        "p",
        UserOp::SetPassword,
        "set a password (temporary or permanent)",
    ),
    user(
        "reset_password",
        &[key('R')],
        "R",
        UserOp::ResetPassword,
        "reset the password (the user gets a code)",
    ),
    user(
        "resend_invitation",
        &[key('I')],
        "I",
        UserOp::ResendInvitation,
        "resend the invitation (FORCE_CHANGE_PASSWORD users)",
    ),
    user(
        "confirm_sign_up",
        &[key('C')],
        "C",
        UserOp::ConfirmSignUp,
        "confirm the sign-up (UNCONFIRMED users)",
    ),
    user(
        "sign_out",
        &[key('o')],
        "o",
        UserOp::SignOut,
        "sign the user out everywhere",
    ),
    user(
        "add_to_group",
        &[key('+')],
        "+",
        UserOp::AddToGroup,
        "add the user to a group",
    ),
    user(
        "remove_from_group",
        &[key('-')],
        "-",
        UserOp::RemoveFromGroup,
        "remove the user from a group",
    ),
    user(
        "mfa",
        &[key('M')],
        "M",
        UserOp::Mfa,
        "show and reset the user's MFA",
    ),
    user(
        "devices",
        &[key('v')],
        "v",
        UserOp::Devices,
        "devices and sign-in history",
    )
    .hinted("sign-ins"),
    user(
        "delete",
        &[key('D')],
        "D",
        UserOp::Delete,
        "delete the user (type the username to confirm)",
    ),
];

/// Marks for bulk changes, on the users table.
pub static MARKS: [Binding; 4] = [
    bind(
        "mark",
        &[key(' ')],
        "Space",
        Action::ToggleMark,
        "mark / unmark the selected user (then the next one)",
        "",
    )
    .mutating(),
    bind(
        "mark_shown",
        &[key('*')],
        "*",
        Action::MarkShown,
        "mark every user the filter shows",
        "",
    )
    .mutating(),
    bind(
        "clear_marks",
        &[key('u')],
        "u",
        Action::ClearMarks,
        "clear the marks",
        "",
    )
    .mutating(),
    bind(
        "bulk",
        &[key('b')],
        "b",
        Action::OpenBulkMenu,
        "act on the marked users (bulk menu)",
        "",
    )
    .mutating(),
];

pub static FORM: [Binding; 7] = [
    submit("check and send", "send"),
    cancel("cancel", "cancel"),
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

pub static DIALOG: [Binding; 3] = [
    submit("confirm", "confirm"),
    cancel("cancel (a running bulk change: stop it)", "cancel"),
    input(
        "copy_command",
        &[ctrl('y')],
        "C-y",
        InputKey::CopyCommand,
        "copy the AWS CLI command that makes the same change (a bulk plan: a line per user; secrets masked)",
        "copy aws",
    ),
];

/// The action menu, the bulk menu and the group picker.
pub static MENU: [Binding; 4] = [
    select_previous("choose", "choose"),
    select_next("choose", "choose"),
    submit("run the chosen action (or press its key)", "run"),
    cancel("close", "close"),
];

/// One action on every marked user each, from the bulk menu.
const fn bulk(
    name: &'static str,
    keys: &'static [Key],
    label: &'static str,
    choice: BulkChoice,
    help: &'static str,
) -> Binding {
    bind(name, keys, label, Action::Bulk(choice), help, "").mutating()
}

pub static BULK: [Binding; 6] = [
    bulk(
        "bulk_disable",
        &[key('x')],
        "x",
        BulkChoice::Disable,
        "disable the marked users",
    ),
    bulk(
        "bulk_enable",
        &[key('n')],
        "n",
        BulkChoice::Enable,
        "enable the marked users",
    ),
    bulk(
        "bulk_sign_out",
        &[key('o')],
        "o",
        BulkChoice::SignOut,
        "sign the marked users out everywhere",
    ),
    bulk(
        "bulk_add_to_group",
        &[key('+')],
        "+",
        BulkChoice::AddToGroup,
        "add the marked users to a group",
    ),
    bulk(
        "bulk_remove_from_group",
        &[key('-')],
        "-",
        BulkChoice::RemoveFromGroup,
        "remove the marked users from a group",
    ),
    bulk(
        "bulk_delete",
        &[key('D')],
        "D",
        BulkChoice::Delete,
        "delete the marked users",
    ),
];

/// A change in the devices view: the key goes to the view, which asks before sending it.
const fn view_change(
    name: &'static str,
    key_char: char,
    keys: &'static [Key],
    label: &'static str,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    bind(
        name,
        keys,
        label,
        Action::Input(InputKey::Char(key_char)),
        help,
        hint,
    )
    .mutating()
}

pub static VIEW: [Binding; 11] = [
    select_previous("move / scroll", "move"),
    select_next("move / scroll", "move"),
    input(
        "switch_focus",
        &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        "Tab",
        InputKey::Complete,
        "switch between the devices and the sign-in history",
        "switch",
    ),
    input(
        "raw_json",
        &[key('y')],
        "y",
        InputKey::Char('y'),
        "the selected device's or sign-in's raw JSON, as the service sent it (again: the lists)",
        "json",
    ),
    view_change(
        "forget",
        'f',
        &[key('f')],
        "f",
        "forget the selected device (Enter confirms)",
        "forget",
    ),
    view_change(
        "set_remembered",
        'm',
        &[key('m')],
        "m",
        "set the selected device remembered (Enter confirms)",
        "",
    ),
    view_change(
        "set_not_remembered",
        'n',
        &[key('n')],
        "n",
        "set the selected device not remembered: it must pass MFA again (Enter confirms)",
        "",
    ),
    view_change(
        "mark_valid",
        'v',
        &[key('v')],
        "v",
        "mark the selected sign-in valid: it was the user; only once you have verified who you are talking to (Enter confirms)",
        "valid",
    ),
    view_change(
        "mark_invalid",
        'i',
        &[key('i')],
        "i",
        "mark the selected sign-in invalid: it was not the user (Enter confirms)",
        "invalid",
    ),
    reload(Action::Input(InputKey::Char('r'))),
    close(),
];

/// A secret shown once: the password the console chose, after it was set; an app client's
/// secret, on `S`. The row keeps its first name, `reveal_password`, for the configs that use it.
pub static SECRET: [Binding; 4] = [
    input(
        "reveal_password",
        &[key('r'), ctrl('r')],
        "r",
        InputKey::Reveal,
        "show / hide the password or secret",
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
    submit("close (it is forgotten: not shown again)", "close"),
    cancel("close (it is forgotten: not shown again)", "close"),
];

pub static JOURNAL: [Binding; 4] = [
    select_previous("scroll", "scroll"),
    select_next("scroll", "scroll"),
    reload(Action::Input(InputKey::Char('r'))),
    close(),
];
