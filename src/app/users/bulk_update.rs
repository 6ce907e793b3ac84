//! Bulk changes: the plan (confirmed by typing the count), the run (a step per user, Esc stops
//! it), and the results.

use crate::app::action::InputKey;
use crate::app::effect::{ApiCall, Change, Effect};
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::state::{Overlay, State, Tab};
use crate::app::users::bulk::{BulkAction, BulkPhase, BulkRun};
use crate::app::users::dialog_update::copy_command;
use crate::cognito::Username;

/// Shows the plan for the marked users.
pub fn open_plan(state: &mut State, op: BulkAction) -> Vec<Effect> {
    let users: Vec<String> = state
        .pool
        .as_ref()
        .map(|p| p.marks.iter().cloned().collect())
        .unwrap_or_default();
    if users.is_empty() {
        state.toast = Some("No users are marked".to_owned());
        return Vec::new();
    }
    state.overlay = Overlay::Bulk(Box::new(BulkRun::new(op, users)));
    Vec::new()
}

pub fn bulk_key(state: &mut State, mut run: Box<BulkRun>, key: InputKey) -> Vec<Effect> {
    let mut effects = Vec::new();
    match (&run.phase, key) {
        (_, InputKey::CopyCommand) => {
            let commands = state.pool.as_ref().map(|pool| run.aws_commands(&pool.id));
            effects = copy_command(state, commands);
        }
        (BulkPhase::Running(request), InputKey::Cancel) => {
            effects.push(Effect::Cancel(*request));
            run.phase = BulkPhase::Finished { cancelled: true };
            effects.extend(finish(state, &run));
        }
        (BulkPhase::Plan | BulkPhase::Finished { .. }, InputKey::Cancel)
        | (BulkPhase::Finished { .. }, InputKey::Submit) => return Vec::new(),
        (BulkPhase::Plan, InputKey::Submit) => {
            let count = run.users.len().to_string();
            if run.typed.value().trim() == count {
                effects = start(state, &mut run);
            } else {
                run.error = Some(format!("type {count} (the number of users) to confirm"));
            }
        }
        (BulkPhase::Plan, key) => {
            if run.typed.edit(key) {
                run.error = None;
            }
        }
        (BulkPhase::Running(_) | BulkPhase::Finished { .. }, _) => {}
    }
    state.overlay = Overlay::Bulk(run);
    effects
}

fn start(state: &mut State, run: &mut BulkRun) -> Vec<Effect> {
    let Some(pool) = state.pool.as_ref().map(|p| p.id.clone()) else {
        return Vec::new();
    };
    if state.context.read_only {
        run.error = Some("refused: the console runs with --read-only".to_owned());
        return Vec::new();
    }
    let request = state.request_id();
    run.phase = BulkPhase::Running(request);
    run.error = None;
    vec![Effect::Api {
        request,
        call: ApiCall::Change(Change::Bulk {
            pool,
            op: run.op.clone(),
            users: run.users.iter().map(Username::new).collect(),
        }),
    }]
}

/// One user done (or failed).
pub fn step(state: &mut State, request: RequestId, user: String, error: Option<ErrorInfo>) {
    if let Overlay::Bulk(run) = &mut state.overlay
        && run.phase == BulkPhase::Running(request)
    {
        run.results.push((user, error));
    }
}

/// The run ended (`Done`) or failed as a whole.
pub fn ended(
    state: &mut State,
    request: RequestId,
    error: Option<ErrorInfo>,
) -> Option<Vec<Effect>> {
    let Overlay::Bulk(run) = &mut state.overlay else {
        return None;
    };
    if run.phase != BulkPhase::Running(request) {
        return None;
    }
    // A run that fails as a whole stopped at an error every other user would meet too: the users
    // after it were not tried.
    run.phase = BulkPhase::Finished {
        cancelled: error.is_some(),
    };
    if let Some(e) = error {
        run.error = Some(format!("stopped: {}", e.text));
    }
    let run = run.clone();
    Some(finish(state, &run))
}

/// After a run: the users that changed are unmarked, the toast sums up, the list reloads.
fn finish(state: &mut State, run: &BulkRun) -> Vec<Effect> {
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    for (user, error) in &run.results {
        if error.is_none() {
            pool.marks.remove(user);
        }
    }
    state.toast = Some(format!(
        "{}: {}",
        super::bulk::title(&run.op, run.users.len()),
        run.progress()
    ));
    crate::app::update::requests::load_tab(state, Tab::Users, true)
}
