//! The user forms: create a user, edit a user's attributes, set a password. What each needs from
//! the pool's settings, how it is validated before anything is sent, and the call it becomes
//! (its fields and their layout are `user_fields`').

use crate::app::effect::{ApiCall, Change, NewUser};
use crate::app::form::{FieldKind, Form, Submit};
use crate::app::remote::RequestId;
use crate::app::users::fields::{
    Delivery, Invitation, PasswordKind, UserField, create_fields, edit_fields, set_password_fields,
};
use crate::cognito::pools::{PasswordPolicyType, UserPoolType};
use crate::cognito::types::Secret;
use crate::cognito::{PoolId, Username};
use crate::shared::{password, validate};

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

    pub fn spec(&self, name: &str) -> Option<&AttributeSpec> {
        self.attributes.iter().find(|a| a.name == name)
    }
}

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
    pub form: Form<UserField>,
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
            FormPurpose::SetPassword { .. } => set_password_fields(),
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
        let mut errors: Vec<(UserField, String)> = Vec::new();
        for field in form.fields.iter().filter(|f| !f.read_only) {
            let value = field.value();
            let value = value.trim();
            if field.required && value.is_empty() {
                errors.push((field.key.clone(), "required".to_owned()));
                continue;
            }
            let problem = match &field.key {
                _ if value.is_empty() => None,
                UserField::Username => validate::username_problem(value),
                UserField::Password | UserField::TemporaryPassword => settings
                    .map(|s| password::problems(value, &s.policy))
                    .filter(|p| !p.is_empty())
                    .map(|p| p.join("; ")),
                key => match key.attribute_name() {
                    Some("email") => validate::email_problem(value),
                    Some("phone_number") => validate::phone_problem(value),
                    _ => None,
                },
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
            self.form.submit = Submit::Failed(crate::app::remote::ErrorInfo::new(
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
                // Typed values first, then the verified marks: the order of the fields.
                let attributes = form
                    .fields
                    .iter()
                    .filter_map(|f| {
                        let name = f.key.attribute_name()?;
                        let value = match f.kind {
                            FieldKind::Toggle => f.on.then(|| "true".to_owned())?,
                            _ => f.value().trim().to_owned(),
                        };
                        (!value.is_empty()).then(|| (name.to_owned(), value))
                    })
                    .collect();
                let password = form.value(&UserField::TemporaryPassword);
                let delivery = form.chosen(&UserField::Delivery).unwrap_or(Delivery::Email);
                Some(ApiCall::Change(Change::CreateUser(Box::new(NewUser {
                    pool: pool.clone(),
                    username: Username::new(form.value(&UserField::Username).trim()),
                    attributes,
                    temporary_password: (!password.is_empty()).then(|| Secret::new(password)),
                    suppress_invitation: form.chosen(&UserField::Invitation)
                        == Some(Invitation::Suppress),
                    delivery: delivery.mediums(),
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
                password: Secret::new(form.value(&UserField::Password)),
                permanent: self.permanent(),
            })),
        }
    }

    /// The user the form is about (`None` for a new user until it is typed).
    pub fn user(&self) -> String {
        match &self.purpose {
            FormPurpose::CreateUser => self.form.value(&UserField::Username).trim().to_owned(),
            FormPurpose::EditAttributes { user, .. } | FormPurpose::SetPassword { user } => {
                user.clone()
            }
        }
    }

    /// The password the console chose, if it is still what the field holds (a typed or edited
    /// one the agent knows already).
    pub fn chosen_password(&self) -> Option<&Secret> {
        let generated = self.generated.as_ref()?;
        (self.form.value(&self.password_field()) == generated.reveal()).then_some(generated)
    }

    /// The password field a generated password goes into.
    pub fn password_field(&self) -> UserField {
        match self.purpose {
            FormPurpose::CreateUser => UserField::TemporaryPassword,
            _ => UserField::Password,
        }
    }

    /// A set password is permanent, not to be changed at the next sign-in.
    pub fn permanent(&self) -> bool {
        self.form.chosen(&UserField::PasswordKind) == Some(PasswordKind::Permanent)
    }
}

fn create_cross_checks(form: &Form<UserField>) -> Vec<(UserField, String)> {
    let mut errors = Vec::new();
    let has = |name: &str| !form.value(&UserField::attribute(name)).trim().is_empty();
    let sends = form.chosen(&UserField::Invitation) == Some(Invitation::Send);
    let delivery = form
        .chosen::<Delivery>(&UserField::Delivery)
        .unwrap_or(Delivery::Email);
    if sends && delivery.by_email() && !has("email") {
        errors.push((
            UserField::Delivery,
            "an email invitation needs an email address".to_owned(),
        ));
    } else if sends && delivery.by_sms() && !has("phone_number") {
        errors.push((
            UserField::Delivery,
            "an SMS invitation needs a phone number".to_owned(),
        ));
    }
    for (toggle, attribute, what) in [
        ("email_verified", "email", "an email address"),
        ("phone_number_verified", "phone_number", "a phone number"),
    ] {
        let toggle = UserField::attribute(toggle);
        if form.is_on(&toggle) && !has(attribute) {
            errors.push((toggle, format!("needs {what}")));
        }
    }
    errors
}

/// What to send: changed or new values, and the names of values that were emptied.
fn changes(
    form: &Form<UserField>,
    original: &[(String, String)],
) -> (Vec<(String, String)>, Vec<String>) {
    let mut set = Vec::new();
    let mut delete = Vec::new();
    for field in form.fields.iter().filter(|f| !f.read_only) {
        let Some(name) = field.key.attribute_name() else {
            continue;
        };
        let before = original
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str());
        let now = field.value();
        let now = now.trim();
        match (&field.kind, before) {
            (FieldKind::Toggle, before) if now != before.unwrap_or("false") => {
                set.push((name.to_owned(), now.to_owned()));
            }
            (FieldKind::Toggle, _) => {}
            (_, Some(before)) if !before.is_empty() && now.is_empty() => {
                delete.push(name.to_owned());
            }
            (_, before) if now != before.unwrap_or("") => {
                set.push((name.to_owned(), now.to_owned()));
            }
            _ => {}
        }
    }
    (set, delete)
}
