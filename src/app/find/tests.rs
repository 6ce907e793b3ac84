//! `:find` as update scripts: the search asked of the worker, its hits in the overlay, Enter
//! opening the chosen user in their pool, Esc closing (and stopping a search still running).

use crate::app::action::{Action, InputKey, Payload};
use crate::app::effect::ProfileChoice;
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::input::keymap::{self, Mode};
use crate::app::remote::RequestId;
use crate::app::state::{Overlay, State, Tab};
use crate::app::update::tests_support::{answer, apis, key, only_api, press, type_text, users};
use crate::app::update::update;
use crate::cognito::PoolId;
use crate::shared::find::{Failure, FindReport, Hit, Needle, Place, Places};

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
        ApiCall::Read(Read::FindUser(Needle::classify(text), Places::default())),
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
    // Places, and still nobody to find.
    type_text_into_palette(&mut s, "find --regions eu-west-1");
    assert!(apis(&key(&mut s, InputKey::Submit)).is_empty());
    assert_eq!(
        s.toast.as_deref(),
        Some(":find needs an email, phone number, sub or username")
    );
}

fn type_text_into_palette(s: &mut State, text: &str) {
    update(s, Action::OpenPalette);
    type_text(s, text);
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn profiles_and_regions_are_read_as_users_find_takes_them() {
    let (needle, places) =
        super::parse("ann@example.com --regions eu-west-1,us-east-1 --profiles=prod,support")
            .unwrap();
    assert_eq!(needle, Needle::classify("ann@example.com"));
    assert_eq!(places.regions, strings(&["eu-west-1", "us-east-1"]));
    assert_eq!(places.profiles, strings(&["prod", "support"]));
    assert_eq!(
        super::parse("--regions eu-west-1 ann").unwrap().0,
        Needle::classify("ann")
    );
    // A phone number typed in groups is one needle.
    let (needle, _) = super::parse("+1 415 555 0100 --regions eu-west-1").unwrap();
    assert_eq!(needle, Needle::classify("+14155550100"));
    // A list ends at its word: `support` after a comma and a space is not a profile, and two
    // words are nobody's email.
    let error = super::parse("ann@example.com --profiles prod, support").unwrap_err();
    assert!(
        error.starts_with(
            ":find takes one email, phone number, sub or username, not \"ann@example.com support\""
        ),
        "{error}"
    );
    for (text, why) in [
        ("ann --regions", "--regions needs a comma-separated list"),
        (
            "ann --profiles ,",
            "--profiles needs a comma-separated list",
        ),
        ("ann --regions=", "--regions needs a comma-separated list"),
    ] {
        let error = super::parse(text).unwrap_err();
        assert!(error.starts_with(why), "{text}: {error}");
    }
}

#[test]
fn find_with_regions_asks_the_worker_for_each_and_the_local_server_refuses_them() {
    let mut s = users(&[]);
    type_text_into_palette(&mut s, "find ann --regions eu-west-1,us-east-1");
    let (_, call) = only_api(&key(&mut s, InputKey::Submit));
    let places = Places {
        profiles: Vec::new(),
        regions: strings(&["eu-west-1", "us-east-1"]),
    };
    assert_eq!(
        call,
        ApiCall::Read(Read::FindUser(Needle::classify("ann"), places))
    );

    let mut s = users(&[]);
    s.context.local = true;
    type_text_into_palette(&mut s, "find ann --profiles prod");
    assert!(apis(&key(&mut s, InputKey::Submit)).is_empty());
    assert_eq!(
        s.toast.as_deref(),
        Some("--profiles and --regions do not apply to the built-in local server (--local)")
    );
    assert_eq!(s.overlay, Overlay::None);
}

/// A hit in another profile and region: Enter switches there (the worker connects before it
/// takes the next effect), then opens the pool and the user, as for a hit here.
#[test]
fn enter_on_a_hit_elsewhere_switches_profile_and_region_before_it_opens_the_user() {
    let mut s = users(&[]);
    type_text_into_palette(
        &mut s,
        "find ann@example.com --profiles prod --regions eu-west-1",
    );
    let (request, _) = only_api(&key(&mut s, InputKey::Submit));
    let mut far = hit("eu-west-1_E", "europe", "ann");
    far.place = Place {
        profile: Some("prod".into()),
        region: "eu-west-1".into(),
    };
    answer(
        &mut s,
        request,
        Payload::Found(Box::new(report(vec![far], Vec::new()))),
    );
    let effects = key(&mut s, InputKey::Submit);
    let reconnect = effects
        .iter()
        .position(|e| matches!(e, Effect::Reconnect { .. }))
        .expect("a reconnect");
    assert_eq!(
        effects[reconnect],
        Effect::Reconnect {
            profile: ProfileChoice::Named("prod".into()),
            region: Some("eu-west-1".into()),
        }
    );
    let describe = effects.iter().position(|e| {
        matches!(e, Effect::Api { call: ApiCall::Read(Read::Describe { key, .. }), .. } if key == "ann")
    });
    assert!(
        describe.is_some_and(|d| d > reconnect),
        "the user is read after the switch: {effects:?}"
    );
    assert_eq!(s.context.profile.as_deref(), Some("prod"));
    assert_eq!(s.context.region, "eu-west-1");
    let pool = s.pool.as_ref().expect("the hit's pool is open");
    assert_eq!(pool.id.as_str(), "eu-west-1_E");
    assert_eq!(s.detail.as_ref().map(|d| d.name.as_str()), Some("ann"));
}

/// A hit of another profile in the console's region: the region is named in the switch too, or
/// the profile's own configured region would be taken.
#[test]
fn a_hit_of_another_profile_in_this_region_keeps_the_region_named() {
    let mut s = users(&[]);
    type_text_into_palette(&mut s, "find ann@example.com --profiles prod");
    let (request, _) = only_api(&key(&mut s, InputKey::Submit));
    let mut far = hit("us-east-1_P", "prod-pool", "ann");
    far.place.profile = Some("prod".into());
    answer(
        &mut s,
        request,
        Payload::Found(Box::new(report(vec![far], Vec::new()))),
    );
    let effects = key(&mut s, InputKey::Submit);
    assert!(
        effects.contains(&Effect::Reconnect {
            profile: ProfileChoice::Named("prod".into()),
            region: Some("us-east-1".into()),
        }),
        "{effects:?}"
    );
}

/// A hit where the console already is: no reconnect, whatever places were named.
#[test]
fn enter_on_a_hit_here_does_not_reconnect() {
    let mut s = users(&[]);
    let here = place();
    assert_eq!(
        (s.context.profile.clone(), s.context.region.clone()),
        (here.profile, here.region)
    );
    type_text_into_palette(&mut s, "find ann@example.com --regions us-east-1,eu-west-1");
    let (request, _) = only_api(&key(&mut s, InputKey::Submit));
    answer(
        &mut s,
        request,
        Payload::Found(Box::new(report(
            vec![hit("us-east-1_A", "a", "ann")],
            Vec::new(),
        ))),
    );
    let effects = key(&mut s, InputKey::Submit);
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::Reconnect { .. })),
        "{effects:?}"
    );
}
