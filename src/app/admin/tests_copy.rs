//! Ctrl-Y in a pool change's dialog: the AWS CLI command of the change as written, a secret
//! masked; nothing before the change is written.

use serde_json::json;

use super::tests::{admins, flow, on_groups, original, pool};
use super::{AdminFlow, Origin, Stage, Subject};
use crate::app::action::InputKey;
use crate::app::effect::Effect;
use crate::app::form::Submit;
use crate::app::state::Overlay;
use crate::app::update::tests_support::{key, press};
use crate::cognito::ProviderName;
use crate::cognito::edit::{Plan, Target};
use crate::cognito::secrets::Redacted;

fn copied(effects: &[Effect]) -> String {
    match effects {
        [Effect::CopyToClipboard(text)] => text.reveal().to_owned(),
        other => panic!("nothing copied: {other:?}"),
    }
}

fn reviewing(target: Target, before: serde_json::Value, after: serde_json::Value) -> AdminFlow {
    AdminFlow {
        subject: Subject::Existing(target.clone()),
        stage: Stage::Review {
            plan: Box::new(Plan {
                target,
                before: before.clone(),
                after,
            }),
            origin: Origin::Editor {
                text: String::new(),
                original: Redacted(before),
            },
            submit: Submit::Editing,
        },
        with_form: false,
    }
}

#[test]
fn a_delete_copies_its_command_and_the_dialog_stays() {
    let mut s = on_groups();
    press(&mut s, 'D');
    assert_eq!(
        copied(&key(&mut s, InputKey::CopyCommand)),
        "aws cognito-idp delete-group --group-name admins --user-pool-id us-east-1_A --region us-east-1"
    );
    assert!(matches!(flow(&s).stage, Stage::Delete { .. }));
    assert_eq!(s.toast.as_deref(), Some("AWS CLI command copied (OSC 52)"));
}

#[test]
fn a_reviewed_update_copies_the_whole_update_as_it_will_be_sent() {
    let mut s = on_groups();
    let mut after = original();
    after["Precedence"] = json!(5);
    s.overlay = Overlay::Admin(Box::new(reviewing(admins(), original(), after)));
    assert_eq!(
        copied(&key(&mut s, InputKey::CopyCommand)),
        "aws cognito-idp update-group --group-name admins --precedence 5 \
         --user-pool-id us-east-1_A --region us-east-1"
    );
}

#[test]
fn a_providers_secret_is_masked_in_the_copy_and_the_toast_says_to_fill_it_in() {
    let mut s = on_groups();
    let before = json!({
        "UserPoolId": "us-east-1_A",
        "ProviderName": "Google",
        "ProviderDetails": {"client_id": "abc", "client_secret": "s3cr3t-value"},
    });
    let mut after = before.clone();
    after["ProviderDetails"]["authorize_scopes"] = json!("openid email");
    let target = Target::Idp(pool(), ProviderName::new("Google"));
    s.overlay = Overlay::Admin(Box::new(reviewing(target, before, after)));
    let command = copied(&key(&mut s, InputKey::CopyCommand));
    assert!(command.starts_with("aws cognito-idp update-identity-provider "));
    assert!(!command.contains("s3cr3t"), "{command}");
    assert!(
        command.contains(r#""client_secret":"********""#),
        "{command}"
    );
    assert!(
        s.toast
            .as_deref()
            .unwrap()
            .contains("fill in each ********")
    );
    // The change sent keeps the secret: only the copy masks it.
    let Overlay::Admin(flow) = &s.overlay else {
        panic!("the dialog closed");
    };
    let Stage::Review { plan, .. } = &flow.stage else {
        panic!("not reviewing");
    };
    assert_eq!(
        plan.after["ProviderDetails"]["client_secret"],
        "s3cr3t-value"
    );
}

#[test]
fn nothing_is_copied_before_the_change_is_written() {
    let mut s = on_groups();
    press(&mut s, 'E');
    assert!(matches!(flow(&s).stage, Stage::Reading(_)));
    assert!(key(&mut s, InputKey::CopyCommand).is_empty());
    assert_eq!(
        s.toast.as_deref(),
        Some("Nothing to copy yet: the change is not written")
    );
    assert!(
        matches!(flow(&s).stage, Stage::Reading(_)),
        "the read goes on"
    );
}
