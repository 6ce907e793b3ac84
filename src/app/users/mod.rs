//! User administration: what can be done to a user (`ops`), the forms, dialogs, menus, devices
//! view, bulk changes and the journal, each beside the update function that drives it
//! (`*_update`, `keys`, `marks`, `outcomes`) and its update scripts (`tests_*`).

pub mod bulk;
pub(crate) mod bulk_update;
pub mod devices;
pub(crate) mod devices_update;
pub mod dialog;
pub(crate) mod dialog_update;
pub mod export;
pub mod fields;
pub mod forms;
pub(crate) mod forms_update;
pub mod index;
pub mod journal;
pub(crate) mod keys;
pub(crate) mod marks;
pub mod menu;
pub(crate) mod menu_update;
pub mod ops;
pub(crate) mod outcomes;
pub(crate) mod verdict;

#[cfg(test)]
mod tests_bulk;
#[cfg(test)]
mod tests_devices;
#[cfg(test)]
mod tests_dialogs;
#[cfg(test)]
mod tests_forms;
#[cfg(test)]
mod tests_index;
#[cfg(test)]
mod tests_index_faults;
#[cfg(test)]
mod tests_marks;
#[cfg(test)]
mod tests_members;
#[cfg(test)]
mod tests_password;
#[cfg(test)]
mod tests_picker;
#[cfg(test)]
mod tests_verdict;
