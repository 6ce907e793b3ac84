//! A generic form: labelled fields (text, masked, choice, toggle; some read-only), which one has
//! the focus, an error per field, and where the submit stands. Text is edited with `tui_input`.
//! The form knows nothing about Cognito: its fields are named by the owner's own id type `K`
//! (`user_forms`' `UserField`), and what they mean is the owner's business.

pub mod field;

use crate::app::action::InputKey;
use crate::app::remote::{ErrorInfo, RequestId};

pub use crate::app::form::field::{Choice, Field, FieldKind};

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
pub struct Form<K> {
    pub title: String,
    pub fields: Vec<Field<K>>,
    pub focus: usize,
    pub submit: Submit,
    /// A line under the title (e.g. "loading the pool's attributes…").
    pub note: Option<String>,
}

impl<K: PartialEq> Form<K> {
    /// A form with the focus on its first editable field.
    pub fn new(title: &str, fields: Vec<Field<K>>) -> Self {
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
            InputKey::Reveal => {
                if let Some(field) = self
                    .fields
                    .get_mut(self.focus)
                    .filter(|f| f.kind == FieldKind::Masked)
                {
                    field.revealed = !field.revealed;
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

    pub fn field(&self, key: &K) -> Option<&Field<K>> {
        self.fields.iter().find(|f| f.key == *key)
    }

    pub fn field_mut(&mut self, key: &K) -> Option<&mut Field<K>> {
        self.fields.iter_mut().find(|f| f.key == *key)
    }

    /// The value of a field, or "" when there is no such field.
    pub fn value(&self, key: &K) -> String {
        self.field(key).map(Field::value).unwrap_or_default()
    }

    /// The value a choice field holds; `None` when there is no such choice.
    pub fn chosen<C: Choice>(&self, key: &K) -> Option<C> {
        self.field(key).and_then(Field::chosen)
    }

    /// Whether a toggle is on; false when there is no such field.
    pub fn is_on(&self, key: &K) -> bool {
        self.field(key).is_some_and(|f| f.on)
    }

    pub fn set_error(&mut self, key: &K, error: impl Into<String>) {
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
    pub fn relayout(&mut self, mut fields: Vec<Field<K>>) {
        for field in &mut fields {
            if let Some(old) = self.fields.iter().find(|o| o.key == field.key) {
                field.take_value_of(old);
                field.error.clone_from(&old.error);
            }
        }
        let focused = self
            .fields
            .get(self.focus)
            .and_then(|old| fields.iter().position(|f| f.key == old.key));
        self.fields = fields;
        self.focus = focused.or_else(|| self.next_editable(0, 1)).unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Message {
        Send,
        Suppress,
    }

    impl Choice for Message {
        const ALL: &'static [Self] = &[Self::Send, Self::Suppress];
        fn label(self) -> &'static str {
            match self {
                Self::Send => "send",
                Self::Suppress => "suppress",
            }
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Other {
        Send,
    }

    impl Choice for Other {
        const ALL: &'static [Self] = &[Self::Send];
        fn label(self) -> &'static str {
            "send"
        }
    }

    fn form() -> Form<&'static str> {
        Form::new(
            "t",
            vec![
                Field::text("sub", "sub", "x").read_only(true),
                Field::text("name", "Name", ""),
                Field::choice("m", "Message", Message::Send),
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
        assert_eq!(f.chosen(&"m"), Some(Message::Send));
        f.key(InputKey::Char(' '));
        assert_eq!(f.value(&"m"), "suppress");
        assert_eq!(f.chosen(&"m"), Some(Message::Suppress));
        f.key(InputKey::Down);
        f.key(InputKey::Char(' '));
        assert_eq!(f.value(&"v"), "true");
        assert!(f.is_on(&"v"));
        f.key(InputKey::Down);
        assert_eq!(f.key(InputKey::Generate), FormEvent::Generate);
    }

    #[test]
    fn typing_clears_the_field_error_and_relayout_keeps_values() {
        let mut f = form();
        f.set_error(&"name", "required");
        for c in "Ann".chars() {
            f.key(InputKey::Char(c));
        }
        assert_eq!(f.value(&"name"), "Ann");
        assert!(!f.has_errors());
        f.relayout(vec![
            Field::text("email", "Email", ""),
            Field::text("name", "Name", ""),
        ]);
        assert_eq!(f.value(&"name"), "Ann");
        assert_eq!(f.focus, 1, "the focus stays on the same field");
        assert_eq!(f.key(InputKey::Submit), FormEvent::Submit);
        f.submit = Submit::Submitting(RequestId(3));
        assert_eq!(f.key(InputKey::Cancel), FormEvent::None);
    }

    #[test]
    fn a_choice_answers_only_in_its_own_values() {
        let f = form();
        assert_eq!(f.chosen::<Other>(&"m"), None, "another enum's values");
        assert_eq!(f.chosen::<Message>(&"name"), None, "not a choice");
        assert_eq!(f.chosen::<Message>(&"absent"), None);
    }
}
