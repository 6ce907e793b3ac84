//! What a pool pane is, whatever its rows: the `Pane` trait each pane kind's row implements (its
//! tab, names, table, list call and detail call), a page of any pane's rows (`Rows`), and the
//! table operations the registry's loops need without knowing the row type (`PaneTable`).

use std::any::Any;
use std::collections::BTreeSet;
use std::fmt;

use futures::future::BoxFuture;
use futures::stream::BoxStream;

use crate::app::browse::detail::DetailBody;
use crate::app::browse::panes::Tab;
use crate::app::browse::table::{Navigable, Row};
use crate::app::effect::Read;
use crate::app::input::keymap::Mode;
use crate::app::remote::RequestId;
use crate::app::state::{ListPane, Load, PoolState};
use crate::aws::AwsError;
use crate::cognito::edit::Target;
use crate::cognito::{CognitoClient, PoolId};

/// How a pane is named and driven: the tab's title, the palette word, what a row is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneInfo {
    /// The tab's title: `App clients`.
    pub title: &'static str,
    /// The palette command that shows it: `clients`.
    pub word: &'static str,
    /// What the palette says beside the word.
    pub help: &'static str,
    /// One row, in a sentence: `app client`.
    pub one: &'static str,
    /// Several rows: `app clients`.
    pub many: &'static str,
    /// The key table the pane's view uses.
    pub keys: Mode,
}

/// A pane's `PaneInfo` from its title, palette word and row names (one, many). The palette
/// describes it as "the pool's <many>"; its keys are the plain table's unless it names others.
macro_rules! pane_info {
    ($title:literal, $word:literal, $one:literal, $many:literal) => {
        $crate::app::browse::pane::pane_info!(
            $title,
            $word,
            $one,
            $many,
            $crate::app::input::keymap::Mode::Table
        )
    };
    ($title:literal, $word:literal, $one:literal, $many:literal, $keys:expr) => {
        $crate::app::browse::pane::PaneInfo {
            title: $title,
            word: $word,
            help: concat!("the pool's ", $many),
            one: $one,
            many: $many,
            keys: $keys,
        }
    };
}
pub(crate) use pane_info;

/// The pages of a pane's rows as the worker reads them.
pub type RowStream<R> = BoxStream<'static, Result<Vec<R>, AwsError>>;

/// Reads one row's detail: the client, the pool and the row's key.
pub type Describe =
    fn(CognitoClient, PoolId, String) -> BoxFuture<'static, Result<DetailBody, AwsError>>;

/// Which tab shows a pane and where its table lives in the pool's state: written by the registry
/// (`panes::registry!`) from the pane's line there.
pub trait Slot: Sized {
    const TAB: Tab;
    fn table(pool: &PoolState) -> &ListPane<Self>;
    fn table_mut(pool: &mut PoolState) -> &mut ListPane<Self>;
}

/// A pool pane, named by the type of its rows. The registry (`panes::visit`) maps each tab to
/// one; everything that must visit every pane loops over the registry through this trait.
pub trait Pane: Row + Slot + Clone + fmt::Debug + PartialEq + Send + Sync + 'static {
    const INFO: PaneInfo;
    /// How a row's detail is read (`None`: the table shows all there is).
    const DETAIL: Option<Describe>;
    /// The operation that creates one (`n`); `None`: not made here.
    const CREATE: Option<&'static str> = None;

    /// Every row of the pool, page by page (the worker's side of the list call).
    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self>;

    /// The read that lists the pane. `from`: the page a listing that failed part-way goes on
    /// from (only a listing that said where it stopped has one).
    fn list_call(pool: &PoolState, from: Option<String>) -> Read {
        let _ = from;
        Read::List(Self::TAB, pool.id.clone())
    }

    /// The server-side search the rows were listed with, for the count line.
    fn search(pool: &PoolState) -> Option<String> {
        let _ = pool;
        None
    }

    /// The rows marked for a bulk action, for the gutter.
    fn marks(pool: &PoolState) -> Option<&BTreeSet<String>> {
        let _ = pool;
        None
    }

    /// The resource this row is, for editing and deleting it (`E`, `D`), and the name a person
    /// types to confirm a delete (`None`: the row is not a changeable resource).
    fn target(&self, pool: &PoolId) -> Option<(Target, String)> {
        let _ = pool;
        None
    }
}

