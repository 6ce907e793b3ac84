//! Changing a pool resource without the defaults trap. `UpdateUserPool`, `UpdateUserPoolClient`,
//! `UpdateIdentityProvider`, `UpdateResourceServer` and `SetUserPoolMfaConfig` reset every member
//! left out to Cognito's default, so every update here is read-modify-write: a fresh Describe*,
//! mapped onto the Update* input by the service model (read-only members dropped), the user's
//! patch applied, the difference shown, then sent whole only if the resource has not changed
//! since it was read, and read back.

pub mod diff;
pub mod patch;
mod project;
mod run;
mod target;

pub use diff::{Change, changes};
pub use patch::{Edit, Patch};
pub use run::{EditError, Plan};
pub use target::Target;
