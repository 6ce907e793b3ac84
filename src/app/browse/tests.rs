//! Pure update scripts: actions in, state and effects out. No tokio, no terminal.

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::detail::DetailBody;
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::{PoolRow, UserRow};
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::remote::{ErrorInfo, Remote, RequestId};
use crate::app::state::{Context, Load, Overlay, State, Tab};
use crate::app::update::{init, update};
use crate::cognito::PoolId;
use crate::cognito::pools::UserPoolDescriptionType;
use crate::cognito::users::UserType;

pub(super) fn state() -> State {
    State::new(Context {
        region: "us-east-1".into(),
        endpoint: "http://127.0.0.1:5000/".into(),
        ..Context::default()
    })
}

fn pool_rows(names: &[(&str, &str)]) -> Vec<PoolRow> {
    names
        .iter()
        .map(|(id, name)| {
            let p: UserPoolDescriptionType = serde_json::from_value(
                serde_json::json!({"Id": id, "Name": name, "CreationDate": 1.7e9}),
            )
            .unwrap();
            PoolRow::from(&p)
        })
        .collect()
}

fn user_rows(names: &[&str]) -> Vec<UserRow> {
    names
        .iter()
        .map(|n| {
            let u: UserType = serde_json::from_value(serde_json::json!({
                "Username": n, "Enabled": true, "UserStatus": "CONFIRMED",
                "Attributes": [{"Name": "email", "Value": format!("{n}@example.com")}]
            }))
            .unwrap();
            UserRow::from(&u)
        })
        .collect()
}

/// The first page of pool `prod`'s users, under this server filter.
fn list_users(filter: Option<&str>) -> ApiCall {
    ApiCall::Read(Read::ListUsers {
        pool: PoolId::new("us-east-1_A"),
        filter: filter.map(str::to_owned),
        from: None,
    })
}

/// One page of the users list arriving for `request`; `done` says whether it is the last.
fn users_page(s: &mut State, request: RequestId, names: &[&str], done: bool) -> Vec<Effect> {
    update(
        s,
        Action::Loaded {
            request,
            payload: Payload::Rows(Rows::new::<UserRow>(user_rows(names))),
            done,
        },
    )
}

