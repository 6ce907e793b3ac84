//! User-controlled text (usernames, attribute values, group names) as it may be shown: control,
//! invisible and look-alike-space characters written as visible escapes (`\n`, `\u{200d}`), so
//! that two different values never look the same on screen or in a table.
//!
//! The escaping can be undone (a backslash that could be read as the start of an escape is
//! doubled), which is what makes it one-to-one: the tests decode every escaped string back.

use std::borrow::Cow;

/// True for characters that would be drawn as nothing, as a space, or would move or reorder the
/// text around them.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // Look-alike spaces: only U+0020 is shown as itself.
            '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
            // Format characters (Cf): soft hyphen, zero-width and joiner characters, bidi
            // embeddings, overrides and isolates, word joiner, BOM, tags…
            | '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
            | '\u{890}'..='\u{891}' | '\u{8e2}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}' | '\u{110bd}' | '\u{110cd}' | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e007f}'
            // Drawn as nothing or as a blank: grapheme joiner, fillers, selectors, blank braille.
            | '\u{34f}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}' | '\u{180b}'..='\u{180d}'
            | '\u{180f}' | '\u{2800}' | '\u{3164}' | '\u{ffa0}' | '\u{fe00}'..='\u{fe0f}'
            | '\u{e0100}'..='\u{e01ef}'
            // Private use and noncharacters: no glyph anyone can rely on.
            | '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}' | '\u{fdd0}'..='\u{fdef}'
        )
        || (u32::from(c) & 0xfffe) == 0xfffe
}

/// The text with every hidden character written as an escape; borrowed when it has none (and no
/// backslash).
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\\' || is_hidden(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                // Doubled only where it could be read as the start of an escape.
                let ambiguous = chars
                    .peek()
                    .is_some_and(|&n| matches!(n, '\\' | 'n' | 't' | 'r' | 'u') || is_hidden(n));
                out.push_str(if ambiguous { "\\\\" } else { "\\" });
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_hidden(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inverse of `escape`, to prove it is one-to-one.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            if c != '\\' {
                out.push(c);
                continue;
            }
            let simple = match rest.chars().next() {
                Some('\\') => Some('\\'),
                Some('n') => Some('\n'),
                Some('t') => Some('\t'),
                Some('r') => Some('\r'),
                _ => None,
            };
            if let Some(decoded) = simple {
                out.push(decoded);
                rest = &rest[1..];
                continue;
            }
            let code = rest.strip_prefix("u{").and_then(|r| r.split_once('}'));
            let decoded = code.and_then(|(hex, after)| {
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                Some((c, after))
            });
            match decoded {
                Some((c, after)) => {
                    out.push(c);
                    rest = after;
                }
                None => out.push('\\'),
            }
        }
        out
    }

    #[test]
    fn hidden_characters_become_visible_escapes() {
        assert_eq!(escape("fz-a\nb"), "fz-a\\nb");
        assert_eq!(escape("fz-a\u{200d}b"), "fz-a\\u{200d}b");
        assert_eq!(escape("tab\there\r"), "tab\\there\\r");
        assert_eq!(
            escape("a\u{202e}b\u{2066}c\u{feff}"),
            "a\\u{202e}b\\u{2066}c\\u{feff}"
        );
        assert_eq!(
            escape("nb\u{a0}sp\u{7f}\u{85}"),
            "nb\\u{a0}sp\\u{7f}\\u{85}"
        );
        assert_eq!(escape("\u{200b}\u{2060}"), "\\u{200b}\\u{2060}");
    }

    #[test]
    fn ordinary_text_is_shown_unchanged() {
        for text in ["ann.adams3", "Zoë Ávila", "東京", "a b", "💡", ""] {
            assert!(
                matches!(escape(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
        }
        assert_eq!(escape("DOMAIN\\ann"), "DOMAIN\\ann");
    }

    #[test]
    fn a_backslash_that_could_start_an_escape_is_doubled() {
        // The literal text `fz-a\nb` and the one with a line feed must differ on screen.
        assert_eq!(escape("fz-a\\nb"), "fz-a\\\\nb");
        assert_eq!(escape("fz-a\\nb\u{200d}"), "fz-a\\\\nb\\u{200d}");
        assert_eq!(escape("x\\\u{200d}"), "x\\\\\\u{200d}");
        assert_eq!(escape("C:\\dir\u{200b}"), "C:\\dir\\u{200b}");
    }

    #[test]
    fn escaping_is_one_to_one() {
        let alphabet = [
            'a', '\\', 'n', 'u', '{', '}', '2', 'd', '\n', '\u{200d}', ' ',
        ];
        // Every string of up to five of these characters.
        let mut level = vec![String::new()];
        let mut tried = 0;
        for _ in 0..5 {
            level = level
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            for s in &level {
                assert_eq!(unescape(&escape(s)), *s, "{s:?} -> {:?}", escape(s));
            }
            tried += level.len();
        }
        assert!(tried > 100_000);
    }
}
