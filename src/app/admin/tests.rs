//! Update scripts of the admin flow: `E` reads, the editor's text comes back, a plan is asked
//! for, Enter sends it; a refused save reopens the editor with the reason on top; a failed send
//! keeps the dialog (and the edit); `D` wants the name typed; `--read-only` hides both keys.

use serde_json::json;

use super::editor;
use super::{AdminFlow, Stage};
use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::browse::panes::{GroupRow, ResourceServerRow};
use crate::app::effect::{ApiCall, Change, Effect, PlanSource, PoolChange, Read};
use crate::app::form::Submit;
use crate::app::remote::RequestId;
use crate::app::state::{Overlay, State, Tab};
use crate::app::update::tests_support::{answer, fail, key, only_api, press, type_text, users};
use crate::app::update::update;
use crate::cognito::edit::{Plan, Target};
use crate::cognito::groups::GroupType;
use crate::cognito::{GroupName, PoolId};

pub(super) fn pool() -> PoolId {
    PoolId::new("us-east-1_A")
}

pub(super) fn admins() -> Target {
    Target::Group(pool(), GroupName::new("admins"))
}

/// The console on pool prod's Groups tab, `admins` loaded and selected.
pub(super) fn on_groups() -> State {
    let mut s = users(&[]);
    let (req, _) = only_api(&update(&mut s, Action::ShowTab(Tab::Groups)));
    let g: GroupType =
        serde_json::from_value(json!({"GroupName": "admins", "Precedence": 1})).unwrap();
    answer(
        &mut s,
        req,
        Payload::Rows(Rows::new(vec![GroupRow::from(&g)])),
    );
    s
}

pub(super) fn flow(s: &State) -> &AdminFlow {
    match &s.overlay {
        Overlay::Admin(flow) => flow,
        other => panic!("no admin flow: {other:?}"),
    }
}

pub(super) fn editor_request(effects: &[Effect]) -> (RequestId, String) {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::OpenEditor { request, text } => Some((*request, text.clone())),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no editor in {effects:?}"))
}

pub(super) fn original() -> serde_json::Value {
    json!({"UserPoolId": "us-east-1_A", "GroupName": "admins", "Precedence": 1})
}

/// `E` on admins, its configuration read, the editor open: the editor's request and text.
fn editing(s: &mut State) -> (RequestId, String) {
    let (req, call) = only_api(&press(s, 'E'));
    assert_eq!(call, ApiCall::Read(Read::EditInput(admins())));
    editor_request(&answer(
        s,
        req,
        Payload::EditInput(crate::cognito::secrets::Redacted(original())),
    ))
}

/// `E` on admins, Precedence saved as 5: the plan's request.
fn planning_precedence_5(s: &mut State) -> RequestId {
    let (req, text) = editing(s);
    let saved = text.replace("\"Precedence\": 1", "\"Precedence\": 5");
    let effects = update(
        s,
        Action::Edited {
            request: req,
            outcome: Ok(saved),
        },
    );
    only_api(&effects).0
}

/// The plan of Precedence 1 → 5, answered, sent, and refused with `message`.
fn refused_precedence_5(s: &mut State, message: &str) {
    let plan_req = planning_precedence_5(s);
    let mut after = original();
    after["Precedence"] = json!(5);
    let plan = Plan {
        target: admins(),
        before: original(),
        after,
    };
    answer(s, plan_req, Payload::Plan(Box::new(plan)));
    let (send, _) = only_api(&key(s, InputKey::Submit));
    fail(s, send, "InvalidParameterException", message);
}

#[test]
fn edit_as_json_reads_edits_plans_and_sends_the_plan() {
    let mut s = on_groups();
    let (req, text) = editing(&mut s);
    assert!(text.contains("\"Precedence\": 1"), "{text}");
    assert!(text.starts_with("// Group admins (UpdateGroup)"), "{text}");
    let saved = text.replace("\"Precedence\": 1", "\"Precedence\": 5");
    let effects = update(
        &mut s,
        Action::Edited {
            request: req,
            outcome: Ok(saved.clone()),
        },
    );
    let (plan_req, call) = only_api(&effects);
    let mut edited = original();
    edited["Precedence"] = json!(5);
    assert_eq!(
        call,
        ApiCall::Read(Read::Plan(
            admins(),
            PlanSource::Replace {
                started: original(),
                edited: edited.clone()
            }
        ))
    );
    let plan = Plan {
        target: admins(),
        before: original(),
        after: edited,
    };
    answer(&mut s, plan_req, Payload::Plan(Box::new(plan.clone())));
    assert!(matches!(flow(&s).stage, Stage::Review { .. }));
    let (send, call) = only_api(&key(&mut s, InputKey::Submit));
    assert_eq!(
        call,
        ApiCall::Change(Change::Pool(PoolChange::Apply(Box::new(plan))))
    );
    let effects = answer(&mut s, send, Payload::Done);
    assert_eq!(s.overlay, Overlay::None);
    assert_eq!(s.toast.as_deref(), Some("group admins updated: 1 change"));
    // The pane is read again.
    let (_, call) = only_api(&effects);
    assert!(
        matches!(call, ApiCall::Read(Read::List(Tab::Groups, _))),
        "{call:?}"
    );
}

