//! The user forms: create a user, edit a user's attributes, set a password. How each is laid out
//! from the pool's settings (required attributes first, immutable ones read-only), how it is
//! validated before anything is sent, and the call it becomes.

use super::effect::{ApiCall, Change, NewUser};
use super::form::{Field, FieldKind, Form, Submit};
use super::remote::RequestId;
use crate::admin::{password, validate};
use crate::cognito::pools::{PasswordPolicyType, UserPoolType};
use crate::cognito::types::Secret;
use crate::cognito::{PoolId, Username};

/// What the forms need from DescribeUserPool.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PoolSettings {
    pub policy: PasswordPolicyType,
    /// The pool's user attributes in schema order (developer-only ones left out).
    pub attributes: Vec<AttributeSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeSpec {
    pub name: String,
    pub required: bool,
    pub mutable: bool,
}

impl PoolSettings {
    pub fn from_pool(pool: &UserPoolType) -> Self {
        let policy = pool
            .policies
            .as_ref()
            .and_then(|p| p.password_policy.clone())
            .unwrap_or_default();
        let attributes = pool
            .schema_attributes
            .iter()
            .filter(|a| a.developer_only_attribute != Some(true))
            .filter_map(|a| {
                Some(AttributeSpec {
                    name: a.user_attribute_name()?,
                    required: a.required == Some(true),
                    mutable: a.mutable != Some(false),
                })
            })
            .collect();
        Self { policy, attributes }
    }

    fn spec(&self, name: &str) -> Option<&AttributeSpec> {
        self.attributes.iter().find(|a| a.name == name)
    }
}

/// Attributes no form offers to type: Cognito sets them.
const SYSTEM: &[&str] = &["sub", "identities", "updated_at"];
const VERIFIED: &[&str] = &["email_verified", "phone_number_verified"];
const FIRST: &[&str] = &["email", "phone_number", "name"];

const MESSAGE: &[&str] = &["send invitation", "suppress (no message)"];
const DELIVERY: &[&str] = &["email", "SMS", "email and SMS"];
const PASSWORD_KIND: &[&str] = &["temporary (changed at next sign-in)", "permanent"];
const GENERATE_NOTE: &str = "Ctrl-P generates one for the policy · Ctrl-R shows it";

#[derive(Debug, Clone, PartialEq)]
pub enum FormPurpose {
    CreateUser,
    /// `original` is the user's attributes, `None` while they load.
    EditAttributes {
        user: String,
        original: Option<Vec<(String, String)>>,
    },
    SetPassword {
        user: String,
    },
}

/// A user form and what it is for.
#[derive(Debug, Clone, PartialEq)]
pub struct UserForm {
    pub purpose: FormPurpose,
    pub form: Form,
    /// The request loading what the form needs (the user's attributes), if any.
    pub loading: Option<RequestId>,
    /// A password being generated for the focused field.
    pub generating: Option<RequestId>,
    /// The password the console generated, to show it once it is set.
    pub generated: Option<Secret>,
}

impl UserForm {
    pub fn new(purpose: FormPurpose, settings: Option<&PoolSettings>) -> Self {
        let title = match &purpose {
            FormPurpose::CreateUser => "Create user".to_owned(),
            FormPurpose::EditAttributes { user, .. } => format!("Edit attributes of {user}"),
            FormPurpose::SetPassword { user } => format!("Set password of {user}"),
        };
        let mut uf = Self {
            purpose,
            form: Form::new(&title, Vec::new()),
            loading: None,
            generating: None,
            generated: None,
        };
        uf.relayout(settings);
        uf
    }

    /// Lays the fields out again (the pool's settings or the user's attributes arrived), keeping
    /// everything typed so far.
    pub fn relayout(&mut self, settings: Option<&PoolSettings>) {
        let fields = match &self.purpose {
            FormPurpose::CreateUser => create_fields(settings),
            FormPurpose::EditAttributes { original, .. } => match original {
                Some(original) => edit_fields(original, settings),
                None => Vec::new(),
            },
            FormPurpose::SetPassword { .. } => vec![
                Field::masked("password", "Password")
                    .required(true)
                    .note(GENERATE_NOTE),
                Field::choice("kind", "Kind", PASSWORD_KIND, 0),
            ],
        };
        self.form.relayout(fields);
        self.form.note = match (&self.purpose, settings) {
            (FormPurpose::EditAttributes { original: None, .. }, _) => {
                Some("Loading the user's attributes…".to_owned())
            }
            (_, None) => Some("Loading the pool's attributes and password policy…".to_owned()),
            _ => None,
        };
    }

