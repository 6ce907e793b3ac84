//! A generic form: labelled fields (text, masked, choice, toggle; some read-only), which one has
//! the focus, an error per field, and where the submit stands. Text is edited with `tui_input`.
//! The form knows nothing about Cognito: what the fields mean is `user_forms`' business.

use tui_input::{Input, InputRequest};

use super::action::InputKey;
use super::remote::{ErrorInfo, RequestId};

/// A one-line text value with its cursor, edited by tui-input.
#[derive(Debug, Clone, Default)]
pub struct FieldInput(Input);

impl PartialEq for FieldInput {
    fn eq(&self, other: &Self) -> bool {
        self.0.value() == other.0.value() && self.0.cursor() == other.0.cursor()
    }
}

impl FieldInput {
    pub fn new(text: &str) -> Self {
        Self(Input::new(text.to_owned()))
    }

    pub fn value(&self) -> &str {
        self.0.value()
    }

    /// Cursor position in chars.
    pub fn cursor(&self) -> usize {
        self.0.cursor()
    }

    /// Replaces the text, the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.0 = Input::new(text.to_owned());
    }

    /// Applies an editing key; false when the key is not an edit (Submit, Cancel, Up, …).
    pub fn edit(&mut self, key: InputKey) -> bool {
        let request = match key {
            InputKey::Char(c) => InputRequest::InsertChar(c),
            InputKey::Backspace => InputRequest::DeletePrevChar,
            InputKey::Delete => InputRequest::DeleteNextChar,
            InputKey::Left => InputRequest::GoToPrevChar,
            InputKey::Right => InputRequest::GoToNextChar,
            InputKey::Home => InputRequest::GoToStart,
            InputKey::End => InputRequest::GoToEnd,
            InputKey::Clear => InputRequest::DeleteLine,
            _ => return false,
        };
        self.0.handle(request);
        true
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// Shown as `•`; for passwords.
    Masked,
    /// One of the options; Space or ←/→ cycles.
    Choice(Vec<String>),
    /// On or off; Space flips.
    Toggle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// What the field stands for (an attribute name, `username`, `password`).
    pub key: String,
    pub label: String,
    pub kind: FieldKind,
    pub input: FieldInput,
    pub choice: usize,
    pub on: bool,
    pub read_only: bool,
    pub required: bool,
    pub error: Option<String>,
    /// A hint shown beside the field (e.g. `Ctrl-P generates one`).
    pub note: Option<String>,
}

impl Field {
    fn new(key: &str, label: &str, kind: FieldKind) -> Self {
        Self {
            key: key.to_owned(),
            label: label.to_owned(),
            kind,
            input: FieldInput::default(),
            choice: 0,
            on: false,
            read_only: false,
            required: false,
            error: None,
            note: None,
        }
    }

    pub fn text(key: &str, label: &str, value: &str) -> Self {
        let mut f = Self::new(key, label, FieldKind::Text);
        f.input.set(value);
        f
    }

    pub fn masked(key: &str, label: &str) -> Self {
        Self::new(key, label, FieldKind::Masked)
    }

    pub fn choice(key: &str, label: &str, options: &[&str], selected: usize) -> Self {
        let options = options.iter().map(|o| (*o).to_owned()).collect();
        let mut f = Self::new(key, label, FieldKind::Choice(options));
        f.choice = selected;
        f
    }

    pub fn toggle(key: &str, label: &str, on: bool) -> Self {
        let mut f = Self::new(key, label, FieldKind::Toggle);
        f.on = on;
        f
    }

    #[must_use]
    pub fn read_only(mut self, yes: bool) -> Self {
        self.read_only = yes;
        self
    }

    #[must_use]
    pub fn required(mut self, yes: bool) -> Self {
        self.required = yes;
        self
    }

    #[must_use]
    pub fn note(mut self, note: &str) -> Self {
        self.note = Some(note.to_owned());
        self
    }

    /// The value as text: what was typed, the chosen option, or `true`/`false`.
    pub fn value(&self) -> String {
        match &self.kind {
            FieldKind::Text | FieldKind::Masked => self.input.value().to_owned(),
            FieldKind::Choice(options) => options.get(self.choice).cloned().unwrap_or_default(),
            FieldKind::Toggle => self.on.to_string(),
        }
    }

    /// Takes the value of a field of the same key from an earlier version of the form.
    pub fn take_value_of(&mut self, old: &Field) {
        if self.kind == old.kind && !self.read_only {
            self.input = old.input.clone();
            self.choice = old.choice;
            self.on = old.on;
        }
    }
}

/// Where a submit stands: still editing, sent (waiting for `request`), or failed.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Submit {
    #[default]
    Editing,
    Submitting(RequestId),
    Failed(ErrorInfo),
}

impl Submit {
    pub fn awaits(&self, id: RequestId) -> bool {
        matches!(self, Self::Submitting(r) if *r == id)
    }

    pub fn is_submitting(&self) -> bool {
        matches!(self, Self::Submitting(_))
    }
}

/// What a key did to the form that its owner has to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    /// Handled inside the form (or ignored).
    None,
    Submit,
    Cancel,
    /// Ctrl-P on a password field: make one that meets the policy.
    Generate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub submit: Submit,
    /// A line under the title (e.g. "loading the pool's attributes…").
    pub note: Option<String>,
}

