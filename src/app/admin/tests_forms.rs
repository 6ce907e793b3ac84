//! Update scripts of the admin flow's forms and of where its keys lead: a group created and edited
//! in forms that send only what changed, `M` on the MFA settings, the Tags tab's keys.

use serde_json::json;

use super::Stage;
use super::tests::{admins, flow, on_groups, original, pool};
use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::pane::Rows;
use crate::app::effect::{ApiCall, Change, PlanSource, PoolChange, Read};
use crate::app::form::Submit;
use crate::app::state::{Overlay, Tab};
use crate::app::update::tests_support::{answer, key, only_api, press, type_text};
use crate::app::update::update;
use crate::cognito::edit::Target;

#[test]
fn a_group_is_created_and_edited_in_forms_that_send_only_what_changed() {
    let mut s = on_groups();
    assert!(press(&mut s, 'n').is_empty(), "the form needs no read");
    assert!(flow(&s).is_form());
    // An empty name: the model refuses it, the form stays as typed with the reason.
    assert!(key(&mut s, InputKey::Submit).is_empty());
    let Stage::Form { form, .. } = &flow(&s).stage else {
        panic!("left the form");
    };
    assert!(
        matches!(form.submit, Submit::Failed(_)),
        "{:?}",
        form.submit
    );
    type_text(&mut s, "support");
    key(&mut s, InputKey::Complete);
    type_text(&mut s, "Support staff");
    assert!(key(&mut s, InputKey::Submit).is_empty());
    let (send, call) = only_api(&key(&mut s, InputKey::Submit));
    assert_eq!(
        call,
        ApiCall::Change(Change::Pool(PoolChange::Create {
            operation: "CreateGroup",
            input: json!({"UserPoolId": "us-east-1_A", "GroupName": "support",
                          "Description": "Support staff"}),
        }))
    );
    answer(&mut s, send, Payload::Done);

    // Edit: the form is filled from the read; only the changed field is planned.
    let mut s = on_groups();
    let (req, call) = only_api(&press(&mut s, 'e'));
    assert_eq!(call, ApiCall::Read(Read::EditInput(admins())));
    assert!(
        answer(
            &mut s,
            req,
            Payload::EditInput(crate::cognito::secrets::Redacted(original()))
        )
        .is_empty()
    );
    key(&mut s, InputKey::Complete);
    key(&mut s, InputKey::Clear);
    type_text(&mut s, "7");
    let (_, call) = only_api(&key(&mut s, InputKey::Submit));
    let patch = crate::cognito::edit::Patch::new().with(crate::cognito::edit::Edit::Set(
        "Precedence".into(),
        json!(7),
    ));
    assert_eq!(
        call,
        ApiCall::Read(Read::Plan(admins(), PlanSource::Patch(patch)))
    );
}

#[test]
fn m_edits_the_pools_mfa_settings() {
    let mut s = on_groups();
    let (_, call) = only_api(&press(&mut s, 'M'));
    assert_eq!(call, ApiCall::Read(Read::EditInput(Target::Mfa(pool()))));
}

#[test]
fn on_the_tags_tab_e_edits_the_pools_tags_and_d_never_deletes_the_pool() {
    use crate::app::browse::panes::TagRow;
    let mut s = on_groups();
    let (req, _) = only_api(&update(&mut s, Action::ShowTab(Tab::Tags)));
    answer(&mut s, req, Payload::Rows(Rows::new::<TagRow>(Vec::new())));
    for k in ['e', 'E'] {
        let (_, call) = only_api(&press(&mut s, k));
        assert_eq!(call, ApiCall::Read(Read::EditInput(Target::Pool(pool()))));
        assert!(!flow(&s).with_form, "tags are edited as JSON");
        update(&mut s, Action::Input(InputKey::Cancel));
    }
    for k in ['D', 'n'] {
        assert!(press(&mut s, k).is_empty());
        assert_eq!(s.overlay, Overlay::None);
        assert!(
            s.toast
                .as_deref()
                .is_some_and(|t| t.contains("UserPoolTags"))
        );
    }
}
