//! Update scripts for faults: a listing that failed part-way continues from its last page on `r`,
//! retries show until the request answers, unsupported and lost-answer changes close their dialog,
//! a bulk run stopped by an error that would fail everyone says so.

use std::time::Duration;

use crate::app::action::{Action, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::UserRow;
use crate::app::effect::{ApiCall, Change, Effect, Read};
use crate::app::remote::{ErrorInfo, ErrorKind, RequestId};
use crate::app::state::{Load, Overlay, State};
use crate::app::update::tests_support::{answer, apis, find, only_api, user_row, users};
use crate::app::update::update;
use crate::app::users::bulk::{BulkAction, BulkPhase};
use crate::app::users::ops::UserOp;
use crate::aws::RetryNotice;

fn page(s: &mut State, request: RequestId, names: &[&str], done: bool) {
    let rows = names
        .iter()
        .map(|n| user_row(n, "CONFIRMED", true))
        .collect();
    update(
        s,
        Action::Loaded {
            request,
            payload: Payload::Rows(Rows::new::<UserRow>(rows)),
            done,
        },
    );
}

fn failed(kind: ErrorKind, text: &str, resume: Option<&str>) -> ErrorInfo {
    ErrorInfo {
        code: None,
        text: text.to_owned(),
        kind,
        resume: resume.map(str::to_owned),
    }
}

fn users_table(s: &State) -> Vec<String> {
    let table = &s.pool.as_ref().unwrap().users.table;
    table
        .rows()
        .iter()
        .map(|r| r.username.to_string())
        .collect()
}

#[test]
fn r_after_a_listing_failed_part_way_continues_from_its_last_page_keeping_the_rows() {
    let mut s = users(&[]);
    let (request, _) = only_api(&update(&mut s, Action::Refresh));
    page(&mut s, request, &["ann", "bob"], false);
    let error = failed(ErrorKind::Failed, "TooManyRequestsException: …", Some("t2"));
    update(&mut s, Action::Failed { request, error });
    assert!(matches!(
        s.pool.as_ref().unwrap().users.load,
        Load::Failed(_)
    ));

    let (resumed, call) = only_api(&update(&mut s, Action::Refresh));
    let ApiCall::Read(Read::ListUsers { from, .. }) = call else {
        panic!("expected ListUsers, got {call:?}");
    };
    assert_eq!(from.as_deref(), Some("t2"));
    assert_eq!(users_table(&s), ["ann", "bob"], "the rows stay");
    page(&mut s, resumed, &["cat"], true);
    assert_eq!(users_table(&s), ["ann", "bob", "cat"]);
    assert_eq!(s.pool.as_ref().unwrap().users.load, Load::Done);

    // A listing that completed reloads from the first page.
    let (_, call) = only_api(&update(&mut s, Action::Refresh));
    assert!(
        matches!(call, ApiCall::Read(Read::ListUsers { from: None, .. })),
        "{call:?}"
    );
    assert!(users_table(&s).is_empty());
}

#[test]
fn a_failure_before_any_row_reloads_from_the_start() {
    let mut s = users(&[]);
    let (request, _) = only_api(&update(&mut s, Action::Refresh));
    let error = failed(ErrorKind::Failed, "InternalErrorException", None);
    update(&mut s, Action::Failed { request, error });
    let (_, call) = only_api(&update(&mut s, Action::Refresh));
    assert!(
        matches!(call, ApiCall::Read(Read::ListUsers { from: None, .. })),
        "{call:?}"
    );
}

fn notice(attempt: u32) -> RetryNotice {
    RetryNotice {
        operation: "ListUsers".to_owned(),
        attempt,
        max_attempts: Some(5),
        wait: Duration::from_secs(2),
        reason: "HTTP 503".to_owned(),
    }
}

#[test]
fn a_retry_shows_until_its_request_answers_or_is_cancelled() {
    let mut s = users(&[]);
    let (request, _) = only_api(&update(&mut s, Action::Refresh));
    update(
        &mut s,
        Action::Retrying {
            request,
            notice: notice(2),
        },
    );
    update(
        &mut s,
        Action::Retrying {
            request,
            notice: notice(3),
        },
    );
    assert_eq!(s.retrying.get(&request), Some(&notice(3)));
    page(&mut s, request, &["ann"], false);
    assert!(s.retrying.is_empty(), "a page arrived: the retry worked");

    update(
        &mut s,
        Action::Retrying {
            request,
            notice: notice(2),
        },
    );
    let effects = update(&mut s, Action::Back);
    assert!(effects.contains(&Effect::Cancel(request)), "{effects:?}");
    assert!(s.retrying.is_empty(), "a cancelled request never answers");
}

/// Opens the disable dialog for `ann` and submits it: the request of the change.
fn submit_disable(s: &mut State) -> RequestId {
    update(s, Action::User(UserOp::ToggleEnabled));
    assert!(matches!(s.overlay, Overlay::Dialog(_)), "{:?}", s.overlay);
    let effects = update(s, Action::Input(crate::app::action::InputKey::Submit));
    find(&effects, |c| {
        matches!(c, ApiCall::Change(Change::User { .. }))
    })
}

#[test]
fn an_unsupported_change_closes_its_dialog_with_the_message() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let request = submit_disable(&mut s);
    let text =
        "AdminDisableUser is not supported by this endpoint (UnknownOperationException, HTTP 400)";
    let effects = update(
        &mut s,
        Action::Failed {
            request,
            error: failed(ErrorKind::Unsupported, text, None),
        },
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(s.overlay, Overlay::None);
    assert_eq!(s.toast.as_deref(), Some(format!("✗ {text}").as_str()));
}

#[test]
fn a_change_whose_answer_was_lost_closes_its_dialog_and_reads_the_user_again() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let request = submit_disable(&mut s);
    let text = "no answer to AdminDisableUser: the change may have been applied; check before trying again (…)";
    let effects = update(
        &mut s,
        Action::Failed {
            request,
            error: failed(ErrorKind::OutcomeUnknown, text, None),
        },
    );
    assert_eq!(s.overlay, Overlay::None, "Enter must not send it again");
    assert!(
        s.toast
            .as_deref()
            .is_some_and(|t| t.contains("may have been applied"))
    );
    let reads: Vec<_> = apis(&effects);
    assert!(
        reads.iter().any(
            |(_, c)| matches!(c, ApiCall::Read(Read::GetUserRow(_, u)) if u.as_str() == "ann")
        ),
        "{effects:?}"
    );
}

