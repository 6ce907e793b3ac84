//! The user forms as update scripts: create, edit attributes, set password — validation before
//! sending, a failed submit keeping every field, success refreshing the row.

use crate::app::action::{Action, InputKey, Payload};
use crate::app::browse::detail::DetailBody;
use crate::app::effect::{ApiCall, Change, Effect, Read};
use crate::app::form::{Field, Submit};
use crate::app::state::Tab;
use crate::app::state::{Overlay, State};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::app::users::fields::UserField;
use crate::app::users::forms::UserForm;
use crate::app::users::ops::UserOp;
use crate::cognito::types::Secret;

fn form(s: &State) -> &UserForm {
    match &s.overlay {
        Overlay::Form(f) => f,
        other => panic!("no form open: {other:?}"),
    }
}

fn keys_of(s: &State) -> Vec<String> {
    form(s)
        .form
        .fields
        .iter()
        .map(|f| f.key.name().to_owned())
        .collect()
}

/// The field named `name` (`username`, `email`, `temporary_password`, …).
fn field<'a>(s: &'a State, name: &str) -> Option<&'a Field<UserField>> {
    form(s).form.fields.iter().find(|f| f.key.name() == name)
}

fn error_of(s: &State, key: &str) -> Option<String> {
    field(s, key).and_then(|f| f.error.clone())
}

fn value_of(s: &State, key: &str) -> String {
    field(s, key).map(Field::value).unwrap_or_default()
}

/// Moves the focus to the field `key`.
fn focus(s: &mut State, key: &str) {
    for _ in 0..40 {
        let f = &form(s).form;
        if f.fields.get(f.focus).is_some_and(|f| f.key.name() == key) {
            return;
        }
        crate::app::update(s, Action::Input(InputKey::Complete));
    }
    panic!("no field {key}");
}

#[test]
fn create_user_lists_required_attributes_first_and_validates_before_sending() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = update(&mut s, Action::User(UserOp::Create));
    assert!(form(&s).form.note.is_some(), "the settings are loading");
    give_settings(&mut s, &effects);
    let keys = keys_of(&s);
    assert_eq!(keys[..4], ["username", "email", "phone_number", "name"]);
    assert!(keys.contains(&"custom:tenant".to_owned()));
    assert!(!keys.contains(&"sub".to_owned()), "Cognito sets sub");

    let sent = key(&mut s, InputKey::Submit);
    assert!(apis(&sent).is_empty(), "nothing is sent: {sent:?}");
    assert_eq!(error_of(&s, "username").as_deref(), Some("required"));
    assert_eq!(error_of(&s, "email").as_deref(), Some("required"));
    assert_eq!(form(&s).form.focus, 0, "the focus goes to the first error");

    type_text(&mut s, "zoe");
    assert_eq!(error_of(&s, "username"), None, "typing clears the error");
    focus(&mut s, "email");
    type_text(&mut s, "zoe@");
    focus(&mut s, "phone_number");
    type_text(&mut s, "12345");
    focus(&mut s, "temporary_password");
    type_text(&mut s, "short");
    assert!(apis(&key(&mut s, InputKey::Submit)).is_empty());
    assert!(error_of(&s, "email").is_some(), "a bad email is refused");
    assert!(
        error_of(&s, "phone_number").is_some(),
        "a bad phone is refused"
    );
    assert!(
        error_of(&s, "temporary_password").is_some(),
        "the policy is checked"
    );
    assert_eq!(value_of(&s, "username"), "zoe", "everything stays as typed");
}

/// Empties the field `field` and types `text` into it.
fn retype(s: &mut State, field: &str, text: &str) {
    focus(s, field);
    while !value_of(s, field).is_empty() {
        key(s, InputKey::Backspace);
    }
    type_text(s, text);
}

