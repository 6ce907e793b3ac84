//! Everything the console shows, in one value: `update` changes it, `render` only reads it.

use std::collections::{BTreeMap, BTreeSet};

use crate::app::admin::AdminFlow;
use crate::app::browse::detail::Detail;
use crate::app::browse::panes;
use crate::app::browse::panes::Tables;
use crate::app::browse::rows::{PoolRow, UserRow};
use crate::app::browse::table::TableView;
use crate::app::input::keymap::Keymap;
use crate::app::input::text::TextField;
use crate::app::remote::{ErrorInfo, Remote, RequestId};
use crate::app::secret::SecretShown;
use crate::app::users::bulk::BulkRun;
use crate::app::users::devices::DevicesView;
use crate::app::users::dialog::Dialog;
use crate::app::users::export::ExportDialog;
use crate::app::users::forms::{PoolSettings, UserForm};
use crate::app::users::index::{IndexView, QueryBar, UsersQuery};
use crate::app::users::journal::JournalView;
use crate::app::users::menu::{Menu, Picker};
use crate::aws::RetryNotice;
use crate::cognito::user_filter::{FilterAttribute, filter_expression};
use crate::cognito::user_status::UserStatus;
use crate::cognito::{GroupName, PoolId};

pub use crate::app::browse::panes::Tab;

/// Where the console talks to, for the header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    pub profile: Option<String>,
    pub region: String,
    pub endpoint: String,
    /// False for moto, LocalStack, the local server: the header highlights it.
    pub is_aws: bool,
    /// The built-in local server (`--local`): the header says LOCAL.
    pub local: bool,
    pub read_only: bool,
}

/// How far a list has loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Load {
    #[default]
    Idle,
    /// Pages are arriving; rows already received are shown.
    Loading {
        request: RequestId,
        pages: usize,
    },
    Done,
    /// Esc stopped it; what arrived stays.
    Cancelled,
    Failed(ErrorInfo),
}

impl Load {
    pub fn awaits(&self, id: RequestId) -> bool {
        matches!(self, Self::Loading { request, .. } if *request == id)
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, Self::Loading { .. })
    }
}

/// A table filled from the API.
#[derive(Debug, Clone, PartialEq)]
pub struct ListPane<R> {
    pub table: TableView<R>,
    pub load: Load,
}

impl<R> Default for ListPane<R> {
    fn default() -> Self {
        Self {
            table: TableView::default(),
            load: Load::Idle,
        }
    }
}

/// The pool's summary for the Overview tab: label/value lines built from DescribeUserPool.
pub type Overview = Vec<(String, String)>;

/// A ListUsers server-side filter: one attribute, `=` or `^=`, a value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServerFilter {
    pub attribute: FilterAttribute,
    pub prefix: bool,
    pub value: String,
}

impl ServerFilter {
    pub fn expression(&self) -> String {
        filter_expression(self.attribute.name(), self.prefix, &self.value)
    }

    /// Whether ListUsers would list a user with these values under the filter; `None` when they
    /// cannot tell (`sub` is chosen by Cognito).
    pub fn admits(
        &self,
        username: &str,
        attributes: &[(String, String)],
        status: &UserStatus,
        enabled: bool,
    ) -> Option<bool> {
        let value = match self.attribute {
            FilterAttribute::Sub => return None,
            FilterAttribute::Username => Some(username),
            FilterAttribute::UserStatus => Some(status.as_str()),
            FilterAttribute::Status => Some(if enabled { "Enabled" } else { "Disabled" }),
            attribute => attributes
                .iter()
                .find(|(n, _)| n == attribute.name())
                .map(|(_, v)| v.as_str()),
        };
        Some(value.is_some_and(|v| self.attribute.matches(v, self.prefix, &self.value)))
    }
}

/// An open pool and its tabs.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolState {
    pub id: PoolId,
    pub name: String,
    pub tab: Tab,
    pub overview: Remote<Overview>,
    pub users: ListPane<UserRow>,
    /// The server-side filter the users list was loaded with.
    pub users_filter: Option<ServerFilter>,
    /// The group whose members the users table lists (Enter on a group); never with a filter.
    pub users_group: Option<GroupName>,
    /// The query whose users the table lists (`f`); never with a filter or a group.
    pub users_query: Option<UsersQuery>,
    /// The pool's local index: its age and counts, and a build running.
    pub index: IndexView,
    /// The other panes' tables.
    pub tables: Tables,
    /// Schema attributes and password policy, loaded when a form first needs them.
    pub settings: Remote<PoolSettings>,
    /// Usernames marked (Space) for a bulk action.
    pub marks: BTreeSet<String>,
    /// Requests reading one user's row again after a change.
    pub row_requests: Vec<RequestId>,
}

impl PoolState {
    pub fn new(id: PoolId, name: String) -> Self {
        Self {
            id,
            name,
            tab: Tab::default(),
            overview: Remote::NotAsked,
            users: ListPane::default(),
            users_filter: None,
            users_group: None,
            users_query: None,
            index: IndexView::default(),
            tables: Tables::default(),
            settings: Remote::NotAsked,
            marks: BTreeSet::new(),
            row_requests: Vec::new(),
        }
    }
}

