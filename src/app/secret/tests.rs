//! An app client's secret as update scripts: read only after `S`, masked until `r`, copied on
//! `c`, forgotten on close, and never in a Debug print of the state or the effects (what the log
//! could record). A client without a secret says so instead.

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::detail::client_body;
use crate::app::browse::pane::Rows;
use crate::app::browse::panes::ClientRow;
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::input::keymap::{self, Mode};
use crate::app::remote::Remote;
use crate::app::secret::update::NO_SECRET;
use crate::app::secret::{SecretOf, SecretShown};
use crate::app::state::{Overlay, State, Tab};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::cognito::clients::UserPoolClientType;
use crate::cognito::types::Secret;
use crate::cognito::{ClientId, PoolId};

const SECRET: &str = "s3cr3t-of-the-backend-7f2a";
const ID: &str = "4f9kq2backend";

/// DescribeUserPoolClient's answer for `backend`, with its secret or without one.
fn described(secret: Option<&str>) -> serde_json::Value {
    let mut client = serde_json::json!({"ClientId": ID, "ClientName": "backend",
        "UserPoolId": "us-east-1_A", "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"]});
    if let Some(secret) = secret {
        client["ClientSecret"] = secret.into();
    }
    serde_json::json!({ "UserPoolClient": client })
}

/// The console on the detail of app client `backend`, as DescribeUserPoolClient answered it.
fn on_client_detail(secret: Option<&str>) -> State {
    let mut s = users(&[]);
    let raw = described(secret);
    let client: UserPoolClientType = serde_json::from_value(raw["UserPoolClient"].clone()).unwrap();
    let (req, _) = only_api(&update(&mut s, Action::ShowTab(Tab::Clients)));
    let rows = Rows::new(vec![ClientRow::from(&client)]);
    answer(&mut s, req, Payload::Rows(rows));
    let (req, _) = only_api(&update(&mut s, Action::Open));
    answer(&mut s, req, Payload::Detail(client_body(&client, raw)));
    s
}

fn shown(s: &State) -> &SecretShown {
    match &s.overlay {
        Overlay::Secret(view) => view,
        other => panic!("no secret shown: {other:?}"),
    }
}

/// `S` pressed: the one read it starts.
fn ask(s: &mut State) -> crate::app::remote::RequestId {
    let (req, call) = only_api(&press(s, 'S'));
    assert_eq!(
        call,
        ApiCall::Read(Read::ClientSecret(
            PoolId::new("us-east-1_A"),
            ClientId::new(ID)
        ))
    );
    req
}

#[test]
fn the_secret_is_read_only_on_s_and_shown_only_on_r() {
    let mut s = on_client_detail(Some(SECRET));
    assert_eq!(keymap::mode(&s), Mode::ClientDetail);
    assert!(
        !format!("{s:?}").contains(SECRET),
        "the detail keeps the mask"
    );
    let req = ask(&mut s);
    assert_eq!(keymap::mode(&s), Mode::Secret);
    assert_eq!(
        shown(&s).of,
        SecretOf::Client {
            name: "backend".into(),
            id: ID.into()
        }
    );
    assert!(s.is_busy(), "the spinner turns while it is read");
    answer(
        &mut s,
        req,
        Payload::ClientSecret(Some(Secret::new(SECRET))),
    );
    assert_eq!(shown(&s).value().map(Secret::reveal), Some(SECRET));
    assert!(!shown(&s).revealed, "masked until r");
    assert!(!format!("{s:?}").contains(SECRET));
    assert!(press(&mut s, 'r').is_empty());
    assert!(shown(&s).revealed);
    assert!(
        !format!("{s:?}").contains(SECRET),
        "revealed, still not in Debug"
    );
    let copied = press(&mut s, 'c');
    assert_eq!(copied, [Effect::CopyToClipboard(Secret::new(SECRET))]);
    assert!(!format!("{copied:?}").contains(SECRET));
    assert!(shown(&s).copied);
    press(&mut s, 'r');
    assert!(!shown(&s).revealed, "r hides it again");
    key(&mut s, InputKey::Cancel);
    assert_eq!(s.overlay, Overlay::None, "closed: the secret is gone");
    assert_eq!(keymap::mode(&s), Mode::ClientDetail, "back on the detail");
}

#[test]
fn a_client_without_a_secret_says_so_instead_of_reading() {
    let mut s = on_client_detail(None);
    assert!(press(&mut s, 'S').is_empty());
    assert_eq!(s.toast.as_deref(), Some(NO_SECRET));
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn a_secret_gone_since_the_detail_was_read_is_said_and_offers_nothing() {
    let mut s = on_client_detail(Some(SECRET));
    let req = ask(&mut s);
    answer(&mut s, req, Payload::ClientSecret(None));
    assert_eq!(shown(&s).secret, Remote::Loaded(None));
    assert!(press(&mut s, 'c').is_empty(), "nothing to copy");
    press(&mut s, 'r');
    assert!(!shown(&s).revealed);
}

#[test]
fn a_failed_read_says_why_in_place_and_closing_a_running_one_stops_it() {
    let mut s = on_client_detail(Some(SECRET));
    let req = ask(&mut s);
    fail(&mut s, req, "NotAuthorizedException", "not allowed");
    assert!(matches!(shown(&s).secret, Remote::Failed(_)));
    key(&mut s, InputKey::Submit);
    assert_eq!(s.overlay, Overlay::None);

    let req = ask(&mut s);
    assert_eq!(key(&mut s, InputKey::Cancel), [Effect::Cancel(req)]);
    answer(
        &mut s,
        req,
        Payload::ClientSecret(Some(Secret::new(SECRET))),
    );
    assert_eq!(s.overlay, Overlay::None, "a late answer is dropped");
    assert!(!format!("{s:?}").contains(SECRET));
}

#[test]
fn s_is_an_app_clients_key_only_and_reads_under_read_only() {
    let mut s = on_client_detail(Some(SECRET));
    s.context.read_only = true;
    ask(&mut s);
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::Open);
    assert_eq!(keymap::mode(&s), Mode::UserDetail);
    assert!(press(&mut s, 'S').is_empty(), "a user has no secret key");
    assert_eq!(s.overlay, Overlay::None);
}