pub(super) fn only_api(effects: &[Effect]) -> (RequestId, ApiCall) {
    let apis: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Api { request, call } => Some((*request, call.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(apis.len(), 1, "expected one API call in {effects:?}");
    apis[0].clone()
}

pub(super) fn type_text(s: &mut State, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| update(s, Action::Input(InputKey::Char(c))))
        .collect()
}

/// The pools loaded, then the pool opened with the users request in flight.
pub(super) fn opened_pool(s: &mut State) -> RequestId {
    let (req, call) = only_api(&init(s));
    assert_eq!(call, ApiCall::Read(Read::ListPools));
    update(
        s,
        Action::Loaded {
            request: req,
            payload: Payload::Pools(pool_rows(&[
                ("us-east-1_A", "prod"),
                ("us-east-1_B", "staging"),
            ])),
            done: true,
        },
    );
    let (req, call) = only_api(&update(s, Action::Open));
    assert_eq!(call, list_users(None));
    req
}

#[test]
fn pools_load_and_enter_opens_the_first_pool_on_users() {
    let mut s = state();
    let req = opened_pool(&mut s);
    let pool = s.pool.as_ref().unwrap();
    assert_eq!(pool.name, "prod");
    assert_eq!(pool.tab, Tab::Users);
    assert!(pool.users.load.awaits(req));
    assert_eq!(s.pools.load, Load::Done);
}

#[test]
fn users_stream_in_pages_and_finish() {
    let mut s = state();
    let req = opened_pool(&mut s);
    users_page(&mut s, req, &["ann", "bob"], false);
    let users = &s.pool.as_ref().unwrap().users;
    assert_eq!(users.table.total(), 2);
    assert_eq!(
        users.load,
        Load::Loading {
            request: req,
            pages: 1
        }
    );
    assert!(s.is_busy());
    users_page(&mut s, req, &["cat"], true);
    let users = &s.pool.as_ref().unwrap().users;
    assert_eq!(users.table.total(), 3);
    assert_eq!(users.load, Load::Done);
    assert!(!s.is_busy());
}

#[test]
fn a_reply_for_a_pool_the_user_left_is_dropped() {
    let mut s = state();
    let old = opened_pool(&mut s);
    let effects = update(&mut s, Action::Back);
    assert_eq!(
        effects,
        vec![Effect::Cancel(old)],
        "Esc while loading stops the load first"
    );
    let effects = update(&mut s, Action::Back);
    assert!(effects.is_empty());
    assert!(s.pool.is_none());
    update(&mut s, Action::Down);
    let (new, _) = only_api(&update(&mut s, Action::Open));
    assert_ne!(new, old);
    users_page(&mut s, old, &["stale"], true);
    let pool = s.pool.as_ref().unwrap();
    assert_eq!(pool.name, "staging");
    assert_eq!(
        pool.users.table.total(),
        0,
        "stale rows must not land in the new pool"
    );
    assert!(pool.users.load.awaits(new));
}

#[test]
fn esc_stops_a_users_load_and_keeps_what_arrived() {
    let mut s = state();
    let req = opened_pool(&mut s);
    users_page(&mut s, req, &["ann"], false);
    assert_eq!(update(&mut s, Action::Back), vec![Effect::Cancel(req)]);
    let users = &s.pool.as_ref().unwrap().users;
    assert_eq!(users.load, Load::Cancelled);
    assert_eq!(users.table.total(), 1);
    users_page(&mut s, req, &["late"], true);
    assert_eq!(s.pool.as_ref().unwrap().users.table.total(), 1);
}

#[test]
fn local_filter_narrows_live_and_esc_clears_it() {
    let mut s = state();
    let req = opened_pool(&mut s);
    users_page(&mut s, req, &["ann", "anna", "bob"], true);
    update(&mut s, Action::OpenLocalFilter);
    assert!(matches!(s.overlay, Overlay::LocalFilter(_)));
    assert!(
        type_text(&mut s, "ANN").is_empty(),
        "filtering is local: no API call"
    );
    assert_eq!(s.pool.as_ref().unwrap().users.table.visible_len(), 2);
    update(&mut s, Action::Input(InputKey::Backspace));
    update(&mut s, Action::Input(InputKey::Backspace));
    update(&mut s, Action::Input(InputKey::Backspace));
    type_text(&mut s, "example");
    assert_eq!(
        s.pool.as_ref().unwrap().users.table.visible_len(),
        3,
        "email column is searched too"
    );
    update(&mut s, Action::Input(InputKey::Cancel));
    assert_eq!(s.overlay, Overlay::None);
    assert_eq!(s.pool.as_ref().unwrap().users.table.visible_len(), 3);
}

#[test]
fn server_filter_reloads_users_with_a_listusers_filter() {
    let mut s = state();
    let req = opened_pool(&mut s);
    users_page(&mut s, req, &["ann"], true);
    update(&mut s, Action::OpenServerFilter);
    type_text(&mut s, "ann");
    let (_, call) = only_api(&update(&mut s, Action::Input(InputKey::Submit)));
    assert_eq!(call, list_users(Some("email ^= \"ann\"")));
    assert_eq!(
        s.pool.as_ref().unwrap().users.table.total(),
        0,
        "the list restarts"
    );
    update(&mut s, Action::OpenServerFilter);
    update(&mut s, Action::Input(InputKey::Down));
    update(&mut s, Action::Input(InputKey::Complete));
    let (_, call) = only_api(&update(&mut s, Action::Input(InputKey::Submit)));
    assert_eq!(call, list_users(Some("phone_number = \"ann\"")));
}

#[test]
fn enter_on_a_user_opens_its_detail_and_y_shows_json() {
    let mut s = state();
    let req = opened_pool(&mut s);
    users_page(&mut s, req, &["ann", "bob"], true);
    update(&mut s, Action::Down);
    let (req, call) = only_api(&update(&mut s, Action::Open));
    assert_eq!(
        call,
        ApiCall::Read(Read::Describe {
            tab: Tab::Users,
            pool: PoolId::new("us-east-1_A"),
            key: "bob".to_owned(),
        })
    );
    let detail = s.detail.as_ref().unwrap();
    assert_eq!((detail.tab, detail.name.as_str()), (Tab::Users, "bob"));
    let body = DetailBody {
        sections: Vec::new(),
        verdict: None,
        raw: serde_json::json!({"Username": "bob"}),
    };
    update(
        &mut s,
        Action::Loaded {
            request: req,
            payload: Payload::Detail(body.clone()),
            done: true,
        },
    );
    assert_eq!(s.detail.as_ref().unwrap().body, Remote::Loaded(body));
    update(&mut s, Action::ToggleJson);
    assert!(s.detail.as_ref().unwrap().show_json);
    assert!(update(&mut s, Action::Back).is_empty());
    assert!(s.detail.is_none());
    assert!(s.pool.is_some(), "Esc closes only the detail");
}

#[test]
fn errors_show_in_place_and_the_app_goes_on() {
    let mut s = state();
    let req = opened_pool(&mut s);
    let error = ErrorInfo {
        code: Some("AccessDeniedException".into()),
        text: "AccessDeniedException: denied".into(),
        ..ErrorInfo::default()
    };
    update(
        &mut s,
        Action::Failed {
            request: req,
            error: error.clone(),
        },
    );
    assert_eq!(s.pool.as_ref().unwrap().users.load, Load::Failed(error));
    assert!(!s.quit);
    let (_, call) = only_api(&update(&mut s, Action::Refresh));
    assert!(matches!(call, ApiCall::Read(Read::ListUsers { .. })));
}

#[test]
fn sorting_by_a_column_and_reversing() {
    let mut s = state();
    let req = opened_pool(&mut s);
    users_page(&mut s, req, &["bob", "ann", "cat"], true);
    update(&mut s, Action::SortBy(0));
    let name = |s: &State, i| {
        s.pool
            .as_ref()
            .unwrap()
            .users
            .table
            .visible_row(i)
            .unwrap()
            .username
            .to_string()
    };
    assert_eq!([name(&s, 0), name(&s, 2)], ["ann", "cat"]);
    update(&mut s, Action::SortBy(0));
    assert_eq!([name(&s, 0), name(&s, 2)], ["cat", "ann"]);
    update(&mut s, Action::End);
    assert_eq!(s.pool.as_ref().unwrap().users.table.selected_index(), 2);
}