/// A page of some pane's rows, on its way from the worker to the pane that awaits it.
pub struct Rows {
    tab: Tab,
    rows: Box<dyn AnyRows>,
}

impl Rows {
    pub fn new<R: Pane>(rows: Vec<R>) -> Self {
        Self {
            tab: R::TAB,
            rows: Box::new(rows),
        }
    }

    /// The pane the rows are for.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows, if they are `R`s.
    pub fn get<R: Pane>(&self) -> Option<&[R]> {
        let any: &dyn Any = &*self.rows;
        any.downcast_ref::<Vec<R>>().map(Vec::as_slice)
    }

    /// The rows, if they are `R`s.
    pub fn take<R: Pane>(self) -> Option<Vec<R>> {
        let any: Box<dyn Any> = self.rows;
        any.downcast::<Vec<R>>().ok().map(|rows| *rows)
    }
}

impl fmt::Debug for Rows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Rows")
            .field(&self.tab)
            .field(&self.rows)
            .finish()
    }
}

impl Clone for Rows {
    fn clone(&self) -> Self {
        Self {
            tab: self.tab,
            rows: self.rows.boxed_clone(),
        }
    }
}

impl PartialEq for Rows {
    fn eq(&self, other: &Self) -> bool {
        self.tab == other.tab && self.rows.same_as(&*other.rows)
    }
}

/// A `Vec` of some pane's rows, its type kept for `Rows::take`.
trait AnyRows: Any + Send + Sync + fmt::Debug {
    fn boxed_clone(&self) -> Box<dyn AnyRows>;
    fn same_as(&self, other: &dyn AnyRows) -> bool;
    fn len(&self) -> usize;
}

impl<R: Pane> AnyRows for Vec<R> {
    fn boxed_clone(&self) -> Box<dyn AnyRows> {
        Box::new(self.clone())
    }

    fn same_as(&self, other: &dyn AnyRows) -> bool {
        let other: &dyn Any = other;
        other.downcast_ref::<Self>() == Some(self)
    }

    fn len(&self) -> usize {
        Vec::len(self)
    }
}

/// What the registry's loops do with any pane's table: its load, its rows' keys, a page arriving.
pub trait PaneTable {
    fn load(&self) -> &Load;
    fn load_mut(&mut self) -> &mut Load;
    fn navigable(&mut self) -> &mut dyn Navigable;
    /// The key of the selected row.
    fn selected_key(&self) -> Option<&str>;
    /// Shown and loaded rows.
    fn counts(&self) -> (usize, usize);
    /// Loaded rows.
    fn total(&self) -> usize;
    /// Drops the rows (sort and filter stay).
    fn clear(&mut self);
    /// Adds a page of rows if this table awaits `request`; true when it did.
    fn append(&mut self, request: RequestId, rows: Rows, done: bool) -> bool;
}

impl<R: Pane> PaneTable for ListPane<R> {
    fn load(&self) -> &Load {
        &self.load
    }

    fn load_mut(&mut self) -> &mut Load {
        &mut self.load
    }

    fn navigable(&mut self) -> &mut dyn Navigable {
        &mut self.table
    }

    fn selected_key(&self) -> Option<&str> {
        self.table.selected().map(Row::key)
    }

    fn counts(&self) -> (usize, usize) {
        (self.table.visible_len(), self.table.total())
    }

    fn total(&self) -> usize {
        self.table.total()
    }

    fn clear(&mut self) {
        self.table.clear();
    }

    fn append(&mut self, request: RequestId, rows: Rows, done: bool) -> bool {
        let Load::Loading {
            request: current,
            pages,
        } = &mut self.load
        else {
            return false;
        };
        if *current != request {
            return false;
        }
        let Some(rows) = rows.take::<R>() else {
            return false;
        };
        *pages += 1;
        self.table.append(rows);
        if done {
            self.load = Load::Done;
        }
        true
    }
}

/// Something done with one pane kind, typed: the registry calls `visit::<R>` for a tab's rows.
pub trait PaneVisitor {
    type Out;
    fn visit<R: Pane>(self) -> Self::Out;
}
