//! Everything that can happen to the console: intents from keys and mouse, and results from the
//! worker. The `///` line of each intent is its help text.

use crate::app::admin::AdminOp;
use crate::app::browse::detail::DetailBody;
use crate::app::browse::pane::Rows;
use crate::app::browse::rows::{PoolRow, UserRow};
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::state::{Context, Overview, Tab};
use crate::app::users::devices::{DeviceLine, EventLine};
use crate::app::users::dialog::MfaInfo;
use crate::app::users::forms::PoolSettings;
use crate::app::users::index::{Answered, IndexSummary, Progress};
use crate::app::users::journal::JournalLine;
use crate::app::users::menu::BulkChoice;
use crate::app::users::ops::UserOp;
use crate::aws::RetryNotice;
use crate::cognito::edit::Plan;
use crate::cognito::types::Secret;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Move the selection up
    Up,
    /// Move the selection down
    Down,
    /// Up one page
    PageUp,
    /// Down one page
    PageDown,
    /// First row
    Home,
    /// Last row
    End,
    /// Open the selected item
    Open,
    /// Describe the selected item
    Describe,
    /// Go back, cancel loading, close
    Back,
    /// Next tab
    NextTab,
    /// Previous tab
    PrevTab,
    /// Show a tab
    ShowTab(Tab),
    /// Sort by column N (again: reverse)
    SortBy(usize),
    /// Reload the current view
    Refresh,
    /// Show the raw JSON response
    ToggleJson,
    /// Show or hide this help
    ToggleHelp,
    /// Screen-share mode on or off: personal data masked wherever it is drawn.
    ToggleMask,
    /// Open the command palette
    OpenPalette,
    /// Filter the loaded rows
    OpenLocalFilter,
    /// Search users on the server (ListUsers filter)
    OpenServerFilter,
    /// The same email search in lower case, after one with capitals found no one
    SearchLowerCase,
    /// Query users: any attribute, dates, groups, and/or (the local index)
    OpenQuery,
    /// Build the pool's local index again
    RefreshIndex,
    /// Export users to a file (the query's, the marked, or all)
    OpenExport,
    /// Quit
    Quit,
    /// Actions on the selected user
    OpenActionMenu,
    /// An action on the selected user (or create one)
    User(UserOp),
    /// Apply the fix the user's verdict recommends (open its dialog or form)
    Fix,
    /// Mark or unmark the selected user
    ToggleMark,
    /// Mark every user the local filter shows
    MarkShown,
    /// Clear the marks
    ClearMarks,
    /// Actions on the marked users
    OpenBulkMenu,
    /// An action on the marked users (a key of the bulk menu)
    Bulk(BulkChoice),
    /// A change to the selected pool resource
    Admin(AdminOp),
    /// Show the app client's secret: read fresh, shown once under a warning
    ShowSecret,
    /// The editor closed: the saved text, or why there is none.
    Edited {
        request: RequestId,
        outcome: Result<String, String>,
    },
    /// A key typed into the open text field or form.
    Input(InputKey),
    /// The mouse wheel moved by this many rows.
    Scroll(isize),
    /// A click on table row `usize` of the visible window (0 = first shown row).
    ClickRow(usize),
    /// The terminal has this many rows for the table.
    Resize { table_rows: usize },
    /// Time passed while something loads.
    Tick,
    /// The wall clock, in Unix seconds: the event loop says it now and then, for ages.
    Clock(i64),
    /// Long work (a build of the index, an export) has come this far.
    Progress {
        request: RequestId,
        progress: Progress,
    },
    /// A page of a list arrived; `done` when it was the last.
    Loaded {
        request: RequestId,
        payload: Payload,
        done: bool,
    },
    /// The worker (re)connected: where it now talks to.
    Connected(Context),
    /// A reconnect (`:profile`, `:region`) failed; the previous connection stays.
    ConnectFailed(ErrorInfo),
    /// A request failed.
    Failed {
        request: RequestId,
        error: ErrorInfo,
    },
    /// A call of the request is about to be sent again (throttled, a fault, no answer in time).
    Retrying {
        request: RequestId,
        notice: RetryNotice,
    },
    /// A bulk run tried one more user: `error` is `None` when it worked.
    BulkStep {
        request: RequestId,
        user: String,
        error: Option<ErrorInfo>,
    },
}

/// Keys for text fields and forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKey {
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Alt-B, Ctrl-←: to the start of the word.
    WordLeft,
    /// Alt-F, Ctrl-→: past the end of the word.
    WordRight,
    Up,
    Down,
    /// Tab: complete, or next field.
    Complete,
    /// Shift-Tab: previous field.
    BackTab,
    /// Ctrl-P: generate a password.
    Generate,
    /// Ctrl-U: clear the field.
    Clear,
    /// Ctrl-W: delete the word before the cursor.
    DeleteWord,
    /// Ctrl-K: delete from the cursor to the end.
    DeleteToEnd,
    /// Ctrl-R: show or hide a password.
    Reveal,
    /// Ctrl-Y: copy the equivalent AWS CLI command.
    CopyCommand,
    Submit,
    Cancel,
}

/// What a request brought back.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    Pools(Vec<PoolRow>),
    /// A page of a pool pane's rows.
    Rows(Rows),
    Overview(Overview),
    Detail(DetailBody),
    PoolSettings(PoolSettings),
    /// One user's row, read again after a change.
    UserRow(Box<UserRow>),
    Mfa(MfaInfo),
    /// The names of the groups a user is in.
    UserGroups(Vec<String>),
    Devices(Vec<DeviceLine>),
    AuthEvents(Vec<EventLine>),
    Journal(Vec<JournalLine>),
    Password(Secret),
    /// An app client's secret, read when asked (`None`: the client has none).
    ClientSecret(Option<Secret>),
    /// A pool resource's configuration in its Update* shape.
    EditInput(crate::cognito::secrets::Redacted),
    /// An update ready to review.
    Plan(Box<Plan>),
    /// The pool's index (`None`: there is no complete one).
    IndexSummary(Option<IndexSummary>),
    /// Where a query's users come from; sent before them.
    Answered(Answered),
    /// An export is whole and in place.
    Exported {
        users: u64,
        path: String,
    },
    /// A change was made.
    Done,
    /// Where `:find` found someone, and the pools it could not search.
    Found(Box<crate::shared::find::FindReport>),
}
