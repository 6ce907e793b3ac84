//! The registry of a pool's tabs: which pane each tab shows, in the order Tab cycles them. Busy,
//! leaving a pool, a load that failed, tab cycling, the palette's words and the drawing of the
//! tables all loop over it. A pane is its row type's `impl Pane` (in a file here); registering
//! one is its line in `registry!`, which writes its tab, its table and its arm in `visit`.

mod clients;
mod domain;
mod groups;
mod idps;
pub mod overview;
mod resource_servers;
mod tags;
mod users;

pub use clients::ClientRow;
pub use domain::DomainRow;
pub use groups::GroupRow;
pub use idps::IdpRow;
pub use resource_servers::ResourceServerRow;
pub use tags::TagRow;

use crate::app::browse::pane::{Pane, PaneInfo, PaneTable, PaneVisitor, Slot};
use crate::app::browse::rows::UserRow;
use crate::app::effect::Read;
use crate::app::input::keymap::Mode;
use crate::app::state::{ListPane, PoolState};

/// Writes the registry from one line per pane: its `Tab` variant (in the order Tab cycles them),
/// its table in `Tables`, its arm in `visit`, and its `Slot`. The Overview and Users come first:
/// the Overview has no rows, and the users' table stays on `PoolState`.
macro_rules! registry {
    ($($tab:ident => $row:ty, $field:ident;)*) => {
        /// A pool's tabs, in the order Tab cycles them.
        #[derive(
            Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, strum::VariantArray,
        )]
        pub enum Tab {
            Overview,
            #[default]
            Users,
            $($tab,)*
        }

        /// The tables of a pool's panes but the users'.
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct Tables {
            $(pub $field: ListPane<$row>,)*
        }

        /// The registry: the pane each tab shows. The Overview has none: it is the pool's
        /// description.
        pub fn visit<V: PaneVisitor>(tab: Tab, visitor: V) -> Option<V::Out> {
            Some(match tab {
                Tab::Overview => return None,
                Tab::Users => visitor.visit::<UserRow>(),
                $(Tab::$tab => visitor.visit::<$row>(),)*
            })
        }

        $(impl Slot for $row {
            const TAB: Tab = Tab::$tab;

            fn table(pool: &PoolState) -> &ListPane<Self> {
                &pool.tables.$field
            }

            fn table_mut(pool: &mut PoolState) -> &mut ListPane<Self> {
                &mut pool.tables.$field
            }
        })*
    };
}

registry! {
    Groups => GroupRow, groups;
    Clients => ClientRow, clients;
    Idps => IdpRow, idps;
    Domain => DomainRow, domain;
    ResourceServers => ResourceServerRow, resource_servers;
    Tags => TagRow, tags;
}

const OVERVIEW: PaneInfo = PaneInfo {
    title: "Overview",
    word: "overview",
    help: "the pool's overview",
    one: "pool overview",
    many: "pool overview",
    keys: Mode::Overview,
};

impl Tab {
    /// Every tab, in order: the compiler lists them, so none can be left out.
    pub const ALL: &'static [Tab] = <Tab as strum::VariantArray>::VARIANTS;

    pub fn info(self) -> PaneInfo {
        struct Info;
        impl PaneVisitor for Info {
            type Out = PaneInfo;
            fn visit<R: Pane>(self) -> PaneInfo {
                R::INFO
            }
        }
        visit(self, Info).unwrap_or(OVERVIEW)
    }

    pub fn title(self) -> &'static str {
        self.info().title
    }

    /// Whether its rows open a detail view.
    pub fn has_detail(self) -> bool {
        struct HasDetail;
        impl PaneVisitor for HasDetail {
            type Out = bool;
            fn visit<R: Pane>(self) -> bool {
                R::DETAIL.is_some()
            }
        }
        visit(self, HasDetail).unwrap_or(false)
    }
}

/// The table a tab shows.
pub fn table(pool: &PoolState, tab: Tab) -> Option<&dyn PaneTable> {
    struct Of<'a>(&'a PoolState);
    impl<'a> PaneVisitor for Of<'a> {
        type Out = &'a dyn PaneTable;
        fn visit<R: Pane>(self) -> Self::Out {
            R::table(self.0)
        }
    }
    visit(tab, Of(pool))
}

pub fn table_mut(pool: &mut PoolState, tab: Tab) -> Option<&mut dyn PaneTable> {
    struct Of<'a>(&'a mut PoolState);
    impl<'a> PaneVisitor for Of<'a> {
        type Out = &'a mut dyn PaneTable;
        fn visit<R: Pane>(self) -> Self::Out {
            R::table_mut(self.0)
        }
    }
    visit(tab, Of(pool))
}

/// The read that lists a tab's rows (`from`: where a listing that failed part-way goes on).
pub fn list_call(pool: &PoolState, tab: Tab, from: Option<String>) -> Option<Read> {
    struct Call<'a>(&'a PoolState, Option<String>);
    impl PaneVisitor for Call<'_> {
        type Out = Read;
        fn visit<R: Pane>(self) -> Read {
            R::list_call(self.0, self.1)
        }
    }
    visit(tab, Call(pool, from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tab_is_registered_once_under_its_own_word() {
        struct Own;
        impl PaneVisitor for Own {
            type Out = Tab;
            fn visit<R: Pane>(self) -> Tab {
                R::TAB
            }
        }
        for &tab in Tab::ALL {
            if let Some(own) = visit(tab, Own) {
                assert_eq!(
                    own, tab,
                    "the pane registered for {tab:?} says it is {own:?}"
                );
            }
            let word = tab.info().word;
            assert!(
                crate::app::input::palette::entries().any(|e| e.name == word),
                "the palette does not list :{word}"
            );
        }
        // No two tabs share a palette word or a title (sorted, so any repeat is next to its twin).
        for name in [|t: Tab| t.info().word, |t: Tab| t.title()] {
            let mut names: Vec<_> = Tab::ALL.iter().map(|&t| name(t)).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), Tab::ALL.len(), "{names:?}");
        }
    }
}
