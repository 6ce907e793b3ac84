//! A table's columns: what each is called and how wide it would like to be.

/// A column: its title and a width hint for the renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub title: &'static str,
    /// Preferred width in cells; the renderer may shrink it.
    pub width: u16,
}
