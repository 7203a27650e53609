//! What a resource kind is: one list pane with its columns, how it is fetched and accepted,
//! what Enter, `c`, `e`, `d` and `v` mean on it, and its key hints. A kind is written once as a
//! [`Resource`] (typed by its row) and registered in [`super::panes`]; everything generic (the
//! update loop, the list drawing, the detail panel, help and footer) goes through [`Kind`].

use std::marker::PhantomData;

use ratatui::layout::Constraint;

use super::detail::Detail;
use super::keys::Action;
use super::model::Model;
use super::msg::{Cmd, Fetch, Fetched, PermTarget};
use super::panes::{PaneId, Panes};
use super::registry::Edition;
use super::rows::{ColumnId, Row};
use super::table::{ListOps, Load, Progress, Sort, Table};

/// Where a pane sits on a wide screen (narrow screens show the focused pane only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Left, above.
    Upper,
    /// Left, below; shared by the repositories and a repository's retention, the focused
    /// one shown (else the repositories).
    Lower,
    /// Right, above the detail panel; shared by several kinds, the focused one shown.
    Main,
}

/// One column of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub id: ColumnId,
    pub title: &'static str,
    pub width: Constraint,
    /// Hidden when the pane is narrower than this, so small panes keep the key columns.
    pub min_pane: u16,
    /// Hidden when the names on screen need the room: the highest rank goes first; 0 never.
    pub yields: u8,
    /// Drawn in the colour of its row's [`Tone`] (a status).
    pub toned: bool,
}

/// What a row's status means, for the colour of its toned column (the theme picks the colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Done as asked.
    Good,
    /// Failed, timed out, cancelled.
    Bad,
    /// Still going.
    Busy,
}

impl Column {
    pub const fn new(id: ColumnId, title: &'static str, width: Constraint) -> Self {
        Self {
            id,
            title,
            width,
            min_pane: 0,
            yields: 0,
            toned: false,
        }
    }

    /// Coloured by the row's tone.
    pub const fn toned(mut self) -> Self {
        self.toned = true;
        self
    }

    pub const fn min_pane(mut self, min_pane: u16) -> Self {
        self.min_pane = min_pane;
        self
    }

    /// Gives its room to the name column when names need it, `rank` first of all (1 last).
    pub const fn yields(mut self, rank: u8) -> Self {
        self.yields = rank;
        self
    }
}

/// What a kind offers besides listing, filtering and sorting: help, footer and the update
/// loop ask this instead of naming panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Abilities {
    /// Enter opens something (a child list, or a detail popup).
    pub open: bool,
    /// Rows can be marked (Space, `a`, `i`).
    pub mark: bool,
    /// The marking menu's rules (pattern, keep newest N, older than D days) apply (`m`).
    pub rules: bool,
    pub create: bool,
    pub edit: bool,
    pub delete: bool,
    /// `y`/`Y` copy a pull command.
    pub copy: bool,
    /// `p` lists the permissions of the current row.
    pub permissions: bool,
    /// `v` shows the current row's details.
    pub details: bool,
    /// `R` shows the retention rule of the repository the row belongs to.
    pub retention: bool,
    /// `D` deletes whole artifacts (enterprise edition).
    pub artifacts: bool,
    /// `X` syncs the marked rows to another region.
    pub sync: bool,
    /// `x` runs the row (a retention policy's dry run, then the real run).
    pub run: bool,
}

impl Abilities {
    /// Lists, filters, sorts and shows details: what every kind does.
    pub const LIST: Self = Self {
        open: false,
        mark: false,
        rules: false,
        create: false,
        edit: false,
        delete: false,
        copy: false,
        permissions: false,
        details: true,
        artifacts: false,
        sync: false,
        run: false,
        retention: false,
    };
}

