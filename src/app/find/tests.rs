//! `:find` as update scripts: the search asked of the worker, its hits in the overlay, Enter
//! opening the chosen user in their pool, Esc closing (and stopping a search still running).

use crate::app::action::{Action, InputKey, Payload};
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::input::keymap::{self, Mode};
use crate::app::remote::RequestId;
use crate::app::state::{Overlay, State, Tab};
use crate::app::update::tests_support::{answer, apis, key, only_api, press, type_text, users};
use crate::app::update::update;
use crate::cognito::PoolId;
use crate::shared::find::{Failure, FindReport, Hit, Needle, Place};

fn place() -> Place {
    Place {
        profile: None,
        region: "us-east-1".into(),
    }
}

fn hit(pool: &str, name: &str, user: &str) -> Hit {
    Hit {
        place: place(),
        user_pool_id: PoolId::new(pool),
        pool_name: name.into(),
        username: user.into(),
        user_status: "CONFIRMED".into(),
        enabled: Some(true),
        email: Some("ann@example.com".into()),
        by_lowercase: false,
        by_username: false,
    }
}

pub(crate) fn report(hits: Vec<Hit>, failures: Vec<Failure>) -> FindReport {
    FindReport {
        needle: Needle::classify("ann@example.com"),
        lowercase: None,
        pools: 3,
        searched: 3 - failures.len(),
        hits,
        failures,
    }
}

/// `:find ann@example.com` typed and sent: the request it made.
fn find(s: &mut State, text: &str) -> RequestId {
    update(s, Action::OpenPalette);
    type_text(s, &format!("find {text}"));
    let (request, call) = only_api(&key(s, InputKey::Submit));
    assert_eq!(
        call,
        ApiCall::Read(Read::FindUser(Needle::classify(text))),
        "one search, of the needle as classified"
    );
    request
}

#[test]
fn the_hits_show_in_an_overlay_and_enter_opens_the_chosen_one_in_its_pool() {
    let mut s = users(&[("bob", "CONFIRMED", true)]);
    let request = find(&mut s, "ann@example.com");
    assert!(s.is_busy(), "the spinner runs while it searches");
    let hits = vec![
        hit("us-east-1_A", "prod", "ann.prod"),
        hit("us-east-1_B", "staging", "ann"),
    ];
    answer(
        &mut s,
        request,
        Payload::Found(Box::new(report(hits, Vec::new()))),
    );
    assert_eq!(keymap::mode(&s), Mode::Find);
    assert!(!s.is_busy());

    key(&mut s, InputKey::Down);
    key(&mut s, InputKey::Down);
    let Overlay::Find(view) = &s.overlay else {
        panic!("{:?}", s.overlay)
    };
    assert_eq!(view.selected, 1, "the selection stops at the last hit");

    let effects = key(&mut s, InputKey::Submit);
    assert_eq!(s.overlay, Overlay::None);
    let pool = s.pool.as_ref().expect("the hit's pool is open");
    assert_eq!(
        (pool.id.as_str(), pool.name.as_str()),
        ("us-east-1_B", "staging")
    );
    assert_eq!(pool.tab, Tab::Users);
    let detail = s.detail.as_ref().expect("the user's detail opens");
    assert_eq!((detail.tab, detail.name.as_str()), (Tab::Users, "ann"));
    let calls: Vec<ApiCall> = apis(&effects).into_iter().map(|(_, c)| c).collect();
    let pool = PoolId::new("us-east-1_B");
    assert_eq!(
        calls,
        vec![
            ApiCall::Read(Read::ListUsers {
                pool: pool.clone(),
                filter: None,
                from: None,
            }),
            ApiCall::Read(Read::Describe {
                tab: Tab::Users,
                pool,
                key: "ann".into(),
            }),
        ],
        "her pool's users behind her detail"
    );
}

#[test]
fn esc_stops_a_search_still_running_and_a_late_answer_is_dropped() {
    let mut s = users(&[]);
    let request = find(&mut s, "ann");
    let effects = press(&mut s, 'q');
    assert_eq!(
        effects,
        vec![Effect::Cancel(request)],
        "q closes as Esc does"
    );
    assert_eq!(s.overlay, Overlay::None);
    answer(
        &mut s,
        request,
        Payload::Found(Box::new(report(Vec::new(), Vec::new()))),
    );
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn failures_stay_in_the_overlay_and_enter_on_no_hit_does_nothing() {
    let mut s = users(&[]);
    let request = find(&mut s, "+14155550100");
    let failure = Failure {
        place: place(),
        user_pool_id: Some(PoolId::new("us-east-1_C")),
        pool_name: Some("locked".into()),
        code: Some("AccessDeniedException".into()),
        message: "AccessDeniedException: no".into(),
    };
    answer(
        &mut s,
        request,
        Payload::Found(Box::new(report(Vec::new(), vec![failure]))),
    );
    let effects = key(&mut s, InputKey::Submit);
    assert!(effects.is_empty(), "{effects:?}");
    let Overlay::Find(view) = &s.overlay else {
        panic!("{:?}", s.overlay)
    };
    let report = view.report.loaded().expect("loaded");
    assert_eq!(report.summary(), "searched 2 of 3 pools; 1 failed");
    key(&mut s, InputKey::Cancel);
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn find_without_anyone_to_find_says_what_it_needs() {
    let mut s = users(&[]);
    update(&mut s, Action::OpenPalette);
    type_text(&mut s, "find ");
    let effects = key(&mut s, InputKey::Submit);
    assert!(apis(&effects).is_empty(), "{effects:?}");
    assert_eq!(
        s.toast.as_deref(),
        Some(":find needs an email, phone number, sub or username")
    );
}
