//! A form's field: what it stands for (its owner's typed id), its kind (text, masked, choice,
//! toggle), its value and cursor, its flags, its error. A choice offers the values of an enum,
//! never bare indexes. A masked field's value never shows in a Debug print.

use crate::app::input::text::TextField;

/// The closed set of values a choice field offers, in order, each with its label.
pub trait Choice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn label(self) -> &'static str;
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

// Independent flags of one field (each set by its own key), not states in disguise.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, PartialEq)]
pub struct Field<K> {
    /// What the field stands for, in its form's own terms (an enum of the form's fields).
    pub key: K,
    pub label: String,
    pub kind: FieldKind,
    pub input: TextField,
    pub choice: usize,
    pub on: bool,
    pub read_only: bool,
    pub required: bool,
    pub error: Option<String>,
    /// A hint shown beside the field (e.g. `Ctrl-P generates one`).
    pub note: Option<String>,
    /// A masked field shown as typed (Ctrl-R).
    pub revealed: bool,
    /// Holds personal data (a name, an email): masked in screen-share mode unless it is the
    /// field being typed in.
    pub personal: bool,
}

/// A password typed or generated must not reach a log through a Debug print of the state.
impl<K: std::fmt::Debug> std::fmt::Debug for Field<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = f.debug_struct("Field");
        out.field("key", &self.key).field("kind", &self.kind);
        if self.kind == FieldKind::Masked {
            out.field("input", &"** redacted **");
        } else {
            out.field("input", &self.input);
        }
        out.field("choice", &self.choice)
            .field("on", &self.on)
            .field("read_only", &self.read_only)
            .field("required", &self.required)
            .field("error", &self.error)
            .field("revealed", &self.revealed)
            .finish_non_exhaustive()
    }
}

impl<K> Field<K> {
    fn new(key: K, label: &str, kind: FieldKind) -> Self {
        Self {
            key,
            label: label.to_owned(),
            kind,
            input: TextField::default(),
            choice: 0,
            on: false,
            read_only: false,
            required: false,
            error: None,
            note: None,
            revealed: false,
            personal: false,
        }
    }

    pub fn text(key: K, label: &str, value: &str) -> Self {
        let mut f = Self::new(key, label, FieldKind::Text);
        f.input.set(value);
        f
    }

    pub fn masked(key: K, label: &str) -> Self {
        Self::new(key, label, FieldKind::Masked)
    }

    /// A choice among the values of `C`, `selected` chosen.
    pub fn choice<C: Choice>(key: K, label: &str, selected: C) -> Self {
        let options = C::ALL.iter().map(|c| c.label().to_owned()).collect();
        let mut f = Self::new(key, label, FieldKind::Choice(options));
        f.choice = C::ALL.iter().position(|c| *c == selected).unwrap_or(0);
        f
    }

    /// A choice among these options (texts the form's owner reads back with `value`), the one
    /// at `selected` chosen.
    pub fn options(key: K, label: &str, options: Vec<String>, selected: usize) -> Self {
        let mut f = Self::new(key, label, FieldKind::Choice(options));
        f.choice = selected;
        f
    }

    /// The value of `C` a choice field holds; `None` for another kind of field, or one that
    /// offers other values.
    pub fn chosen<C: Choice>(&self) -> Option<C> {
        let FieldKind::Choice(options) = &self.kind else {
            return None;
        };
        let offers_c = options.len() == C::ALL.len()
            && options.iter().zip(C::ALL).all(|(o, c)| o == c.label());
        offers_c.then(|| C::ALL.get(self.choice).copied()).flatten()
    }

    pub fn toggle(key: K, label: &str, on: bool) -> Self {
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
    pub fn personal(mut self, yes: bool) -> Self {
        self.personal = yes;
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
    pub fn take_value_of(&mut self, old: &Self) {
        if self.kind == old.kind && !self.read_only {
            self.input = old.input.clone();
            self.choice = old.choice;
            self.on = old.on;
        }
    }
}