/// What sits on top of the main view and takes the keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Overlay {
    #[default]
    None,
    Help,
    /// `:` command palette; `selected` is the highlighted completion.
    Palette {
        input: TextField,
        selected: usize,
    },
    /// `/` local filter over the loaded rows of the current table.
    LocalFilter(TextField),
    /// The query bar (`f`): a query of the local index, or one ListUsers filter.
    Query(QueryBar),
    /// Export users to a file (`Ctrl-S`), and its progress while it runs.
    Export(Box<ExportDialog>),
    /// Server-side ListUsers filter form.
    ServerFilter {
        form: ServerFilter,
        input: TextField,
    },
    /// The action menu of the selected user, the bulk menu of the marked ones.
    Menu(Menu),
    /// Create user, edit attributes, set password.
    Form(Box<UserForm>),
    /// Confirm a change to one user.
    Dialog(Box<Dialog>),
    /// Choose a group to add to or remove from.
    Picker(Box<Picker>),
    /// A user's devices and sign-in history.
    Devices(Box<DevicesView>),
    /// The plan, progress and results of a bulk change.
    Bulk(Box<BulkRun>),
    /// The audit journal's last entries.
    Journal(JournalView),
    /// A secret shown once, on request: a password the console chose, an app client's secret.
    Secret(Box<SecretShown>),
    /// A change to a pool resource: its editor, its difference, its delete.
    Admin(Box<AdminFlow>),
    /// `:find`: where a person was found.
    Find(Box<crate::app::find::FindView>),
}

impl Overlay {
    /// True while the overlay waits for the worker (a submit, a list loading, a bulk run).
    pub fn is_busy(&self) -> bool {
        match self {
            Overlay::Form(f) => {
                f.form.submit.is_submitting() || f.loading.is_some() || f.generating.is_some()
            }
            Overlay::Dialog(d) => {
                d.submit.is_submitting() || d.mfa.as_ref().is_some_and(Remote::is_loading)
            }
            Overlay::Picker(p) => {
                p.submit.is_submitting() || p.load.is_loading() || p.member_of.is_loading()
            }
            Overlay::Devices(d) => {
                d.submit.is_submitting() || d.devices.is_loading() || d.events.is_loading()
            }
            Overlay::Bulk(b) => b.is_running(),
            Overlay::Journal(j) => j.entries.is_loading(),
            Overlay::Admin(a) => a.is_busy(),
            Overlay::Secret(s) => s.secret.is_loading(),
            Overlay::Export(e) => e.running().is_some(),
            Overlay::Find(f) => f.report.is_loading(),
            _ => false,
        }
    }
}

/// The whole console.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub context: Context,
    pub pools: ListPane<PoolRow>,
    pub pool: Option<PoolState>,
    pub detail: Option<Detail>,
    pub overlay: Overlay,
    /// A one-line message (e.g. "switched to eu-west-1"), cleared by the next key.
    pub toast: Option<String>,
    /// Calls being retried, by request: the status line says so until the request answers.
    pub retrying: BTreeMap<RequestId, RetryNotice>,
    /// Advances on every tick while something loads: the spinner frame.
    pub ticks: u64,
    pub next_request: RequestId,
    /// Rows that fit the table area, from the last resize: PgUp/PgDn step by it.
    pub page_rows: usize,
    /// The key tables with the keys `config.toml` gave.
    pub keys: Keymap,
    /// The wall clock (Unix seconds) as the event loop last said: ages ("indexed 4 min ago").
    pub now: Option<i64>,
    /// Screen-share mode (`--mask`, Ctrl-T): emails, phone numbers, names and IP addresses are
    /// drawn masked. Kept across `:profile` and `:region`, unlike the context.
    pub mask: bool,
    pub quit: bool,
}

impl State {
    pub fn new(context: Context) -> Self {
        Self {
            context,
            pools: ListPane::default(),
            pool: None,
            detail: None,
            overlay: Overlay::None,
            toast: None,
            retrying: BTreeMap::new(),
            ticks: 0,
            next_request: RequestId(1),
            page_rows: 20,
            keys: Keymap::default(),
            now: None,
            mask: false,
            quit: false,
        }
    }

    /// A fresh request id.
    pub fn request_id(&mut self) -> RequestId {
        let id = self.next_request;
        self.next_request = id.next();
        id
    }

    /// True while any request runs: the loop ticks (spinner) only then.
    pub fn is_busy(&self) -> bool {
        self.overlay.is_busy()
            || self.pools.load.is_loading()
            || self.detail.as_ref().is_some_and(|d| d.body.is_loading())
            || self.pool.as_ref().is_some_and(|p| {
                p.overview.is_loading()
                    || p.index.work.is_some()
                    || Tab::ALL
                        .iter()
                        .filter_map(|&tab| panes::table(p, tab))
                        .any(|t| t.load().is_loading())
            })
    }
}
