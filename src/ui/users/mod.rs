//! Drawing user administration: the forms, dialogs, menus, devices view, bulk run and journal
//! (mirrors `app::users`).

pub mod bulk;
pub mod devices;
pub mod dialog;
pub mod export;
pub mod forms;
pub mod journal;
pub mod menu;