#[test]
fn a_save_that_is_not_valid_reopens_the_editor_with_the_reason_and_the_text_kept() {
    let mut s = on_groups();
    let (req, text) = editing(&mut s);
    // Precedence is an integer in the model.
    let saved = text.replace("\"Precedence\": 1", "\"Precedence\": \"high\"");
    let effects = update(
        &mut s,
        Action::Edited {
            request: req,
            outcome: Ok(saved),
        },
    );
    let (again, text) = editor_request(&effects);
    assert!(text.starts_with("// error: "), "{text}");
    assert!(
        text.contains("\"Precedence\": \"high\""),
        "the person's text is kept: {text}"
    );
    // Broken JSON: the line is named.
    let broken = text.replace("\"Precedence\": \"high\"", "\"Precedence\": ");
    let effects = update(
        &mut s,
        Action::Edited {
            request: again,
            outcome: Ok(broken),
        },
    );
    let (_, text) = editor_request(&effects);
    assert_eq!(
        text.matches("// error:").count(),
        1,
        "old errors go: {text}"
    );
    assert!(text.contains("line "), "{text}");
}

#[test]
fn an_unchanged_save_or_an_editor_that_failed_sends_nothing() {
    let mut s = on_groups();
    let (req, text) = editing(&mut s);
    let effects = update(
        &mut s,
        Action::Edited {
            request: req,
            outcome: Ok(text),
        },
    );
    assert!(effects.is_empty());
    assert_eq!(s.overlay, Overlay::None);
    assert_eq!(s.toast.as_deref(), Some("group admins: nothing changed"));
    let (req, _) = editing(&mut s);
    let outcome = Err("vi exited with exit status: 1".to_owned());
    assert!(
        update(
            &mut s,
            Action::Edited {
                request: req,
                outcome
            }
        )
        .is_empty()
    );
    assert!(
        s.toast
            .as_deref()
            .is_some_and(|t| t.contains("nothing sent"))
    );
}

#[test]
fn a_failed_send_keeps_the_dialog_and_e_goes_back_to_the_edit() {
    let mut s = on_groups();
    refused_precedence_5(&mut s, "no");
    let Stage::Review { submit, .. } = &flow(&s).stage else {
        panic!("left the review");
    };
    assert!(matches!(submit, Submit::Failed(_)));
    let (_, text) = editor_request(&key(&mut s, InputKey::Char('e')));
    assert!(text.contains("\"Precedence\": 5"), "{text}");
}

#[test]
fn a_plan_that_fails_goes_back_to_the_editor_with_the_reason() {
    let mut s = on_groups();
    let plan_req = planning_precedence_5(&mut s);
    let effects = fail(&mut s, plan_req, "ResourceNotFoundException", "gone");
    let (_, text) = editor_request(&effects);
    assert!(text.starts_with("// error: gone"), "{text}");
}

#[test]
fn delete_needs_the_name_typed() {
    let mut s = on_groups();
    assert!(press(&mut s, 'D').is_empty());
    assert!(key(&mut s, InputKey::Submit).is_empty());
    let Stage::Delete { hint, .. } = &flow(&s).stage else {
        panic!("no delete");
    };
    assert_eq!(hint.as_deref(), Some("type admins exactly to delete"));
    type_text(&mut s, "admins");
    let (req, call) = only_api(&key(&mut s, InputKey::Submit));
    assert_eq!(
        call,
        ApiCall::Change(Change::Pool(PoolChange::Delete(admins())))
    );
    answer(&mut s, req, Payload::Done);
    assert_eq!(s.toast.as_deref(), Some("group admins deleted"));
}

