//! The one-line text field of the whole console (palette, filters, search, forms, dialogs): a
//! `tui_input::Input` edited with the keys of `InputKey`, and a selected value that typing replaces.

use tui_input::{Input, InputRequest};

use crate::app::action::InputKey;

/// A one-line text value with its cursor (in chars).
#[derive(Debug, Clone, Default)]
pub struct TextField {
    input: Input,
    /// The whole text is selected (the last search, reopened): typing or deleting replaces it, a
    /// move keeps it.
    selected: bool,
}

impl PartialEq for TextField {
    fn eq(&self, other: &Self) -> bool {
        self.value() == other.value()
            && self.cursor() == other.cursor()
            && self.selected == other.selected
    }
}

impl TextField {
    pub fn new(text: &str) -> Self {
        Self {
            input: Input::new(text.to_owned()),
            selected: false,
        }
    }

    /// The text, all of it selected: typing replaces it, a move keeps it.
    pub fn selected(text: &str) -> Self {
        Self {
            selected: !text.is_empty(),
            ..Self::new(text)
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Cursor position in chars.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Replaces the text, the cursor at its end.
    pub fn set(&mut self, text: &str) {
        *self = Self::new(text);
    }

    /// Applies an editing key; false when the key is not an edit (Submit, Cancel, Up, …).
    pub fn edit(&mut self, key: InputKey) -> bool {
        let Some(request) = request(key) else {
            return false;
        };
        if std::mem::take(&mut self.selected) && replaces_selection(request) {
            self.set("");
            if !matches!(request, InputRequest::InsertChar(_)) {
                return true;
            }
        }
        self.input.handle(request);
        if cuts(request) {
            // tui-input keeps what a cut removed for a later yank; a password must not linger there.
            let cursor = self.cursor();
            self.input = Input::new(self.value().to_owned()).with_cursor(cursor);
        }
        true
    }
}

fn request(key: InputKey) -> Option<InputRequest> {
    Some(match key {
        InputKey::Char(c) => InputRequest::InsertChar(c),
        InputKey::Backspace => InputRequest::DeletePrevChar,
        InputKey::Delete => InputRequest::DeleteNextChar,
        InputKey::Left => InputRequest::GoToPrevChar,
        InputKey::Right => InputRequest::GoToNextChar,
        InputKey::WordLeft => InputRequest::GoToPrevWord,
        InputKey::WordRight => InputRequest::GoToNextWord,
        InputKey::Home => InputRequest::GoToStart,
        InputKey::End => InputRequest::GoToEnd,
        InputKey::Clear => InputRequest::DeleteLine,
        InputKey::DeleteWord => InputRequest::DeletePrevWord,
        InputKey::DeleteToEnd => InputRequest::DeleteTillEnd,
        _ => return None,
    })
}

/// Typing or deleting anything replaces a selected value; a move keeps it.
fn replaces_selection(request: InputRequest) -> bool {
    !matches!(
        request,
        InputRequest::GoToPrevChar
            | InputRequest::GoToNextChar
            | InputRequest::GoToPrevWord
            | InputRequest::GoToNextWord
            | InputRequest::GoToStart
            | InputRequest::GoToEnd
    )
}

fn cuts(request: InputRequest) -> bool {
    matches!(
        request,
        InputRequest::DeleteLine | InputRequest::DeletePrevWord | InputRequest::DeleteTillEnd
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(f: &TextField) -> (&str, usize, bool) {
        (f.value(), f.cursor(), f.is_selected())
    }

    #[test]
    fn edits_respect_the_cursor_and_multibyte_text() {
        let mut f = TextField::new("añn");
        assert!(f.edit(InputKey::Left));
        assert!(f.edit(InputKey::Backspace));
        assert_eq!(f.value(), "an");
        assert!(f.edit(InputKey::Char('é')));
        assert_eq!(f.value(), "aén");
        assert!(f.edit(InputKey::Home));
        assert!(f.edit(InputKey::Delete));
        assert_eq!(f.value(), "én");
        assert!(
            f.edit(InputKey::Backspace),
            "backspace at the start is a no-op edit"
        );
        assert!(!f.edit(InputKey::Submit));
        assert_eq!(f.cursor(), 0);
    }

    #[test]
    fn a_selected_text_is_replaced_by_typing_and_kept_by_moves() {
        let mut f = TextField::selected("ann");
        assert!(!f.edit(InputKey::Submit));
        assert!(f.is_selected(), "keys that do not edit keep the selection");
        assert!(f.edit(InputKey::Char('b')));
        assert_eq!(at(&f), ("b", 1, false));
        for delete in [
            InputKey::Backspace,
            InputKey::DeleteWord,
            InputKey::DeleteToEnd,
        ] {
            let mut f = TextField::selected("ann");
            assert!(f.edit(delete));
            assert_eq!(at(&f), ("", 0, false), "{delete:?}");
        }
        let mut f = TextField::selected("ann");
        assert!(f.edit(InputKey::Home));
        assert_eq!(at(&f), ("ann", 0, false));
        assert!(f.edit(InputKey::Clear));
        assert_eq!(at(&f), ("", 0, false));
        let mut f = TextField::selected("ann lee");
        assert!(f.edit(InputKey::WordLeft));
        assert_eq!(at(&f), ("ann lee", 4, false));
    }

    #[test]
    fn word_keys_move_and_delete_by_words() {
        let mut f = TextField::new("alpha beta gamma");
        f.edit(InputKey::DeleteWord);
        assert_eq!(at(&f), ("alpha beta ", 11, false));
        f.edit(InputKey::WordLeft);
        assert_eq!(f.cursor(), 6);
        f.edit(InputKey::DeleteToEnd);
        assert_eq!(at(&f), ("alpha ", 6, false));
        f.edit(InputKey::WordLeft);
        assert_eq!(f.cursor(), 0);
        f.edit(InputKey::WordRight);
        assert_eq!(f.cursor(), 6);
    }

    #[test]
    fn a_cut_leaves_nothing_behind_in_the_field() {
        let mut f = TextField::new("Secret-Pa55 word");
        f.edit(InputKey::DeleteWord);
        f.edit(InputKey::Clear);
        assert!(!format!("{f:?}").contains("Secret"), "{f:?}");
        assert!(!format!("{f:?}").contains("word"), "{f:?}");
    }
}
