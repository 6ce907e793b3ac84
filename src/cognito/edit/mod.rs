//! Changing a pool resource without the defaults trap. `UpdateUserPool`, `UpdateUserPoolClient`,
//! `UpdateResourceServer` and `SetUserPoolMfaConfig` reset every member left out to Cognito's
//! default, and `UpdateIdentityProvider` replaces each map it is sent (its details, its attribute
//! mapping) whole; `UpdateGroup` and `UpdateUserPoolDomain` keep what they are not sent (see
//! `Target::update_keeps_omitted`). Every update here is read-modify-write: a fresh Describe*,
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