#[test]
fn the_overview_edits_the_pool_and_read_only_hides_the_keys() {
    let mut s = on_groups();
    update(&mut s, Action::ShowTab(Tab::Overview));
    let (_, call) = only_api(&press(&mut s, 'E'));
    assert_eq!(call, ApiCall::Read(Read::EditInput(Target::Pool(pool()))));
    let mut s = on_groups();
    s.context.read_only = true;
    assert!(press(&mut s, 'E').is_empty());
    assert!(press(&mut s, 'D').is_empty());
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn secrets_are_masked_for_the_editor_and_kept_when_left_masked() {
    let idp = Target::Idp(pool(), crate::cognito::ProviderName::new("corp"));
    let original = json!({"UserPoolId": "us-east-1_A", "ProviderName": "corp",
        "ProviderDetails": {"client_id": "cid", "client_secret": "s3cr3t"}});
    let text = editor::text_for(&super::Subject::Existing(idp.clone()), &original);
    assert!(!text.contains("s3cr3t"), "{text}");
    let parsed = editor::parse("UpdateIdentityProvider", &text, &original).unwrap();
    assert_eq!(parsed, original);
    let changed = text.replace("\"client_id\": \"cid\"", "\"client_id\": \"cid2\"");
    let parsed = editor::parse("UpdateIdentityProvider", &changed, &original).unwrap();
    assert_eq!(parsed["ProviderDetails"]["client_secret"], "s3cr3t");
    assert_eq!(parsed["ProviderDetails"]["client_id"], "cid2");
}

#[test]
fn n_creates_from_the_create_input_written_in_the_editor() {
    let mut s = on_groups();
    let (req, _) = only_api(&update(&mut s, Action::ShowTab(Tab::ResourceServers)));
    answer(
        &mut s,
        req,
        Payload::Rows(Rows::new::<ResourceServerRow>(Vec::new())),
    );
    let (req, text) = editor_request(&press(&mut s, 'n'));
    assert!(text.contains("CreateResourceServer"), "{text}");
    assert!(text.contains("Identifier (required)"), "{text}");
    assert_eq!(
        json_of(&text),
        json!({"UserPoolId": "us-east-1_A", "Identifier": "", "Name": ""})
    );
    // Saved as given: nothing to create.
    update(
        &mut s,
        Action::Edited {
            request: req,
            outcome: Ok(text.clone()),
        },
    );
    assert_eq!(s.overlay, Overlay::None);
    let (req, text) = editor_request(&press(&mut s, 'n'));
    // An empty identifier breaks the model's constraint: back to the editor.
    let saved = text.replace("\"Name\": \"\"", "\"Name\": \"Orders\"");
    let (req2, again) = editor_request(&update(
        &mut s,
        Action::Edited {
            request: req,
            outcome: Ok(saved),
        },
    ));
    assert!(
        again.starts_with("// error: InvalidParameterException"),
        "{again}"
    );
    let saved = again.replace("\"Identifier\": \"\"", "\"Identifier\": \"orders\"");
    assert!(
        update(
            &mut s,
            Action::Edited {
                request: req2,
                outcome: Ok(saved)
            }
        )
        .is_empty()
    );
    assert!(matches!(flow(&s).stage, Stage::Create { .. }));
    let (send, call) = only_api(&key(&mut s, InputKey::Submit));
    assert_eq!(
        call,
        ApiCall::Change(Change::Pool(PoolChange::Create {
            operation: "CreateResourceServer",
            input: json!({"UserPoolId": "us-east-1_A", "Identifier": "orders", "Name": "Orders"}),
        }))
    );
    answer(&mut s, send, Payload::Done);
    assert_eq!(s.toast.as_deref(), Some("resource server orders created"));
}

fn json_of(text: &str) -> serde_json::Value {
    let json: Vec<&str> = text.lines().filter(|l| !l.starts_with("//")).collect();
    serde_json::from_str(&json.join("\n")).unwrap()
}

#[test]
fn esc_stops_a_read_and_enter_after_a_failed_send_goes_back_to_the_edit() {
    let mut s = on_groups();
    let (req, _) = only_api(&press(&mut s, 'E'));
    assert_eq!(key(&mut s, InputKey::Cancel), [Effect::Cancel(req)]);
    assert_eq!(s.overlay, Overlay::None);
    refused_precedence_5(&mut s, "stale");
    // Enter again does not resend the refused plan: back to the editor, the reason on top.
    let (_, text) = editor_request(&key(&mut s, InputKey::Submit));
    assert!(text.starts_with("// error: stale"), "{text}");
    assert!(text.contains("\"Precedence\": 5"), "{text}");
}

#[test]
fn an_emptied_file_cancels_even_a_reopened_editor() {
    let mut s = on_groups();
    let (req, text) = editing(&mut s);
    let broken = text.replace("\"Precedence\": 1", "\"Precedence\": ");
    let (again, _) = editor_request(&update(
        &mut s,
        Action::Edited {
            request: req,
            outcome: Ok(broken),
        },
    ));
    // The notes may stay: only the JSON is gone.
    let emptied = "// error: something\n\n".to_owned();
    let effects = update(
        &mut s,
        Action::Edited {
            request: again,
            outcome: Ok(emptied),
        },
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(s.overlay, Overlay::None);
    assert_eq!(
        s.toast.as_deref(),
        Some("group admins: cancelled, nothing sent")
    );
}
