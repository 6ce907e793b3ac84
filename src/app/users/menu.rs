//! Lists to choose from: the action menu of the selected user, the bulk menu of the marked users,
//! and the group picker.

use crate::app::form::Submit;
use crate::app::remote::Remote;
use crate::app::state::Load;
use crate::app::users::ops::{UserEntry, UserFacts};

/// A bulk action, as the bulk menu offers it (the group is picked afterwards).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkChoice {
    Disable,
    Enable,
    SignOut,
    AddToGroup,
    RemoveFromGroup,
    Delete,
}

impl BulkChoice {
    pub const ALL: [BulkChoice; 6] = [
        BulkChoice::Disable,
        BulkChoice::Enable,
        BulkChoice::SignOut,
        BulkChoice::AddToGroup,
        BulkChoice::RemoveFromGroup,
        BulkChoice::Delete,
    ];

    pub fn label(self) -> &'static str {
        match self {
            BulkChoice::Disable => "disable",
            BulkChoice::Enable => "enable",
            BulkChoice::SignOut => "sign out everywhere",
            BulkChoice::AddToGroup => "add to group",
            BulkChoice::RemoveFromGroup => "remove from group",
            BulkChoice::Delete => "delete",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Menu {
    /// `a`: what can be done to this user, the fitting actions first.
    User {
        user: UserFacts,
        entries: Vec<UserEntry>,
        selected: usize,
        /// Users marked for a bulk action: the title says the menu is not about them.
        marked: usize,
    },
    /// `b`: what can be done to the marked users.
    Bulk { count: usize, selected: usize },
}

impl Menu {
    pub fn len(&self) -> usize {
        match self {
            Menu::User { entries, .. } => entries.len(),
            Menu::Bulk { .. } => BulkChoice::ALL.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn selected(&self) -> usize {
        match self {
            Menu::User { selected, .. } | Menu::Bulk { selected, .. } => *selected,
        }
    }

    pub fn select(&mut self, pos: usize) {
        let last = self.len().saturating_sub(1);
        match self {
            Menu::User { selected, .. } | Menu::Bulk { selected, .. } => *selected = pos.min(last),
        }
    }
}

/// Who a picked group is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickFor {
    User(String),
    /// The marked users: the pick leads to the bulk plan.
    Marked,
}

/// Choose a group to add to (the pool's, ListGroups) or remove from (one user's own groups,
/// AdminListGroupsForUser; the pool's for the marked users).
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub target: PickFor,
    pub add: bool,
    pub groups: Vec<String>,
    pub load: Load,
    /// Adding one user: the groups they are in already, marked in the list (Enter on one says so
    /// instead of sending). `NotAsked` otherwise.
    pub member_of: Remote<Vec<String>>,
    pub selected: usize,
    /// Why Enter did nothing.
    pub hint: Option<String>,
    pub submit: Submit,
}

impl Picker {
    pub fn title(&self) -> String {
        let who = match &self.target {
            PickFor::User(user) => user.clone(),
            PickFor::Marked => "the marked users".to_owned(),
        };
        if self.add {
            format!("Add {who} to a group")
        } else {
            format!("Remove {who} from a group")
        }
    }

    pub fn chosen(&self) -> Option<&str> {
        self.groups.get(self.selected).map(String::as_str)
    }

    /// The user is in `group`, as far as the picker knows.
    pub fn is_member(&self, group: &str) -> bool {
        self.member_of
            .loaded()
            .is_some_and(|groups| groups.iter().any(|g| g == group))
    }
}
