//! The index's and the export's loose ends as update scripts: Ctrl-R is the rebuild (not a reload)
//! on the users table and the Overview; a listing replaced while it builds the index leaves no
//! progress behind and Ctrl-R works again; a query's build does not take over a Ctrl-R build's
//! line; an index a query built is summed up for the Overview; an export that was done before
//! Esc reached it says where it went.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::UserRow;
use crate::app::effect::{ApiCall, Effect, IndexRead, Read};
use crate::app::input::keymap::action_for_key;
use crate::app::state::Tab;
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::app::users::index::Answered;
use crate::app::users::tests_index::{progress, query};

#[test]
fn ctrl_r_rebuilds_the_index_on_the_users_table_and_the_overview() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(action_for_key(&s, ctrl_r), Some(Action::RefreshIndex));
    update(&mut s, Action::ShowTab(Tab::Overview));
    assert_eq!(action_for_key(&s, ctrl_r), Some(Action::RefreshIndex));
    let r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
    assert_eq!(action_for_key(&s, r), Some(Action::Refresh));
}

#[test]
fn a_listing_replaced_while_it_builds_leaves_no_progress_and_ctrl_r_works_again() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (req, _) = only_api(&query(&mut s, "not enabled"));
    update(
        &mut s,
        Action::Progress {
            request: req,
            progress: progress("indexing", 10),
        },
    );
    assert!(s.pool.as_ref().unwrap().index.work.is_some());
    // `r` reloads: the old listing is cancelled, its build's line with it.
    let effects = update(&mut s, Action::Refresh);
    assert!(effects.contains(&Effect::Cancel(req)), "{effects:?}");
    assert!(s.pool.as_ref().unwrap().index.work.is_none());
    let (_, call) = only_api(&update(&mut s, Action::RefreshIndex));
    assert!(matches!(
        call,
        ApiCall::Read(Read::Index(IndexRead::Build(_)))
    ));
}

#[test]
fn a_query_build_does_not_take_over_the_line_of_a_ctrl_r_build() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (build, _) = only_api(&update(&mut s, Action::RefreshIndex));
    let (q, _) = only_api(&query(&mut s, "not enabled"));
    update(
        &mut s,
        Action::Progress {
            request: q,
            progress: progress("indexing", 10),
        },
    );
    let work = s
        .pool
        .as_ref()
        .unwrap()
        .index
        .work
        .as_ref()
        .map(|(r, _)| *r);
    assert_eq!(work, Some(build), "Esc still stops the Ctrl-R build");
}

#[test]
fn an_index_a_query_built_is_summed_up_for_the_overview() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (q, _) = only_api(&query(&mut s, "not enabled"));
    let effects = update(
        &mut s,
        Action::Loaded {
            request: q,
            payload: Payload::Answered(Answered::Index { built_at: 5 }),
            done: false,
        },
    );
    let (_, call) = only_api(&effects);
    assert!(matches!(
        call,
        ApiCall::Read(Read::Index(IndexRead::Summary(_)))
    ));
    answer(&mut s, q, Payload::Rows(Rows::new::<UserRow>(Vec::new())));
}

#[test]
fn an_export_done_before_esc_reached_it_says_where_it_went() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::OpenExport);
    let (req, _) = only_api(&key(&mut s, InputKey::Submit));
    assert_eq!(key(&mut s, InputKey::Cancel), vec![Effect::Cancel(req)]);
    answer(
        &mut s,
        req,
        Payload::Exported {
            users: 2,
            path: "/tmp/u.csv".into(),
        },
    );
    assert_eq!(s.toast.as_deref(), Some("Exported 2 users to /tmp/u.csv"));
}
