//! Pure update scripts for the pool's tabs: each loads once through its registry entry, a
//! failed load never leaves a tab busy; the palette opens tabs by their words, and pools,
//! regions and quitting by its other commands.

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::panes;
use crate::app::browse::rows::GroupRow;
use crate::app::browse::tests::{only_api, opened_pool, state, type_text};
use crate::app::effect::{ApiCall, Effect, IndexRead, ProfileChoice, Read};
use crate::app::remote::ErrorInfo;
use crate::app::state::{Load, Overlay, Tab};
use crate::app::update::tests_support::apis;
use crate::app::update::update;
use crate::cognito::PoolId;

#[test]
fn tabs_load_once_and_refresh_reloads() {
    let mut s = state();
    opened_pool(&mut s);
    let (req, call) = only_api(&update(&mut s, Action::NextTab));
    assert_eq!(
        call,
        ApiCall::Read(Read::List(Tab::Groups, PoolId::new("us-east-1_A")))
    );
    update(
        &mut s,
        Action::Loaded {
            request: req,
            payload: Payload::Rows(Rows::new::<GroupRow>(Vec::new())),
            done: true,
        },
    );
    update(&mut s, Action::PrevTab);
    assert!(
        update(&mut s, Action::NextTab).is_empty(),
        "loaded tabs are not fetched again"
    );
    let (_, call) = only_api(&update(&mut s, Action::Refresh));
    assert_eq!(
        call,
        ApiCall::Read(Read::List(Tab::Groups, PoolId::new("us-east-1_A")))
    );
    let calls: Vec<ApiCall> = apis(&update(&mut s, Action::ShowTab(Tab::Overview)))
        .into_iter()
        .map(|(_, call)| call)
        .collect();
    let pool = PoolId::new("us-east-1_A");
    assert_eq!(
        calls,
        [
            ApiCall::Read(Read::DescribePool(pool.clone())),
            ApiCall::Read(Read::Index(IndexRead::Summary(pool))),
        ],
        "the Overview shows the local index's counts beside the description"
    );
}

#[test]
fn palette_completes_commands_with_tab() {
    let mut s = state();
    opened_pool(&mut s);
    update(&mut s, Action::OpenPalette);
    type_text(&mut s, "gr");
    update(&mut s, Action::Input(InputKey::Complete));
    let Overlay::Palette { input, .. } = &s.overlay else {
        panic!("palette closed")
    };
    assert_eq!(input.value(), "groups");
    let (_, call) = only_api(&update(&mut s, Action::Input(InputKey::Submit)));
    assert_eq!(
        call,
        ApiCall::Read(Read::List(Tab::Groups, PoolId::new("us-east-1_A")))
    );
}

#[test]
fn palette_opens_pools_by_name_switches_region_and_quits() {
    let mut s = state();
    opened_pool(&mut s);
    update(&mut s, Action::OpenPalette);
    type_text(&mut s, "pool STAGING");
    let effects = update(&mut s, Action::Input(InputKey::Submit));
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Cancel(_))),
        "the old pool's load is cancelled"
    );
    assert_eq!(s.pool.as_ref().unwrap().id, PoolId::new("us-east-1_B"));
    update(&mut s, Action::OpenPalette);
    type_text(&mut s, "nonsense");
    update(&mut s, Action::Input(InputKey::Submit));
    assert!(s.toast.as_deref().unwrap().contains("unknown command"));
    update(&mut s, Action::OpenPalette);
    type_text(&mut s, "region eu-west-1");
    let effects = update(&mut s, Action::Input(InputKey::Submit));
    assert!(effects.contains(&Effect::Reconnect {
        profile: ProfileChoice::Keep,
        region: Some("eu-west-1".into())
    }));
    assert_eq!(only_api(&effects).1, ApiCall::Read(Read::ListPools));
    assert_eq!(s.context.region, "eu-west-1");
    assert!(s.pool.is_none());
    update(&mut s, Action::OpenPalette);
    type_text(&mut s, "q");
    update(&mut s, Action::Input(InputKey::Submit));
    assert!(s.quit);
}

/// Every registered tab asks for its own listing, and its failure lands on it: no tab is left
/// loading, whatever its place in the registry.
#[test]
fn every_tab_lists_through_the_registry_and_a_failure_ends_its_load() {
    let mut s = state();
    let users = opened_pool(&mut s);
    update(
        &mut s,
        Action::Failed {
            request: users,
            error: ErrorInfo::new("boom"),
        },
    );
    let pool = PoolId::new("us-east-1_A");
    for &tab in Tab::ALL {
        if tab == Tab::Users || tab == Tab::Overview {
            continue;
        }
        let (req, call) = only_api(&update(&mut s, Action::ShowTab(tab)));
        assert_eq!(
            call,
            ApiCall::Read(Read::List(tab, pool.clone())),
            "{tab:?}"
        );
        assert!(s.is_busy(), "{tab:?} loads");
        update(
            &mut s,
            Action::Failed {
                request: req,
                error: ErrorInfo::new("not supported by this endpoint"),
            },
        );
        let table = panes::table(s.pool.as_ref().unwrap(), tab).unwrap();
        assert!(matches!(table.load(), Load::Failed(_)), "{tab:?}");
        assert!(!s.is_busy(), "{tab:?} is left loading");
    }
}
