//! Copying to the clipboard of the terminal the console runs in, wherever that is (over SSH, in
//! tmux with `set-clipboard on`): OSC 52, which the terminal itself performs. Only the event loop
//! writes it, between two frames, so it never interleaves with drawing.

use std::io::{self, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::cognito::types::Secret;

/// `ESC ] 52 ; c ; <base64> BEL`: set the clipboard selection to the text.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

/// Writes the sequence for `secret` and flushes it; what the terminal does with it cannot be
/// known (it answers nothing), so the console says where it was sent, not that it arrived.
pub fn copy(out: &mut impl Write, secret: &Secret) -> io::Result<()> {
    out.write_all(osc52(secret.reveal()).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_base64_of_the_text() {
        assert_eq!(
            osc52("Gen-Pass-7431x"),
            "\x1b]52;c;R2VuLVBhc3MtNzQzMXg=\x07"
        );
        assert_eq!(osc52("ü+/"), "\x1b]52;c;w7wrLw==\x07");
        let mut out = Vec::new();
        copy(&mut out, &Secret::new("abc")).unwrap();
        assert_eq!(out, b"\x1b]52;c;YWJj\x07");
    }
}