#[test]
fn create_user_refuses_usernames_cognito_refuses_and_keeps_them_as_typed() {
    let mut s = form_on_ann(UserOp::Create);
    focus(&mut s, "email");
    type_text(&mut s, "zoe@example.com");
    let too_long = "z".repeat(129);
    for (typed, says) in [
        (
            "zoe.tester x",
            "usernames cannot contain spaces or control characters",
        ),
        (
            "zoe\ttester",
            "usernames cannot contain spaces or control characters",
        ),
        (
            too_long.as_str(),
            "usernames have at most 128 characters; this one has 129",
        ),
    ] {
        retype(&mut s, "username", typed);
        let sent = key(&mut s, InputKey::Submit);
        assert!(apis(&sent).is_empty(), "{typed:?} is not sent: {sent:?}");
        assert_eq!(error_of(&s, "username").as_deref(), Some(says), "{typed:?}");
        assert_eq!(value_of(&s, "username"), typed, "kept as typed");
        assert_eq!(value_of(&s, "email"), "zoe@example.com");
    }
    // Surrounding blanks are trimmed before sending, as before: they are no error.
    retype(&mut s, "username", " zoë.tester ");
    let (_, call) = only_api(&key(&mut s, InputKey::Submit));
    assert!(
        matches!(call, ApiCall::Change(Change::CreateUser(new)) if new.username.as_str() == "zoë.tester")
    );
}

#[test]
fn create_user_sends_admin_create_user_and_adds_the_row() {
    let mut s = form_on_ann(UserOp::Create);
    type_text(&mut s, "zoe");
    focus(&mut s, "email");
    type_text(&mut s, "zoe@example.com");
    focus(&mut s, "temporary_password");
    let generated = key(&mut s, InputKey::Generate);
    let [Effect::GeneratePassword { request, policy }] = generated.as_slice() else {
        panic!("{generated:?}");
    };
    assert_eq!(policy.minimum_length, Some(10));
    answer(
        &mut s,
        *request,
        Payload::Password(Secret::new("Generated-Pass1")),
    );
    assert_eq!(value_of(&s, "temporary_password"), "Generated-Pass1");
    focus(&mut s, "message");
    key(&mut s, InputKey::Char(' '));
    focus(&mut s, "email_verified");
    key(&mut s, InputKey::Char(' '));

    let (req, call) = only_api(&key(&mut s, InputKey::Submit));
    let ApiCall::Change(Change::CreateUser(new)) = call else {
        panic!("{call:?}");
    };
    assert_eq!(new.username.as_str(), "zoe");
    assert_eq!(
        new.attributes,
        [
            ("email".to_owned(), "zoe@example.com".to_owned()),
            ("email_verified".to_owned(), "true".to_owned())
        ]
    );
    assert_eq!(new.temporary_password, Some(Secret::new("Generated-Pass1")));
    assert!(new.suppress_invitation);
    assert!(form(&s).form.submit.awaits(req), "submitting");
    assert!(s.is_busy(), "the spinner runs");

    let after = answer(&mut s, req, Payload::Done);
    // The generated password is shown once (tests_password has the rest).
    assert!(matches!(s.overlay, Overlay::Secret(_)), "{:?}", s.overlay);
    assert_eq!(s.toast.as_deref(), Some("✓ zoe created"));
    let (row_req, call) = only_api(&after);
    assert!(matches!(call, ApiCall::Read(Read::GetUserRow(_, ref u)) if u.as_str() == "zoe"));
    answer(
        &mut s,
        row_req,
        Payload::UserRow(Box::new(user_row("zoe", "FORCE_CHANGE_PASSWORD", true))),
    );
    let table = &s.pool.as_ref().unwrap().users.table;
    assert_eq!(table.total(), 2);
    assert!(table.rows().iter().any(|r| &*r.username == "zoe"));
}

#[test]
fn a_failed_create_keeps_the_form_as_typed_with_the_error() {
    let mut s = form_on_ann(UserOp::Create);
    type_text(&mut s, "ann");
    focus(&mut s, "email");
    type_text(&mut s, "ann@example.com");
    let (req, _) = only_api(&key(&mut s, InputKey::Submit));
    // Keys are ignored while it is in flight.
    key(&mut s, InputKey::Cancel);
    assert!(matches!(s.overlay, Overlay::Form(_)));
    fail(
        &mut s,
        req,
        "UsernameExistsException",
        "User account already exists",
    );
    assert!(
        matches!(&form(&s).form.submit, Submit::Failed(e) if e.code.as_deref() == Some("UsernameExistsException"))
    );
    assert_eq!(value_of(&s, "username"), "ann");
    assert_eq!(value_of(&s, "email"), "ann@example.com");
    // Editing clears the failure; Esc closes.
    type_text(&mut s, "x");
    assert_eq!(form(&s).form.submit, Submit::Editing);
    key(&mut s, InputKey::Cancel);
    assert_eq!(s.overlay, Overlay::None);
}

