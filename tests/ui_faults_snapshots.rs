//! Snapshots of faults as the console shows them: a listing that failed part-way (the code said
//! once, `r` continues from there), a retry under way on the status line, a bulk run that stopped.

mod ui_support;

use std::time::Duration;

use cognito_tui::app::browse::pane::Rows;
use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::remote::ErrorInfo;
use cognito_tui::app::{Action, Payload, State};
use cognito_tui::aws::{AwsError, RetryNotice, ServiceError};
use insta::assert_snapshot;
use ui_support::*;

fn snap(name: &str, s: &State) {
    assert_snapshot!(name, draw(s));
}

/// Cognito's throttling answer, as the worker turns it into what the console shows.
fn throttled() -> ErrorInfo {
    ErrorInfo::from_aws(&AwsError::Service(ServiceError {
        code: "TooManyRequestsException".into(),
        message: "Rate exceeded".into(),
        request_id: None,
        status: 400,
    }))
}

#[test]
fn a_listing_that_failed_part_way_says_its_code_once_and_that_r_continues() {
    let (mut s, pools) = start();
    let request = open_prod(&mut s, pools);
    loaded(
        &mut s,
        request,
        Payload::Rows(Rows::new::<UserRow>(user_rows(0, 60))),
        false,
    );
    let error = ErrorInfo {
        resume: Some("t1".into()),
        ..throttled()
    };
    act(&mut s, Action::Failed { request, error });
    let screen = format!("{:?}", draw(&s));
    assert_eq!(
        screen.matches("TooManyRequestsException").count(),
        1,
        "{screen}"
    );
    snap("users_failed_part_way_resumable", &s);
}

#[test]
fn a_retry_under_way_is_on_the_status_line() {
    let (mut s, pools) = start();
    let request = open_prod(&mut s, pools);
    loaded(
        &mut s,
        request,
        Payload::Rows(Rows::new::<UserRow>(user_rows(0, 60))),
        false,
    );
    let notice = RetryNotice {
        operation: "ListUsers".into(),
        attempt: 3,
        max_attempts: None,
        wait: Duration::from_secs(4),
        reason: "throttled (TooManyRequestsException)".into(),
    };
    act(&mut s, Action::Retrying { request, notice });
    snap("users_retrying", &s);
    loaded(
        &mut s,
        request,
        Payload::Rows(Rows::new::<UserRow>(user_rows(60, 10))),
        true,
    );
    let screen = format!("{:?}", draw(&s));
    assert!(!screen.contains("retrying"), "{screen}");
}