/// A resource kind, typed by its row. Defaults cover kinds that only list.
pub trait Resource: 'static {
    type Row: Row;
    const PANE: PaneId;
    /// The pane title, e.g. `Tags`.
    const TITLE: &'static str;
    /// The detail panel's title for one row, e.g. `Tag`.
    const ONE: &'static str;
    /// The name `:` jumps by, e.g. `tags`.
    const COMMAND: &'static str;
    const COLUMNS: &'static [Column];
    const SORT: Sort;
    const SLOT: Slot;
    /// Where Esc goes when the pane was reached by its place in the hierarchy; `None` for
    /// views opened on top of whatever had the focus (permissions, shares).
    const PARENT: Option<PaneId>;
    /// The edition whose sessions show this kind; `None` for both.
    const EDITION: Option<Edition> = None;
    /// In the Tab cycle (the first panes; the others are reached by key or by `:`).
    const CYCLE: bool = false;
    const CAN: Abilities;
    /// Footer words for this pane's actions, e.g. `(Action::Create, "grant")`.
    const HINTS: &'static [(Action, &'static str)];

    /// The parent in a session of `edition` (a kind both editions show may sit under
    /// different parents).
    fn parent(_edition: Edition) -> Option<PaneId> {
        Self::PARENT
    }
    /// The columns in a session of `edition`.
    fn columns(_edition: Edition) -> &'static [Column] {
        Self::COLUMNS
    }
    /// What the kind offers in a session of `edition`.
    fn abilities(_edition: Edition) -> Abilities {
        Self::CAN
    }
    fn table(panes: &Panes) -> &Table<Self::Row>;
    fn table_mut(panes: &mut Panes) -> &mut Table<Self::Row>;
    /// A row's texts, in `columns` order.
    fn cells(model: &Model, index: u32, row: &Self::Row) -> Vec<String>;
    /// The colour of the row's toned column, if it has one.
    fn tone(_row: &Self::Row) -> Option<Tone> {
        None
    }
    /// Shown when the list is empty and not loading.
    fn empty_hint(model: &Model) -> &'static str;
    /// The title with its subject, e.g. `Permissions: team/web`.
    fn heading(_model: &Model) -> String {
        Self::TITLE.to_string()
    }
    /// Shown after the count, e.g. the organization quota.
    fn note(_model: &Model) -> Option<String> {
        None
    }
    /// What the list belongs to, for the header's breadcrumb (`team`, `web`).
    fn crumbs(_model: &Model) -> Vec<String> {
        Vec::new()
    }
    /// What `r` loads; `None` when the pane has no subject yet.
    fn reload(model: &Model) -> Option<Fetch>;
    /// Takes a loaded list or page; `false` when the answer is not this kind's.
    fn accept(table: &mut Table<Self::Row>, fetched: Fetched) -> bool;
    /// Like `accept`, for a kind whose answer holds more than its rows (a retention rule).
    fn accept_in(panes: &mut Panes, fetched: Fetched) -> bool {
        Self::accept(Self::table_mut(panes), fetched)
    }
    /// Whether the row at `index` is drawn highlighted (the tags a rule being edited deletes).
    fn highlighted(_model: &Model, _index: u32) -> bool {
        false
    }
    /// The organization or repository the cursor stands for (for `p` and `:`).
    fn subject(_model: &Model) -> Option<PermTarget> {
        None
    }
    /// A row described, for the detail panel and `v`.
    fn details(model: &Model, row: &Self::Row) -> Vec<Detail>;

    /// `:name`: focus the pane, loading it when it has a subject and nothing yet.
    fn show(model: &mut Model) -> Vec<Cmd> {
        super::update::focus_pane(model, Self::PANE);
        let idle = Self::table(&model.panes).load == Load::Idle;
        match Self::reload(model) {
            Some(what) if idle => vec![super::results::fetch(model, what)],
            _ => Vec::new(),
        }
    }
    /// `v`: the detail view of the current row.
    fn show_details(model: &mut Model) {
        super::detail::open_view(model);
    }
    /// Enter.
    fn open(_model: &mut Model) -> Vec<Cmd> {
        Vec::new()
    }
    /// `c`.
    fn create(_model: &mut Model) -> Vec<Cmd> {
        Vec::new()
    }
    /// `e`.
    fn edit(_model: &mut Model) -> Vec<Cmd> {
        Vec::new()
    }
    /// `d`.
    fn delete(_model: &mut Model) -> Vec<Cmd> {
        Vec::new()
    }
}

/// A list pane as the view draws it: only the rows on screen, as text.
#[derive(Debug, Clone)]
pub struct ListView<'a> {
    pub heading: String,
    pub note: Option<String>,
    pub columns: &'static [Column],
    pub markable: bool,
    pub load: &'a Load,
    pub len: usize,
    pub visible_len: usize,
    pub filter: &'a str,
    pub marked: usize,
    pub progress: Option<Progress>,
    pub sort: Sort,
    /// The cursor's line among `rows`, when on screen.
    pub cursor: Option<usize>,
    /// Marked or not, and the texts, of each row on screen.
    pub rows: Vec<(bool, Vec<String>)>,
    /// The tone of each row in `rows`, for the toned columns.
    pub tones: Vec<Option<Tone>>,
    /// Per row on screen: drawn highlighted.
    pub highlighted: Vec<bool>,
    pub empty_hint: &'static str,
}