fn ann_detail() -> DetailBody {
    DetailBody {
        sections: Vec::new(),
        verdict: None,
        raw: serde_json::json!({
            "Username": "ann", "UserStatus": "CONFIRMED", "Enabled": true,
            "UserAttributes": [
                {"Name": "sub", "Value": "abc-123"},
                {"Name": "email", "Value": "ann@example.com"},
                {"Name": "name", "Value": "Ann"},
                {"Name": "custom:tenant", "Value": "acme"},
                {"Name": "custom:employee_id", "Value": "E1"}
            ]
        }),
    }
}

#[test]
fn edit_attributes_sends_only_changes_and_deletes_cleared_ones() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = update(&mut s, Action::User(UserOp::EditAttributes));
    let get = find(&effects, |c| {
        matches!(
            c,
            ApiCall::Read(Read::Describe {
                tab: Tab::Users,
                ..
            })
        )
    });
    give_settings(&mut s, &effects);
    assert!(
        form(&s).form.fields.is_empty(),
        "waiting for the attributes"
    );
    assert!(apis(&key(&mut s, InputKey::Submit)).is_empty());
    answer(&mut s, get, Payload::Detail(ann_detail()));
    assert!(field(&s, "sub").unwrap().read_only);
    assert!(
        field(&s, "custom:employee_id").unwrap().read_only,
        "immutable"
    );
    assert!(
        field(&s, "phone_number").is_some(),
        "a pool attribute ann lacks"
    );

    // Nothing changed: refused in the form.
    assert!(apis(&key(&mut s, InputKey::Submit)).is_empty());
    assert!(matches!(form(&s).form.submit, Submit::Failed(_)));

    focus(&mut s, "name");
    type_text(&mut s, "e");
    focus(&mut s, "custom:tenant");
    for _ in 0..4 {
        key(&mut s, InputKey::Backspace);
    }
    let (req, call) = only_api(&key(&mut s, InputKey::Submit));
    assert_eq!(
        call,
        ApiCall::Change(Change::UpdateAttributes {
            pool: crate::cognito::PoolId::new("us-east-1_A"),
            user: crate::cognito::Username::new("ann"),
            set: vec![("name".into(), "Anne".into())],
            delete: vec!["custom:tenant".into()],
        })
    );
    let after = answer(&mut s, req, Payload::Done);
    assert_eq!(s.toast.as_deref(), Some("✓ attributes of ann saved"));
    assert!(matches!(
        only_api(&after).1,
        ApiCall::Read(Read::GetUserRow(..))
    ));
}

#[test]
fn edit_from_the_detail_uses_its_attributes_and_refreshes_it() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (req, _) = only_api(&update(&mut s, Action::Open));
    answer(&mut s, req, Payload::Detail(ann_detail()));
    let effects = update(&mut s, Action::User(UserOp::EditAttributes));
    assert!(!reads_a_user_detail(&effects), "the detail has them");
    assert_eq!(value_of(&s, "email"), "ann@example.com");
    focus(&mut s, "email");
    type_text(&mut s, "x");
    let (req, _) = only_api(&key(&mut s, InputKey::Submit));
    let after = answer(&mut s, req, Payload::Done);
    assert!(reads_a_user_detail(&after), "detail reloads");
}

#[test]
fn set_password_checks_the_policy_and_sends_temporary_or_permanent() {
    let mut s = form_on_ann(UserOp::SetPassword);
    assert!(apis(&key(&mut s, InputKey::Submit)).is_empty());
    assert_eq!(error_of(&s, "password").as_deref(), Some("required"));
    type_text(&mut s, "weakpass");
    assert!(apis(&key(&mut s, InputKey::Submit)).is_empty());
    assert!(error_of(&s, "password").is_some());
    type_text(&mut s, "X9");
    focus(&mut s, "kind");
    key(&mut s, InputKey::Right);
    let (req, call) = only_api(&key(&mut s, InputKey::Submit));
    assert!(matches!(
        call,
        ApiCall::Change(Change::SetPassword { ref password, permanent: true, .. }) if password.reveal() == "weakpassX9"
    ));
    answer(&mut s, req, Payload::Done);
    assert_eq!(s.toast.as_deref(), Some("✓ permanent password set for ann"));
}

#[test]
fn read_only_opens_no_form() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    s.context.read_only = true;
    assert!(update(&mut s, Action::User(UserOp::Create)).is_empty());
    assert_eq!(s.overlay, Overlay::None);
    assert!(s.toast.as_deref().unwrap().contains("read-only"));
}
