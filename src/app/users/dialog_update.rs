//! Keys in the confirmation dialogs and the journal (the devices view's: `devices_update`).

use crate::app::action::InputKey;
use crate::app::effect::{ApiCall, Change, Effect};
use crate::app::form::Submit;
use crate::app::remote::Remote;
use crate::app::state::{Overlay, State};
use crate::app::users::dialog::Dialog;
use crate::app::users::journal::{JOURNAL_ENTRIES, JournalView};
use crate::cognito::secrets::MASK;
use crate::cognito::types::Secret;
use crate::cognito::{Username, aws_cli};

pub fn dialog_key(state: &mut State, mut dialog: Box<Dialog>, key: InputKey) -> Vec<Effect> {
    if dialog.submit.is_submitting() {
        state.overlay = Overlay::Dialog(dialog);
        return Vec::new();
    }
    let mut effects = Vec::new();
    match key {
        InputKey::Cancel => {
            return match dialog.mfa {
                Some(Remote::Loading(request)) => vec![Effect::Cancel(request)],
                _ => Vec::new(),
            };
        }
        InputKey::CopyCommand => effects = copy_command(state, aws_command(state, &dialog)),
        InputKey::Submit => match dialog.ready() {
            Err(why) => dialog.hint = Some(why),
            Ok(()) => effects = send(state, &mut dialog),
        },
        key => {
            if let Some(typed) = dialog.typed.as_mut()
                && typed.edit(key)
            {
                dialog.hint = None;
                if matches!(dialog.submit, Submit::Failed(_)) {
                    dialog.submit = Submit::Editing;
                }
            }
        }
    }
    state.overlay = Overlay::Dialog(dialog);
    effects
}

/// The AWS CLI command that makes the dialog's change: the request the worker would send.
pub fn aws_command(state: &State, dialog: &Dialog) -> Option<String> {
    let pool = &state.pool.as_ref()?.id;
    let input = dialog.op.input(pool, &Username::new(&dialog.user));
    Some(aws_cli::command(dialog.op.operation(), &input))
}

/// Ctrl-Y in any action dialog: the AWS CLI command (or one per line) to the clipboard, said on
/// the status line. A secret in it (an identity provider's) is left masked, and the toast says
/// so; `None`: nothing is written yet to copy.
pub fn copy_command(state: &mut State, command: Option<String>) -> Vec<Effect> {
    let Some(command) = command else {
        state.toast = Some("Nothing to copy yet: the change is not written".to_owned());
        return Vec::new();
    };
    let context = &state.context;
    let endpoint =
        (!context.is_aws && !context.endpoint.is_empty()).then_some(context.endpoint.as_str());
    let command = command
        .lines()
        .map(|line| aws_cli::aimed(line, &context.region, context.profile.as_deref(), endpoint))
        .collect::<Vec<_>>()
        .join("\n");
    state.toast = Some(if command.contains(MASK) {
        format!("AWS CLI command copied (OSC 52); fill in each {MASK} (a secret is never copied)")
    } else {
        "AWS CLI command copied (OSC 52)".to_owned()
    });
    vec![Effect::CopyToClipboard(Secret::new(&command))]
}

fn send(state: &mut State, dialog: &mut Dialog) -> Vec<Effect> {
    let Some(pool) = state.pool.as_ref().map(|p| p.id.clone()) else {
        return Vec::new();
    };
    let request = state.request_id();
    dialog.submit = Submit::Submitting(request);
    dialog.hint = None;
    vec![Effect::Api {
        request,
        call: ApiCall::Change(Change::User {
            pool,
            user: Username::new(&dialog.user),
            op: dialog.op.clone(),
        }),
    }]
}

/// `:journal`: opens the view and asks the worker for the last entries.
pub fn open_journal(state: &mut State) -> Vec<Effect> {
    let request = state.request_id();
    state.overlay = Overlay::Journal(JournalView {
        entries: Remote::Loading(request),
        scroll: 0,
    });
    vec![Effect::ReadJournal {
        request,
        last: JOURNAL_ENTRIES,
    }]
}

pub fn journal_key(state: &mut State, mut view: JournalView, key: InputKey) -> Vec<Effect> {
    let count = view.entries.loaded().map_or(0, Vec::len);
    match key {
        InputKey::Cancel | InputKey::Char('q') => return Vec::new(),
        InputKey::Up => view.scroll = view.scroll.saturating_sub(1),
        InputKey::Down => view.scroll = (view.scroll + 1).min(count.saturating_sub(1)),
        InputKey::Home => view.scroll = 0,
        InputKey::End => view.scroll = count.saturating_sub(1),
        InputKey::Char('r') => return open_journal(state),
        _ => {}
    }
    state.overlay = Overlay::Journal(view);
    Vec::new()
}
