//! Editing a one-line text field with the keys of `InputKey`.

use super::action::InputKey;
use super::state::TextField;

impl TextField {
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            cursor: text.chars().count(),
            selected: false,
        }
    }

    /// The text, all of it selected: typing replaces it, an arrow keeps it.
    pub fn selected(text: &str) -> Self {
        Self {
            selected: !text.is_empty(),
            ..Self::new(text)
        }
    }

    /// Applies an editing key; false when the key is not an edit (Submit, Cancel, Up, …).
    pub fn edit(&mut self, key: InputKey) -> bool {
        if self.selected {
            match key {
                // Typing or deleting replaces the selected text.
                InputKey::Char(_) | InputKey::Backspace | InputKey::Delete => {
                    self.text.clear();
                    self.cursor = 0;
                    self.selected = false;
                    if !matches!(key, InputKey::Char(_)) {
                        return true;
                    }
                }
                // An arrow keeps the text and moves the cursor.
                InputKey::Left | InputKey::Right | InputKey::Home | InputKey::End => {
                    self.selected = false;
                }
                _ => {}
            }
        }
        self.edit_unselected(key)
    }

    fn edit_unselected(&mut self, key: InputKey) -> bool {
        let len = self.text.chars().count();
        match key {
            InputKey::Clear => {
                self.text.clear();
                self.cursor = 0;
                self.selected = false;
            }
            InputKey::Char(c) => {
                let at = self.byte_index(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            InputKey::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_index(self.cursor);
                self.text.remove(at);
            }
            InputKey::Delete if self.cursor < len => {
                let at = self.byte_index(self.cursor);
                self.text.remove(at);
            }
            InputKey::Left => self.cursor = self.cursor.saturating_sub(1),
            InputKey::Right => self.cursor = (self.cursor + 1).min(len),
            InputKey::Home => self.cursor = 0,
            InputKey::End => self.cursor = len,
            InputKey::Backspace | InputKey::Delete => {}
            _ => return false,
        }
        true
    }

    fn byte_index(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_respect_the_cursor_and_multibyte_text() {
        let mut f = TextField::new("añn");
        assert!(f.edit(InputKey::Left));
        assert!(f.edit(InputKey::Backspace));
        assert_eq!(f.text, "an");
        assert!(f.edit(InputKey::Char('é')));
        assert_eq!(f.text, "aén");
        assert!(f.edit(InputKey::Home));
        assert!(f.edit(InputKey::Delete));
        assert_eq!(f.text, "én");
        assert!(
            f.edit(InputKey::Backspace),
            "backspace at the start is a no-op edit"
        );
        assert!(!f.edit(InputKey::Submit));
        assert_eq!(f.cursor, 0);
    }

    #[test]
    fn a_selected_text_is_replaced_by_typing_and_kept_by_arrows() {
        let mut f = TextField::selected("ann");
        assert!(!f.edit(InputKey::Submit));
        assert!(f.selected, "keys that do not edit keep the selection");
        assert!(f.edit(InputKey::Char('b')));
        assert_eq!((f.text.as_str(), f.cursor, f.selected), ("b", 1, false));
        let mut f = TextField::selected("ann");
        assert!(f.edit(InputKey::Backspace));
        assert_eq!(f.text, "");
        let mut f = TextField::selected("ann");
        assert!(f.edit(InputKey::Home));
        assert_eq!((f.text.as_str(), f.cursor, f.selected), ("ann", 0, false));
        assert!(f.edit(InputKey::Clear));
        assert_eq!((f.text.as_str(), f.cursor), ("", 0));
    }
}
