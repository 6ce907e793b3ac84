//! The query bar, the index's build and summary, and the export dialog as update scripts: a query
//! with a mistake keeps the bar as typed with the column; one that parses fills the users table
//! and replaces a search; marks work on its rows; Ctrl-R builds with progress and Esc stops it;
//! Ctrl-S offers the query, the marks and the pool, keeps the form when it fails, and Esc stops
//! a running export.

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::UserRow;
use crate::app::effect::{ApiCall, Effect, IndexRead, Read};
use crate::app::form::Submit;
use crate::app::state::{Overlay, State, Tab};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::app::users::export::{ExportField, ExportJob, ExportScope};
use crate::app::users::index::{Answered, IndexSummary, Progress};
use crate::cognito::types::AttributeType;
use crate::cognito::users::UserType;
use crate::shared::export::ExportFormat;

/// Types `text` in the query bar and submits it.
pub(super) fn query(s: &mut State, text: &str) -> Vec<crate::app::effect::Effect> {
    update(s, Action::OpenQuery);
    key(s, InputKey::Clear);
    type_text(s, text);
    key(s, InputKey::Submit)
}

fn indexed_row(name: &str, groups: &[&str]) -> UserRow {
    let user = UserType {
        username: crate::cognito::Username::new(name),
        attributes: vec![AttributeType::new("email", format!("{name}@example.com"))],
        user_create_date: None,
        user_last_modified_date: None,
        enabled: Some(true),
        user_status: None,
        mfa_options: Vec::new(),
    };
    let groups: Vec<String> = groups.iter().map(|g| (*g).to_owned()).collect();
    UserRow::with_groups(&user, &groups)
}

/// Progress of `doing` ("indexing", "listing"), `done` users of about 1,000.
pub(super) fn progress(doing: &str, done: u64) -> Progress {
    Progress {
        doing: doing.into(),
        done,
        estimate: Some(1000),
        line: format!("{done} of ~1,000 users"),
    }
}

#[test]
fn a_query_with_a_mistake_keeps_the_bar_as_typed_with_the_column() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = query(&mut s, "status = CONFIRMED and");
    assert!(effects.is_empty(), "nothing is asked: {effects:?}");
    let Overlay::Query(bar) = &s.overlay else {
        panic!("the bar closed: {:?}", s.overlay);
    };
    assert_eq!(bar.input.value(), "status = CONFIRMED and");
    let (column, message) = bar.error.clone().unwrap();
    assert_eq!(column, 23, "{message}");
    // Typing clears the mistake's mark.
    type_text(&mut s, " enabled");
    let Overlay::Query(bar) = &s.overlay else {
        panic!()
    };
    assert_eq!(bar.error, None);
}

#[test]
fn a_query_fills_the_users_table_from_the_index_with_groups_and_its_rows_mark() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = query(&mut s, "group = admins and not enabled");
    let (req, call) = only_api(&effects);
    assert_eq!(
        call,
        ApiCall::Read(Read::Index(IndexRead::QueryUsers {
            pool: s.pool.as_ref().unwrap().id.clone(),
            query: "group = admins and not enabled".into(),
        }))
    );
    assert!(matches!(s.overlay, Overlay::None));
    // The index is built first: its progress shows until the users come.
    update(
        &mut s,
        Action::Progress {
            request: req,
            progress: progress("indexing", 120),
        },
    );
    let work = s.pool.as_ref().unwrap().index.work.clone();
    assert_eq!(
        work.map(|(r, p)| (r, p.map(|p| p.done))),
        Some((req, Some(120)))
    );
    update(
        &mut s,
        Action::Loaded {
            request: req,
            payload: Payload::Answered(Answered::Index { built_at: 100 }),
            done: false,
        },
    );
    assert!(s.pool.as_ref().unwrap().index.work.is_none());
    let rows = vec![
        indexed_row("bob", &["admins", "ops"]),
        indexed_row("cy", &["admins"]),
    ];
    answer(&mut s, req, Payload::Rows(Rows::new::<UserRow>(rows)));
    let pool = s.pool.as_ref().unwrap();
    let shown: Vec<_> = pool
        .users
        .table
        .rows()
        .iter()
        .map(|r| (&*r.username, r.groups.as_deref()))
        .collect();
    assert_eq!(shown, [("bob", Some("admins,ops")), ("cy", Some("admins"))]);
    assert_eq!(
        pool.users_query.as_ref().unwrap().answered,
        Some(Answered::Index { built_at: 100 })
    );
    // `*` marks what the query found; `b` acts on them.
    update(&mut s, Action::MarkShown);
    let marks: Vec<_> = s.pool.as_ref().unwrap().marks.iter().cloned().collect();
    assert_eq!(marks, ["bob", "cy"]);
    update(&mut s, Action::OpenBulkMenu);
    assert!(matches!(s.overlay, Overlay::Menu(_)), "{:?}", s.overlay);
}