    /// Checks every field; true when the form may be sent. Errors go next to their fields.
    pub fn validate(&mut self, settings: Option<&PoolSettings>) -> bool {
        let form = &mut self.form;
        form.clear_errors();
        let mut errors: Vec<(String, String)> = Vec::new();
        for field in form.fields.iter().filter(|f| !f.read_only) {
            let value = field.value();
            let value = value.trim();
            if field.required && value.is_empty() {
                errors.push((field.key.clone(), "required".to_owned()));
                continue;
            }
            let problem = match field.key.as_str() {
                "username" if !value.is_empty() => validate::username_problem(value),
                "email" if !value.is_empty() => validate::email_problem(value),
                "phone_number" if !value.is_empty() => validate::phone_problem(value),
                "password" | "temporary_password" if !value.is_empty() => settings
                    .map(|s| password::problems(value, &s.policy))
                    .filter(|p| !p.is_empty())
                    .map(|p| p.join("; ")),
                _ => None,
            };
            if let Some(problem) = problem {
                errors.push((field.key.clone(), problem));
            }
        }
        if matches!(self.purpose, FormPurpose::CreateUser) {
            errors.extend(create_cross_checks(form));
        }
        if let FormPurpose::EditAttributes {
            original: Some(original),
            ..
        } = &self.purpose
            && changes(form, original) == (Vec::new(), Vec::new())
        {
            self.form.submit = Submit::Failed(super::remote::ErrorInfo::new(
                "Nothing changed: edit a value first (an emptied value is deleted)",
            ));
            return false;
        }
        for (key, error) in errors {
            self.form.set_error(&key, error);
        }
        self.form.focus_first_error();
        !self.form.has_errors()
    }

    /// The call the (validated) form becomes.
    pub fn call(&self, pool: &PoolId) -> Option<ApiCall> {
        let form = &self.form;
        match &self.purpose {
            FormPurpose::CreateUser => {
                let mut attributes: Vec<(String, String)> = form
                    .fields
                    .iter()
                    .filter(|f| f.kind == FieldKind::Text && f.key.as_str() != "username")
                    .map(|f| (f.key.clone(), f.value().trim().to_owned()))
                    .filter(|(_, v)| !v.is_empty())
                    .collect();
                for key in VERIFIED {
                    if form.field(key).is_some_and(|f| f.on) {
                        attributes.push(((*key).to_owned(), "true".to_owned()));
                    }
                }
                let password = form.value("temporary_password");
                let delivery = match form.field("delivery").map_or(0, |f| f.choice) {
                    0 => vec!["EMAIL".to_owned()],
                    1 => vec!["SMS".to_owned()],
                    _ => vec!["EMAIL".to_owned(), "SMS".to_owned()],
                };
                Some(ApiCall::Change(Change::CreateUser(Box::new(NewUser {
                    pool: pool.clone(),
                    username: Username::new(form.value("username").trim()),
                    attributes,
                    temporary_password: (!password.is_empty()).then(|| Secret::new(password)),
                    suppress_invitation: form.field("message").is_some_and(|f| f.choice == 1),
                    delivery,
                }))))
            }
            FormPurpose::EditAttributes { user, original } => {
                let (set, delete) = changes(form, original.as_deref()?);
                Some(ApiCall::Change(Change::UpdateAttributes {
                    pool: pool.clone(),
                    user: Username::new(user),
                    set,
                    delete,
                }))
            }
            FormPurpose::SetPassword { user } => Some(ApiCall::Change(Change::SetPassword {
                pool: pool.clone(),
                user: Username::new(user),
                password: Secret::new(form.value("password")),
                permanent: form.field("kind").is_some_and(|f| f.choice == 1),
            })),
        }
    }

    /// The user the form is about (`None` for a new user until it is typed).
    pub fn user(&self) -> String {
        match &self.purpose {
            FormPurpose::CreateUser => self.form.value("username").trim().to_owned(),
            FormPurpose::EditAttributes { user, .. } | FormPurpose::SetPassword { user } => {
                user.clone()
            }
        }
    }

    /// The password the console chose, if it is still what the field holds (a typed or edited
    /// one the agent knows already).
    pub fn chosen_password(&self) -> Option<&Secret> {
        let generated = self.generated.as_ref()?;
        (self.form.value(self.password_key()) == generated.reveal()).then_some(generated)
    }

    /// The password field a generated password goes into.
    pub fn password_key(&self) -> &'static str {
        match self.purpose {
            FormPurpose::CreateUser => "temporary_password",
            _ => "password",
        }
    }
}