/// A resource kind without its row type: what the generic code holds.
pub trait Kind: Sync {
    fn pane(&self) -> PaneId;
    fn title(&self) -> &'static str;
    fn one(&self) -> &'static str;
    fn command(&self) -> &'static str;
    fn slot(&self) -> Slot;
    fn parent(&self, edition: Edition) -> Option<PaneId>;
    /// Shown in sessions of `edition`.
    fn serves(&self, edition: Edition) -> bool;
    fn cycles(&self) -> bool;
    fn can(&self, edition: Edition) -> Abilities;
    fn hint(&self, action: Action) -> Option<&'static str>;
    fn list<'a>(&self, panes: &'a Panes) -> &'a dyn ListOps;
    fn list_mut<'a>(&self, panes: &'a mut Panes) -> &'a mut dyn ListOps;
    fn load<'a>(&self, panes: &'a Panes) -> &'a Load;
    fn set_load(&self, panes: &mut Panes, load: Load);
    fn clear(&self, panes: &mut Panes);
    fn view<'a>(&self, model: &'a Model, height: usize) -> ListView<'a>;
    fn crumbs(&self, model: &Model) -> Vec<String>;
    fn reload(&self, model: &Model) -> Option<Fetch>;
    fn accept(&self, panes: &mut Panes, fetched: Fetched) -> bool;
    fn subject(&self, model: &Model) -> Option<PermTarget>;
    /// The current row described, if there is one.
    fn details(&self, model: &Model) -> Option<Vec<Detail>>;
    fn show(&self, model: &mut Model) -> Vec<Cmd>;
    fn show_details(&self, model: &mut Model);
    fn open(&self, model: &mut Model) -> Vec<Cmd>;
    fn create(&self, model: &mut Model) -> Vec<Cmd>;
    fn edit(&self, model: &mut Model) -> Vec<Cmd>;
    fn delete(&self, model: &mut Model) -> Vec<Cmd>;
}

/// The [`Kind`] of a [`Resource`].
pub struct Registered<R>(PhantomData<fn() -> R>);

impl<R> Registered<R> {
    pub const KIND: Self = Self(PhantomData);
}

impl<R: Resource> Kind for Registered<R> {
    fn pane(&self) -> PaneId {
        R::PANE
    }
    fn title(&self) -> &'static str {
        R::TITLE
    }
    fn one(&self) -> &'static str {
        R::ONE
    }
    fn command(&self) -> &'static str {
        R::COMMAND
    }
    fn slot(&self) -> Slot {
        R::SLOT
    }
    fn parent(&self, edition: Edition) -> Option<PaneId> {
        R::parent(edition)
    }
    fn serves(&self, edition: Edition) -> bool {
        R::EDITION.is_none_or(|e| e == edition)
    }
    fn cycles(&self) -> bool {
        R::CYCLE
    }
    fn can(&self, edition: Edition) -> Abilities {
        R::abilities(edition)
    }
    fn hint(&self, action: Action) -> Option<&'static str> {
        R::HINTS.iter().find(|(a, _)| *a == action).map(|(_, w)| *w)
    }
    fn list<'a>(&self, panes: &'a Panes) -> &'a dyn ListOps {
        R::table(panes)
    }
    fn list_mut<'a>(&self, panes: &'a mut Panes) -> &'a mut dyn ListOps {
        R::table_mut(panes)
    }
    fn load<'a>(&self, panes: &'a Panes) -> &'a Load {
        &R::table(panes).load
    }
    fn set_load(&self, panes: &mut Panes, load: Load) {
        R::table_mut(panes).load = load;
    }
    fn clear(&self, panes: &mut Panes) {
        R::table_mut(panes).clear();
    }
    fn view<'a>(&self, model: &'a Model, height: usize) -> ListView<'a> {
        let table = R::table(&model.panes);
        ListView {
            heading: R::heading(model),
            note: R::note(model),
            columns: R::columns(model.nav.edition()),
            markable: R::abilities(model.nav.edition()).mark,
            load: &table.load,
            len: table.len(),
            visible_len: table.visible_len(),
            filter: table.filter(),
            marked: table.marked_count(),
            progress: table.progress(),
            sort: table.sort(),
            cursor: table.cursor().checked_sub(table.offset()),
            rows: table
                .visible_rows(height)
                .map(|(index, row)| (table.is_marked(index), R::cells(model, index, row)))
                .collect(),
            tones: table
                .visible_rows(height)
                .map(|(_, row)| R::tone(row))
                .collect(),
            highlighted: table
                .visible_rows(height)
                .map(|(index, _)| R::highlighted(model, index))
                .collect(),
            empty_hint: R::empty_hint(model),
        }
    }
    fn crumbs(&self, model: &Model) -> Vec<String> {
        R::crumbs(model)
    }
    fn reload(&self, model: &Model) -> Option<Fetch> {
        R::reload(model)
    }
    fn accept(&self, panes: &mut Panes, fetched: Fetched) -> bool {
        R::accept_in(panes, fetched)
    }
    fn subject(&self, model: &Model) -> Option<PermTarget> {
        R::subject(model)
    }
    fn details(&self, model: &Model) -> Option<Vec<Detail>> {
        R::table(&model.panes)
            .current()
            .map(|row| R::details(model, row))
    }
    fn show(&self, model: &mut Model) -> Vec<Cmd> {
        R::show(model)
    }
    fn show_details(&self, model: &mut Model) {
        R::show_details(model)
    }
    fn open(&self, model: &mut Model) -> Vec<Cmd> {
        R::open(model)
    }
    fn create(&self, model: &mut Model) -> Vec<Cmd> {
        R::create(model)
    }
    fn edit(&self, model: &mut Model) -> Vec<Cmd> {
        R::edit(model)
    }
    fn delete(&self, model: &mut Model) -> Vec<Cmd> {
        R::delete(model)
    }
}