impl Form {
    /// A form with the focus on its first editable field.
    pub fn new(title: &str, fields: Vec<Field>) -> Self {
        let mut form = Self {
            title: title.to_owned(),
            fields,
            focus: 0,
            submit: Submit::Editing,
            note: None,
        };
        form.focus = form.next_editable(0, 1).unwrap_or(0);
        form
    }

    /// Applies a key. While a submit is in flight only Cancel is taken (and ignored).
    pub fn key(&mut self, key: InputKey) -> FormEvent {
        if self.submit.is_submitting() {
            return FormEvent::None;
        }
        match key {
            InputKey::Submit => return FormEvent::Submit,
            InputKey::Cancel => return FormEvent::Cancel,
            InputKey::Complete | InputKey::Down => self.move_focus(1),
            InputKey::BackTab | InputKey::Up => self.move_focus(-1),
            InputKey::Generate => {
                if self
                    .fields
                    .get(self.focus)
                    .is_some_and(|f| f.kind == FieldKind::Masked)
                {
                    return FormEvent::Generate;
                }
            }
            key => self.edit_focused(key),
        }
        FormEvent::None
    }

    fn edit_focused(&mut self, key: InputKey) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if field.read_only {
            return;
        }
        let changed = match (&field.kind, key) {
            (FieldKind::Toggle, InputKey::Char(' ') | InputKey::Left | InputKey::Right) => {
                field.on = !field.on;
                true
            }
            (FieldKind::Choice(options), InputKey::Char(' ') | InputKey::Right) => {
                field.choice = (field.choice + 1) % options.len().max(1);
                true
            }
            (FieldKind::Choice(options), InputKey::Left) => {
                let n = options.len().max(1);
                field.choice = (field.choice + n - 1) % n;
                true
            }
            (FieldKind::Text | FieldKind::Masked, key) => field.input.edit(key),
            _ => false,
        };
        if changed {
            field.error = None;
            if matches!(self.submit, Submit::Failed(_)) {
                self.submit = Submit::Editing;
            }
        }
    }

    fn next_editable(&self, from: usize, step: isize) -> Option<usize> {
        let n = self.fields.len();
        let mut i = from;
        for _ in 0..n {
            if self.fields.get(i).is_some_and(|f| !f.read_only) {
                return Some(i);
            }
            i = i.checked_add_signed(step)?;
            if i >= n {
                return None;
            }
        }
        None
    }

    fn move_focus(&mut self, step: isize) {
        let n = self.fields.len();
        if n == 0 {
            return;
        }
        let mut i = self.focus;
        for _ in 0..n {
            i = (i + n).wrapping_add_signed(step) % n;
            if self.fields.get(i).is_some_and(|f| !f.read_only) {
                self.focus = i;
                return;
            }
        }
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn field_mut(&mut self, key: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// The value of a field, or "" when there is no such field.
    pub fn value(&self, key: &str) -> String {
        self.field(key).map(Field::value).unwrap_or_default()
    }

    pub fn set_error(&mut self, key: &str, error: impl Into<String>) {
        if let Some(f) = self.field_mut(key) {
            f.error = Some(error.into());
        }
    }

    pub fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// Moves the focus to the first field with an error.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
    }

    /// Replaces the fields, keeping what was typed into fields of the same key and the focus on
    /// the same field.
    pub fn relayout(&mut self, mut fields: Vec<Field>) {
        let focused = self.fields.get(self.focus).map(|f| f.key.clone());
        for field in &mut fields {
            if let Some(old) = self.fields.iter().find(|o| o.key == field.key) {
                field.take_value_of(old);
                field.error.clone_from(&old.error);
            }
        }
        self.fields = fields;
        self.focus = focused
            .and_then(|k| self.fields.iter().position(|f| f.key == k))
            .or_else(|| self.next_editable(0, 1))
            .unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(
            "t",
            vec![
                Field::text("sub", "sub", "x").read_only(true),
                Field::text("name", "Name", ""),
                Field::choice("m", "Message", &["send", "suppress"], 0),
                Field::toggle("v", "Verified", false),
                Field::masked("pw", "Password"),
            ],
        )
    }

    #[test]
    fn focus_skips_read_only_fields_and_wraps() {
        let mut f = form();
        assert_eq!(f.focus, 1);
        f.key(InputKey::BackTab);
        assert_eq!(f.focus, 4, "wraps past the read-only first field");
        f.key(InputKey::Complete);
        assert_eq!(f.focus, 1);
        f.key(InputKey::Down);
        f.key(InputKey::Char(' '));
        assert_eq!(f.value("m"), "suppress");
        f.key(InputKey::Down);
        f.key(InputKey::Char(' '));
        assert_eq!(f.value("v"), "true");
        f.key(InputKey::Down);
        assert_eq!(f.key(InputKey::Generate), FormEvent::Generate);
    }

    #[test]
    fn typing_clears_the_field_error_and_relayout_keeps_values() {
        let mut f = form();
        f.set_error("name", "required");
        for c in "Ann".chars() {
            f.key(InputKey::Char(c));
        }
        assert_eq!(f.value("name"), "Ann");
        assert!(!f.has_errors());
        f.relayout(vec![
            Field::text("email", "Email", ""),
            Field::text("name", "Name", ""),
        ]);
        assert_eq!(f.value("name"), "Ann");
        assert_eq!(f.focus, 1, "the focus stays on the same field");
        assert_eq!(f.key(InputKey::Submit), FormEvent::Submit);
        f.submit = Submit::Submitting(3);
        assert_eq!(f.key(InputKey::Cancel), FormEvent::None);
    }
}