#[test]
fn an_ordinary_failure_keeps_the_dialog_open_to_try_again() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let request = submit_disable(&mut s);
    let error = failed(ErrorKind::Failed, "UserNotFoundException: …", None);
    update(&mut s, Action::Failed { request, error });
    assert!(matches!(s.overlay, Overlay::Dialog(_)));
}

/// Marks every user, confirms a bulk disable of them (`count` typed, as the plan asks) and
/// gives the bulk request.
fn disable_everyone(s: &mut State, count: &str) -> RequestId {
    update(s, Action::MarkShown);
    crate::app::users::bulk_update::open_plan(s, BulkAction::Disable);
    super::tests_support::type_text(s, count);
    let effects = update(s, Action::Input(crate::app::action::InputKey::Submit));
    find(&effects, |c| {
        matches!(c, ApiCall::Change(Change::Bulk { .. }))
    })
}

#[test]
fn a_bulk_run_stopped_by_an_error_everyone_would_meet_says_the_rest_were_not_tried() {
    let mut s = users(&[
        ("ann", "CONFIRMED", true),
        ("bob", "CONFIRMED", true),
        ("cat", "CONFIRMED", true),
    ]);
    let request = disable_everyone(&mut s, "3");
    let text = "AdminDisableUser is not supported by this endpoint (HTTP 500 without a JSON error, on the first call of AdminDisableUser)";
    update(
        &mut s,
        Action::BulkStep {
            request,
            user: "ann".to_owned(),
            error: Some(failed(ErrorKind::Unsupported, text, None)),
        },
    );
    update(
        &mut s,
        Action::Failed {
            request,
            error: failed(ErrorKind::Unsupported, text, None),
        },
    );
    let Overlay::Bulk(run) = &s.overlay else {
        panic!("the bulk view stays: {:?}", s.overlay);
    };
    assert_eq!(run.phase, BulkPhase::Finished { cancelled: true });
    assert_eq!(run.progress(), "0 done, 1 failed, 2 not tried (stopped)");
    assert_eq!(
        run.error.as_deref(),
        Some(format!("stopped: {text}").as_str())
    );
}

#[test]
fn a_bulk_run_counts_lost_answers_apart() {
    let mut s = users(&[("ann", "CONFIRMED", true), ("bob", "CONFIRMED", true)]);
    let request = disable_everyone(&mut s, "2");
    let lost = failed(
        ErrorKind::OutcomeUnknown,
        "no answer to AdminDisableUser: …",
        None,
    );
    let steps = [("ann", None), ("bob", Some(lost))];
    for (user, error) in steps {
        update(
            &mut s,
            Action::BulkStep {
                request,
                user: user.to_owned(),
                error,
            },
        );
    }
    answer(&mut s, request, Payload::Done);
    assert!(
        s.toast
            .as_deref()
            .is_some_and(|t| t.ends_with("1 done, 1 outcome unknown")),
        "{:?}",
        s.toast
    );
}
