//! `:find`'s overlay on the 100x30 TestBackend: the search running, then its hits (the chosen
//! one highlighted), a pool that could not be searched, and nobody found.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use cognito_tui::app::{Action, InputKey, Payload, State};
use cognito_tui::cognito::PoolId;
use cognito_tui::shared::find::{Failure, FindReport, Hit, Needle, Place};
use insta::assert_snapshot;
use ui_support::popups::{draw_small, selection_shown, shown_in_full, small};
use ui_support::*;

fn place() -> Place {
    Place {
        profile: Some("support".into()),
        region: "us-east-1".into(),
    }
}

fn hit(pool: &str, name: &str, user: &str, status: &str, enabled: bool) -> Hit {
    Hit {
        place: place(),
        user_pool_id: PoolId::new(pool),
        pool_name: name.into(),
        username: user.into(),
        user_status: status.into(),
        enabled: Some(enabled),
        email: Some("ann.adams@example.com".into()),
        by_lowercase: false,
        by_username: false,
    }
}

/// The pools listed, then `:find TEXT` sent: its request.
fn searching(text: &str) -> (State, cognito_tui::app::remote::RequestId) {
    let (mut s, req) = start();
    loaded(&mut s, req, Payload::Pools(pool_rows()), true);
    act(&mut s, Action::OpenPalette);
    for c in format!("find {text}").chars() {
        act(&mut s, Action::Input(InputKey::Char(c)));
    }
    let req = request(&act(&mut s, Action::Input(InputKey::Submit)));
    (s, req)
}

fn hits_and_a_failure() -> FindReport {
    FindReport {
        needle: Needle::classify("ann.adams@example.com"),
        lowercase: None,
        pools: 3,
        searched: 2,
        hits: vec![
            hit("us-east-1_Prod0001", "prod", "ann.adams", "CONFIRMED", true),
            hit(
                "us-east-1_Stag0002",
                "staging",
                "ann.adams-old",
                "FORCE_CHANGE_PASSWORD",
                false,
            ),
        ],
        failures: vec![Failure {
            place: place(),
            user_pool_id: Some(PoolId::new("us-east-1_Dev00003")),
            pool_name: Some("dev-sandbox".into()),
            code: Some("AccessDeniedException".into()),
            message: "AccessDeniedException: You are not authorized to perform this action.".into(),
        }],
    }
}

#[test]
fn find_overlay() {
    let (mut s, req) = searching("ann.adams@example.com");
    assert_snapshot!("find_searching", draw(&s));
    let report = hits_and_a_failure();
    loaded(&mut s, req, Payload::Found(Box::new(report)), true);
    act(&mut s, Action::Input(InputKey::Down));
    assert_snapshot!("find_hits_and_a_failure", draw(&s));
}

#[test]
fn find_overlay_nobody() {
    let (mut s, req) = searching("Ann.Adams@Example.com");
    let report = FindReport {
        needle: Needle::classify("Ann.Adams@Example.com"),
        lowercase: Some("ann.adams@example.com".into()),
        pools: 3,
        searched: 3,
        hits: Vec::new(),
        failures: Vec::new(),
    };
    loaded(&mut s, req, Payload::Found(Box::new(report)), true);
    assert_snapshot!("find_nobody", draw(&s));
}

/// On a 60x15 terminal the box stays whole, the failure wraps instead of being cut, and the
/// chosen hit is highlighted.
#[test]
fn find_overlay_on_a_small_terminal() {
    let mut s = small(3);
    act(&mut s, Action::OpenPalette);
    for c in "find ann.adams@example.com".chars() {
        act(&mut s, Action::Input(InputKey::Char(c)));
    }
    let req = request(&act(&mut s, Action::Input(InputKey::Submit)));
    loaded(
        &mut s,
        req,
        Payload::Found(Box::new(hits_and_a_failure())),
        true,
    );
    let backend = draw_small(&s);
    let (buf, area) = shown_in_full(
        "find_small",
        &backend,
        &[
            "searched 2 of 3 pools; 1 failed",
            "ann.adams-old",
            "You are not authorized to perform this action.",
            "Esc closes",
        ],
    );
    selection_shown("find_small", &buf, area);
}

/// Searched in other regions: the spinner says how many, and each hit says where it is (a
/// region that could not be reached is a failure line).
#[test]
fn find_overlay_across_regions() {
    let (mut s, req) = searching("ann.adams@example.com --regions us-east-1,eu-west-1,ap-south-9");
    assert_snapshot!("find_searching_regions", draw(&s));
    let mut report = hits_and_a_failure();
    report.hits[1].place.region = "eu-west-1".into();
    report.hits[1].user_pool_id = PoolId::new("eu-west-1_Stag0002");
    report.failures = vec![Failure {
        place: Place {
            profile: Some("support".into()),
            region: "ap-south-9".into(),
        },
        user_pool_id: None,
        pool_name: None,
        code: Some("UnrecognizedClientException".into()),
        message:
            "UnrecognizedClientException: The security token included in the request is invalid."
                .into(),
    }];
    loaded(&mut s, req, Payload::Found(Box::new(report)), true);
    assert_snapshot!("find_hits_across_regions", draw(&s));
}