#[test]
fn a_query_replaces_a_search_and_esc_clears_it_before_leaving_the_pool() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    s.pool.as_mut().unwrap().users_group = Some(crate::cognito::GroupName::new("ops"));
    let (req, _) = only_api(&query(&mut s, "email ^= \"ann\""));
    answer(&mut s, req, Payload::Rows(Rows::new::<UserRow>(Vec::new())));
    let pool = s.pool.as_ref().unwrap();
    assert!(pool.users_group.is_none() && pool.users_filter.is_none());
    assert_eq!(pool.tab, Tab::Users);
    let (_, call) = only_api(&update(&mut s, Action::Back));
    assert!(
        matches!(call, ApiCall::Read(Read::ListUsers { filter: None, .. })),
        "{call:?}"
    );
    assert!(s.pool.as_ref().unwrap().users_query.is_none());
    // An empty query lists every user again too.
    let (req, _) = only_api(&query(&mut s, "enabled = true"));
    answer(&mut s, req, Payload::Rows(Rows::new::<UserRow>(Vec::new())));
    let (_, call) = only_api(&query(&mut s, "  "));
    assert!(matches!(
        call,
        ApiCall::Read(Read::ListUsers { filter: None, .. })
    ));
}

#[test]
fn ctrl_r_builds_the_index_with_progress_and_esc_stops_it() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (req, call) = only_api(&update(&mut s, Action::RefreshIndex));
    assert!(matches!(
        call,
        ApiCall::Read(Read::Index(IndexRead::Build(_)))
    ));
    assert!(s.is_busy(), "the spinner turns while it builds");
    // A second Ctrl-R while it runs starts nothing.
    assert!(update(&mut s, Action::RefreshIndex).is_empty());
    update(
        &mut s,
        Action::Progress {
            request: req,
            progress: progress("indexing", 500),
        },
    );
    let effects = update(&mut s, Action::Back);
    assert_eq!(effects, vec![Effect::Cancel(req)]);
    assert!(s.pool.as_ref().unwrap().index.work.is_none());
    assert!(
        s.pool.is_some(),
        "Esc stopped the build, it did not leave the pool"
    );
}

#[test]
fn a_finished_build_fills_the_summary_and_runs_an_index_query_again() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (q, _) = only_api(&query(&mut s, "not enabled"));
    update(
        &mut s,
        Action::Loaded {
            request: q,
            payload: Payload::Answered(Answered::Index { built_at: 100 }),
            done: false,
        },
    );
    answer(&mut s, q, Payload::Rows(Rows::new::<UserRow>(Vec::new())));
    let (build, _) = only_api(&update(&mut s, Action::RefreshIndex));
    let summary = IndexSummary {
        built_at: 200,
        users: 3,
        by_status: vec![("CONFIRMED".into(), 3)],
        unfollowed: 0,
    };
    let effects = answer(&mut s, build, Payload::IndexSummary(Some(summary.clone())));
    let (_, again) = only_api(&effects);
    assert!(
        matches!(
            again,
            ApiCall::Read(Read::Index(IndexRead::QueryUsers { .. }))
        ),
        "{again:?}"
    );
    let pool = s.pool.as_ref().unwrap();
    assert_eq!(pool.index.summary.loaded(), Some(&Some(summary)));
    assert_eq!(s.toast.as_deref(), Some("Indexed 3 users"));
}

#[test]
fn the_overview_asks_for_the_index_summary_beside_the_description() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = update(&mut s, Action::ShowTab(Tab::Overview));
    let calls: Vec<_> = apis(&effects).into_iter().map(|(_, c)| c).collect();
    assert!(
        calls
            .iter()
            .any(|c| matches!(c, ApiCall::Read(Read::DescribePool(_))))
    );
    assert!(
        calls
            .iter()
            .any(|c| matches!(c, ApiCall::Read(Read::Index(IndexRead::Summary(_)))))
    );
}

