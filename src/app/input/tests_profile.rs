//! `:profile` and `:region` as update scripts: a profile means nothing on the built-in server and
//! is refused there; no name (or `-`) returns to the credentials the console started with; a region
//! must look like one before anything is left or reloaded.

use crate::app::action::{Action, InputKey};
use crate::app::effect::{Effect, ProfileChoice};
use crate::app::state::State;
use crate::app::update::tests_support::*;
use crate::app::update::update;

fn command(s: &mut State, line: &str) -> Vec<Effect> {
    update(s, Action::OpenPalette);
    type_text(s, line);
    key(s, InputKey::Submit)
}

fn reconnect(effects: &[Effect]) -> Option<(ProfileChoice, Option<String>)> {
    effects.iter().find_map(|e| match e {
        Effect::Reconnect { profile, region } => Some((profile.clone(), region.clone())),
        _ => None,
    })
}

#[test]
fn a_profile_on_the_local_server_is_refused_plainly_and_not_recorded() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    s.context.local = true;
    let effects = command(&mut s, "profile nosuch");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(s.context.profile, None);
    assert!(s.pool.is_some(), "the pool stays open");
    let toast = s.toast.clone().unwrap();
    assert!(toast.contains("--local"), "{toast}");
    assert!(toast.contains("no profile"), "{toast}");
}

#[test]
fn a_named_profile_is_asked_of_the_worker_which_checks_it() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = command(&mut s, "profile prod");
    assert_eq!(
        reconnect(&effects),
        Some((ProfileChoice::Named("prod".into()), None))
    );
}

#[test]
fn no_name_or_a_dash_returns_to_the_credentials_the_console_started_with() {
    for line in ["profile", "profile -", "profile  "] {
        let mut s = users(&[("ann", "CONFIRMED", true)]);
        s.context.profile = Some("prod".into());
        let effects = command(&mut s, line);
        assert_eq!(
            reconnect(&effects),
            Some((ProfileChoice::AsStarted, None)),
            "{line}"
        );
    }
}

#[test]
fn a_region_that_is_no_region_name_is_refused_before_anything_changes() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    // (A prefix such as `us-east` runs the highlighted completion, `us-east-1`.)
    for bad in [
        "moon",
        "us-east-one",
        "EU-MOON-1",
        "eu_west_1",
        "1-east-1",
        "us-east-1/x",
    ] {
        let effects = command(&mut s, &format!("region {bad}"));
        assert!(effects.is_empty(), "{bad}: {effects:?}");
        assert!(
            s.toast.as_deref().unwrap().contains("is not a region name"),
            "{bad}: {:?}",
            s.toast
        );
        assert_eq!(s.context.region, "us-east-1");
        assert!(s.pool.is_some(), "{bad}: the pool stays open");
    }
    for good in [
        "eu-west-1",
        "us-gov-west-1",
        "ap-southeast-4",
        "cn-north-1",
        "us-isob-east-1",
    ] {
        let mut s = users(&[("ann", "CONFIRMED", true)]);
        let effects = command(&mut s, &format!("region {good}"));
        assert_eq!(
            reconnect(&effects),
            Some((ProfileChoice::Keep, Some(good.to_owned()))),
            "{good}"
        );
    }
}
