//! Input: the key tables (and the user's rebinding of them), the command palette, the one text
//! field every view types into, and the keys of the overlays that take typing.

pub mod keymap;
pub(crate) mod overlay;
pub mod palette;
pub mod text;

#[cfg(test)]
mod tests_profile;