fn label_of(name: &str) -> String {
    match name {
        "email" => "Email".to_owned(),
        "phone_number" => "Phone (+15551234567)".to_owned(),
        "name" => "Name".to_owned(),
        other => other.to_owned(),
    }
}

fn create_fields(settings: Option<&PoolSettings>) -> Vec<Field> {
    let mut names: Vec<(String, bool)> = Vec::new();
    let offered = |n: &str| !SYSTEM.contains(&n) && !VERIFIED.contains(&n);
    if let Some(s) = settings {
        for a in s
            .attributes
            .iter()
            .filter(|a| a.required && offered(&a.name))
        {
            names.push((a.name.clone(), true));
        }
    }
    for name in FIRST {
        if !names.iter().any(|(n, _)| n == name) {
            names.push(((*name).to_owned(), false));
        }
    }
    if let Some(s) = settings {
        for a in s.attributes.iter().filter(|a| offered(&a.name)) {
            if !names.iter().any(|(n, _)| *n == a.name) {
                names.push((a.name.clone(), false));
            }
        }
    }
    let mut fields = vec![Field::text("username", "Username", "").required(true)];
    fields.extend(
        names
            .iter()
            .map(|(n, required)| Field::text(n, &label_of(n), "").required(*required)),
    );
    fields.push(Field::masked("temporary_password", "Temporary password").note(GENERATE_NOTE));
    fields.push(Field::choice("message", "Message", MESSAGE, 0));
    fields.push(Field::choice("delivery", "Delivery", DELIVERY, 0));
    fields.push(Field::toggle(
        "email_verified",
        "Mark email verified",
        false,
    ));
    fields.push(Field::toggle(
        "phone_number_verified",
        "Mark phone verified",
        false,
    ));
    fields
}

fn create_cross_checks(form: &Form) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    let has = |key: &str| !form.value(key).trim().is_empty();
    let sends = form.field("message").is_some_and(|f| f.choice == 0);
    let delivery = form.field("delivery").map_or(0, |f| f.choice);
    if sends && delivery != 1 && !has("email") {
        errors.push((
            "delivery".to_owned(),
            "an email invitation needs an email address".to_owned(),
        ));
    } else if sends && delivery != 0 && !has("phone_number") {
        errors.push((
            "delivery".to_owned(),
            "an SMS invitation needs a phone number".to_owned(),
        ));
    }
    for (toggle, attribute, what) in [
        ("email_verified", "email", "an email address"),
        ("phone_number_verified", "phone_number", "a phone number"),
    ] {
        if form.field(toggle).is_some_and(|f| f.on) && !has(attribute) {
            errors.push((toggle.to_owned(), format!("needs {what}")));
        }
    }
    errors
}

fn edit_fields(original: &[(String, String)], settings: Option<&PoolSettings>) -> Vec<Field> {
    let field = |name: &str, value: &str| {
        let spec = settings.and_then(|s| s.spec(name));
        let read_only = SYSTEM.contains(&name) || spec.is_some_and(|s| !s.mutable);
        let base = if VERIFIED.contains(&name) {
            Field::toggle(name, name, value == "true")
        } else {
            Field::text(name, &label_of(name), value)
        };
        let base = base.read_only(read_only);
        if read_only {
            base.note("read-only")
        } else {
            base.required(spec.is_some_and(|s| s.required))
        }
    };
    let mut fields: Vec<Field> = original.iter().map(|(n, v)| field(n, v)).collect();
    if let Some(s) = settings {
        for a in &s.attributes {
            let absent = !original.iter().any(|(n, _)| *n == a.name);
            if absent && a.mutable && !SYSTEM.contains(&a.name.as_str()) {
                fields.push(field(&a.name, ""));
            }
        }
    }
    fields
}

/// What to send: changed or new values, and the names of values that were emptied.
fn changes(form: &Form, original: &[(String, String)]) -> (Vec<(String, String)>, Vec<String>) {
    let mut set = Vec::new();
    let mut delete = Vec::new();
    for field in form.fields.iter().filter(|f| !f.read_only) {
        let before = original
            .iter()
            .find(|(n, _)| *n == field.key)
            .map(|(_, v)| v.as_str());
        let now = field.value();
        let now = now.trim();
        match (&field.kind, before) {
            (FieldKind::Toggle, before) if now != before.unwrap_or("false") => {
                set.push((field.key.clone(), now.to_owned()));
            }
            (FieldKind::Toggle, _) => {}
            (_, Some(before)) if !before.is_empty() && now.is_empty() => {
                delete.push(field.key.clone());
            }
            (_, before) if now != before.unwrap_or("") => {
                set.push((field.key.clone(), now.to_owned()));
            }
            _ => {}
        }
    }
    (set, delete)
}
