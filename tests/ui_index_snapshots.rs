//! What the console shows of the local index: the query bar and a mistake under its column, a
//! query's users with their groups and the index's age, the index's exact counts in the Overview
//! (and how to build one when there is none), a build's progress on the status line, and the
//! export dialog while it runs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::missing_panics_doc,
    clippy::cast_possible_truncation
)]

mod ui_support;

use cognito_tui::app::browse::pane::Rows;
use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::state::Tab;
use cognito_tui::app::users::index::{Answered, IndexSummary, Progress};
use cognito_tui::app::{Action, InputKey, Payload, State};
use insta::assert_snapshot;
use ui_support::*;

fn snap(name: &str, s: &State) {
    assert_snapshot!(name, draw(s));
}

/// Four minutes after `EPOCH`: an index built at `EPOCH` is "4 min ago".
fn with_clock(s: &mut State) {
    act(s, Action::Clock(EPOCH as i64 + 240));
}

fn progress(doing: &str, done: u64) -> Progress {
    Progress {
        doing: doing.into(),
        done,
        estimate: Some(100_000),
        line: format!("{done} of ~100,000 users · 1,640/s · UserList 29.6/30 req/s · ETA 48 s"),
    }
}

#[test]
fn a_mistake_in_a_query_is_marked_at_its_column() {
    let mut s = users_state(8, true);
    act(&mut s, Action::OpenQuery);
    type_text(&mut s, "status = UNCONFIRMED and created <");
    act(&mut s, Action::Input(InputKey::Submit));
    snap("query_mistake", &s);
}

#[test]
fn a_query_shows_its_users_with_their_groups_and_the_index_age() {
    let mut s = users_state(8, true);
    with_clock(&mut s);
    act(&mut s, Action::OpenQuery);
    type_text(&mut s, "group = admins and not enabled");
    let req = request(&act(&mut s, Action::Input(InputKey::Submit)));
    act(
        &mut s,
        Action::Progress {
            request: req,
            progress: progress("indexing", 31_000),
        },
    );
    snap("query_building_index", &s);
    let built_at = EPOCH as i64;
    loaded(
        &mut s,
        req,
        Payload::Answered(Answered::Index { built_at }),
        false,
    );
    let rows: Vec<UserRow> = (0..3)
        .map(|i| {
            let groups = if i == 2 {
                vec![]
            } else {
                vec!["admins".to_owned(), "ops".to_owned()]
            };
            UserRow::with_groups(&user_type(i), &groups)
        })
        .collect();
    loaded(&mut s, req, Payload::Rows(Rows::new(rows)), true);
    snap("query_results", &s);
}

#[test]
fn the_overview_shows_the_index_counts_or_how_to_build_one() {
    let mut s = users_state(3, true);
    with_clock(&mut s);
    let effects = act(&mut s, Action::ShowTab(Tab::Overview));
    let (describe, summary) = (request(&effects[..1]), request(&effects));
    loaded(&mut s, describe, Payload::Overview(overview_lines()), true);
    loaded(&mut s, summary, Payload::IndexSummary(None), true);
    snap("overview_no_index", &s);
    let req = request(&act(&mut s, Action::RefreshIndex));
    act(
        &mut s,
        Action::Progress {
            request: req,
            progress: progress("indexing", 12_345),
        },
    );
    snap("overview_building", &s);
    let summary = IndexSummary {
        built_at: EPOCH as i64,
        users: 1_262,
        by_status: vec![
            ("CONFIRMED".into(), 1_100),
            ("FORCE_CHANGE_PASSWORD".into(), 40),
            ("UNCONFIRMED".into(), 122),
        ],
        unfollowed: 0,
    };
    loaded(
        &mut s,
        req,
        Payload::IndexSummary(Some(summary.clone())),
        true,
    );
    act(&mut s, Action::Down); // any key clears the "Indexed" toast
    snap("overview_indexed", &s);
    // Changes it could not apply (a user deleted by a name it did not know) say so.
    let req = request(&act(&mut s, Action::RefreshIndex));
    let stale = IndexSummary {
        unfollowed: 2,
        ..summary
    };
    loaded(&mut s, req, Payload::IndexSummary(Some(stale)), true);
    act(&mut s, Action::Down);
    snap("overview_indexed_stale", &s);
}

#[test]
fn an_export_shows_its_progress_while_it_runs() {
    let mut s = users_state(8, true);
    act(&mut s, Action::ToggleMark);
    act(&mut s, Action::OpenExport);
    snap("export_dialog", &s);
    let req = request(&act(&mut s, Action::Input(InputKey::Submit)));
    act(
        &mut s,
        Action::Progress {
            request: req,
            progress: progress("exporting", 31_000),
        },
    );
    snap("export_running", &s);
}