fn export_dialog(s: &State) -> &crate::app::users::export::ExportDialog {
    match &s.overlay {
        Overlay::Export(d) => d,
        other => panic!("no export dialog: {other:?}"),
    }
}

#[test]
fn ctrl_s_offers_the_query_the_marks_and_the_pool_and_names_a_file() {
    let mut s = users(&[("ann", "CONFIRMED", true), ("bob", "CONFIRMED", true)]);
    query(&mut s, "enabled = true");
    s.pool.as_mut().unwrap().marks.insert("ann".into());
    update(&mut s, Action::OpenExport);
    let dialog = export_dialog(&s);
    assert_eq!(
        dialog.scopes,
        [
            ExportScope::Query("enabled = true".into()),
            ExportScope::Users(vec![crate::cognito::Username::new("ann")]),
            ExportScope::Pool,
        ]
    );
    let pool = s.pool.as_ref().unwrap().id.clone();
    assert_eq!(
        dialog.form.value(&ExportField::File),
        format!("{pool}-users.csv")
    );
    // Another format follows in the file's name while it is the default one.
    key(&mut s, InputKey::Complete);
    key(&mut s, InputKey::Char(' '));
    let dialog = export_dialog(&s);
    assert_eq!(
        dialog.form.chosen(&ExportField::Format),
        Some(ExportFormat::Json)
    );
    assert_eq!(
        dialog.form.value(&ExportField::File),
        format!("{pool}-users.json")
    );
    let (req, call) = only_api(&key(&mut s, InputKey::Submit));
    assert_eq!(
        call,
        ApiCall::Read(Read::Index(IndexRead::Export(ExportJob {
            pool: pool.clone(),
            scope: ExportScope::Query("enabled = true".into()),
            format: ExportFormat::Json,
            path: format!("{pool}-users.json").into(),
            replace: false,
        })))
    );
    assert!(s.is_busy());
    // A failure keeps the dialog as filled in, with why.
    fail(
        &mut s,
        req,
        "Config",
        "users.json exists: choose another file, or replace it",
    );
    let dialog = export_dialog(&s);
    assert!(matches!(dialog.form.submit, Submit::Failed(_)));
    assert_eq!(
        dialog.form.chosen(&ExportField::Format),
        Some(ExportFormat::Json)
    );
}

#[test]
fn a_running_export_shows_progress_esc_stops_it_and_a_finished_one_says_where() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::OpenExport);
    assert_eq!(export_dialog(&s).scopes, [ExportScope::Pool]);
    let (req, _) = only_api(&key(&mut s, InputKey::Submit));
    update(
        &mut s,
        Action::Progress {
            request: req,
            progress: progress("indexing", 10),
        },
    );
    assert_eq!(
        export_dialog(&s).progress.as_ref().map(|p| p.done),
        Some(10)
    );
    // Keys other than Esc do nothing while it runs.
    assert!(key(&mut s, InputKey::Char('x')).is_empty());
    assert_eq!(key(&mut s, InputKey::Cancel), vec![Effect::Cancel(req)]);
    assert!(matches!(s.overlay, Overlay::None));
    assert_eq!(
        s.toast.as_deref(),
        Some("Export stopped: no file was written")
    );

    update(&mut s, Action::OpenExport);
    let (req, _) = only_api(&key(&mut s, InputKey::Submit));
    answer(
        &mut s,
        req,
        Payload::Exported {
            users: 1,
            path: "/tmp/x.csv".into(),
        },
    );
    assert!(matches!(s.overlay, Overlay::None));
    assert_eq!(s.toast.as_deref(), Some("Exported 1 user to /tmp/x.csv"));
}

#[test]
fn an_empty_file_name_is_refused_in_the_form() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::OpenExport);
    key(&mut s, InputKey::Complete);
    key(&mut s, InputKey::Complete);
    key(&mut s, InputKey::Clear);
    assert!(key(&mut s, InputKey::Submit).is_empty());
    let field = export_dialog(&s).form.field(&ExportField::File).unwrap();
    assert_eq!(field.error.as_deref(), Some("name a file"));
}
