//! Marks for bulk changes: Space marks the cursor's user, `*` every user shown, `u` clears them.
//! While users are marked, a direct key whose action exists in bulk acts on the marked users (its
//! bulk plan, confirmed by typing the count); any other single-user action says in its title that
//! it acts on one user only. Marks belong to the listing they were made in: another search clears
//! them, a reload keeps those of the users it lists again.

use crate::app::action::Action;
use crate::app::browse::table::Row as _;
use crate::app::effect::Effect;
use crate::app::input::keymap::Mode;
use crate::app::state::{PoolState, State, Tab};
use crate::app::users::bulk::BulkAction;
use crate::app::users::bulk_update::open_plan;
use crate::app::users::menu::PickFor;
use crate::app::users::menu_update::open_picker;
use crate::app::users::ops::UserOp;

/// `3 users are marked` / `1 user is marked`.
fn marked(count: usize) -> String {
    if count == 1 {
        "1 user is marked".to_owned()
    } else {
        format!("{count} users are marked")
    }
}

/// The bulk form of a direct key pressed on the users table while users are marked; `None` when
/// nothing is marked, the key has no bulk form, or a user's detail is open (its keys are about
/// the user shown).
pub fn bulk_instead(state: &mut State, op: UserOp) -> Option<Vec<Effect>> {
    let pool = state.pool.as_ref()?;
    if pool.marks.is_empty() || pool.tab != Tab::Users || state.detail.is_some() {
        return None;
    }
    let count = pool.marks.len();
    let effects = match op {
        UserOp::ToggleEnabled => {
            let disabled = pool
                .users
                .table
                .rows()
                .iter()
                .filter(|r| !r.enabled && pool.marks.contains(r.key()))
                .count();
            let action = if disabled == count {
                BulkAction::Enable
            } else {
                BulkAction::Disable
            };
            open_plan(state, action)
        }
        UserOp::SignOut => open_plan(state, BulkAction::SignOut),
        UserOp::Delete => open_plan(state, BulkAction::Delete),
        UserOp::AddToGroup => open_picker(state, PickFor::Marked, true),
        UserOp::RemoveFromGroup => open_picker(state, PickFor::Marked, false),
        _ => return None,
    };
    state.toast = Some(format!(
        "{}: {} acts on them ({} clears the marks)",
        marked(count),
        key_of(state, &Action::User(op)),
        key_of(state, &Action::ClearMarks)
    ));
    Some(effects)
}

/// What a single-user dialog or form adds to its title while users are marked:
/// ` only — 3 users are marked (b acts on the marked)`.
pub fn only_note(state: &State) -> Option<String> {
    let count = state.pool.as_ref().map_or(0, |p| p.marks.len());
    (count > 0).then(|| {
        format!(
            " only — {} ({} acts on the marked)",
            marked(count),
            key_of(state, &Action::OpenBulkMenu)
        )
    })
}

/// The user's key for `action` on the users table, as the footer writes it.
pub fn key_of(state: &State, action: &Action) -> String {
    state.keys.key_for(Mode::Users, action).into_owned()
}

pub fn toggle(state: &mut State) -> Vec<Effect> {
    let Some(pool) = state.pool.as_mut().filter(|p| p.tab == Tab::Users) else {
        return Vec::new();
    };
    let Some(name) = pool.users.table.selected().map(|r| r.username.to_string()) else {
        return Vec::new();
    };
    if !pool.marks.remove(&name) {
        pool.marks.insert(name);
    }
    // Space marks and moves on, so that a run of users is marked by holding it.
    pool.users.table.move_by(1);
    Vec::new()
}

pub fn mark_shown(state: &mut State) -> Vec<Effect> {
    let Some(pool) = state.pool.as_mut().filter(|p| p.tab == Tab::Users) else {
        return Vec::new();
    };
    let table = &pool.users.table;
    let names: Vec<String> = (0..table.visible_len())
        .filter_map(|i| table.visible_row(i).map(|r| r.username.to_string()))
        .collect();
    let added = names.len();
    pool.marks.extend(names);
    state.toast = Some(format!(
        "{added} shown users marked ({} in all)",
        pool.marks.len()
    ));
    Vec::new()
}

/// A users listing was loaded to the end: marks of users it no longer lists are dropped (a bulk
/// change must not reach users the table does not show). Says how many, if any.
pub fn keep_listed(pool: &mut PoolState) -> Option<String> {
    let before = pool.marks.len();
    let rows = pool.users.table.rows();
    let listed: std::collections::BTreeSet<&str> = rows.iter().map(|r| &*r.username).collect();
    pool.marks.retain(|m| listed.contains(m.as_str()));
    let dropped = before - pool.marks.len();
    (dropped > 0).then(|| {
        let (users, are) = if dropped == 1 {
            ("user is", "it is")
        } else {
            ("users are", "they are")
        };
        format!("{dropped} marked {users} no longer listed: {are} unmarked")
    })
}
