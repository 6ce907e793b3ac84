//! `Ctrl-S`: users to a file, as k9s saves a table: the query's users, the marked ones or the whole
//! pool, as the pool's import CSV, JSON or JSON Lines. The dialog stays while it runs, with a
//! progress bar and the quota it runs at; Esc stops it and no file is left.

use crate::app::action::InputKey;
use std::path::PathBuf;

use crate::app::effect::{Effect, IndexRead, Read};
use crate::app::form::{Choice, Field, Form, FormEvent, Submit};
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::state::{Overlay, State};
use crate::app::users::index::Progress;
use crate::cognito::{PoolId, Username};
use crate::shared::export::ExportFormat;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportField {
    Users,
    Format,
    File,
    Replace,
}

/// Which users an export writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportScope {
    /// The users a query finds (on the server when one filter answers it, else in the index).
    Query(String),
    /// These users, read afresh one by one.
    Users(Vec<Username>),
    /// Every user of the pool (a crawl, in parts when the pool is big).
    Pool,
}

impl Choice for ExportFormat {
    const ALL: &'static [Self] = &[Self::Csv, Self::Json, Self::Jsonl];

    fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV (the pool's import columns)",
            Self::Json => "JSON (every attribute; groups from the index)",
            Self::Jsonl => "JSON Lines (one user a line)",
        }
    }
}

/// An export the worker runs: which users, how, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportJob {
    pub pool: PoolId,
    pub scope: ExportScope,
    pub format: ExportFormat,
    pub path: PathBuf,
    /// Replace a file already at `path`.
    pub replace: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    pub form: Form<ExportField>,
    /// What each option of the Users field exports, in its order.
    pub scopes: Vec<ExportScope>,
    /// How far a running export has come.
    pub progress: Option<Progress>,
}

impl ExportDialog {
    pub fn running(&self) -> Option<RequestId> {
        match self.form.submit {
            Submit::Submitting(request) => Some(request),
            _ => None,
        }
    }

    fn format(&self) -> ExportFormat {
        self.form
            .chosen(&ExportField::Format)
            .unwrap_or(ExportFormat::Csv)
    }
}

/// The file an export goes to unless the person names another.
pub fn default_file(pool: &str, format: ExportFormat) -> String {
    let extension = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Json => "json",
        ExportFormat::Jsonl => "jsonl",
    };
    format!("{pool}-users.{extension}")
}

/// `Ctrl-S` on a pool: the dialog, offering the query's users, the marked ones, and the pool.
pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(pool) = state.pool.as_ref() else {
        state.toast = Some("Export works in a pool: open one first".to_owned());
        return Vec::new();
    };
    let mut scopes = Vec::new();
    let mut labels = Vec::new();
    if let Some(query) = &pool.users_query {
        labels.push(format!("the query's users: {}", query.text));
        scopes.push(ExportScope::Query(query.text.clone()));
    }
    if !pool.marks.is_empty() {
        labels.push(format!(
            "the {} marked",
            crate::shared::thousands(pool.marks.len())
        ));
        scopes.push(ExportScope::Users(
            pool.marks.iter().map(Username::new).collect(),
        ));
    }
    labels.push("every user of the pool".to_owned());
    scopes.push(ExportScope::Pool);
    let fields = vec![
        Field::options(ExportField::Users, "Users", labels, 0),
        Field::choice(ExportField::Format, "Format", ExportFormat::Csv),
        Field::text(
            ExportField::File,
            "File",
            &default_file(pool.id.as_str(), ExportFormat::Csv),
        )
        .required(true)
        .note("written beside it, put in place when whole"),
        Field::toggle(ExportField::Replace, "Replace an existing file", false),
    ];
    state.overlay = Overlay::Export(Box::new(ExportDialog {
        form: Form::new("Export users", fields),
        scopes,
        progress: None,
    }));
    Vec::new()
}

/// A key in the dialog. While it runs, only Esc is taken: it stops the export.
pub fn key(state: &mut State, mut dialog: Box<ExportDialog>, key: InputKey) -> Vec<Effect> {
    if let Some(request) = dialog.running() {
        if key == InputKey::Cancel {
            state.toast = Some("Export stopped: no file was written".to_owned());
            return vec![Effect::Cancel(request)];
        }
        state.overlay = Overlay::Export(dialog);
        return Vec::new();
    }
    let before = dialog.format();
    match dialog.form.key(key) {
        FormEvent::Cancel => return Vec::new(),
        FormEvent::Submit => return submit(state, dialog),
        FormEvent::None | FormEvent::Generate => {}
    }
    let after = dialog.format();
    if after != before
        && let Some(pool) = state.pool.as_ref()
        && let Some(file) = dialog.form.field_mut(&ExportField::File)
        && file.input.value() == default_file(pool.id.as_str(), before)
    {
        file.input.set(&default_file(pool.id.as_str(), after));
    }
    state.overlay = Overlay::Export(dialog);
    Vec::new()
}

fn submit(state: &mut State, mut dialog: Box<ExportDialog>) -> Vec<Effect> {
    dialog.form.clear_errors();
    let file = dialog.form.value(&ExportField::File).trim().to_owned();
    let chosen = dialog
        .form
        .field(&ExportField::Users)
        .map_or(0, |f| f.choice);
    let (Some(pool), Some(scope)) = (state.pool.as_ref(), dialog.scopes.get(chosen)) else {
        return Vec::new();
    };
    if file.is_empty() {
        dialog.form.set_error(&ExportField::File, "name a file");
        state.overlay = Overlay::Export(dialog);
        return Vec::new();
    }
    let call = Read::Index(IndexRead::Export(ExportJob {
        pool: pool.id.clone(),
        scope: scope.clone(),
        format: dialog.format(),
        path: file.into(),
        replace: dialog.form.is_on(&ExportField::Replace),
    }));
    let request = state.request_id();
    dialog.form.submit = Submit::Submitting(request);
    dialog.progress = None;
    state.overlay = Overlay::Export(dialog);
    vec![Effect::Api {
        request,
        call: call.into(),
    }]
}

/// The export is whole: the dialog closes and says where it went. One stopped too late to stop
/// (it was done before the stop reached it) says so too: the file is there.
pub fn finished(state: &mut State, request: RequestId, users: u64, path: &str) {
    if let Overlay::Export(dialog) = &state.overlay
        && dialog.form.submit.awaits(request)
    {
        state.overlay = Overlay::None;
    }
    state.toast = Some(format!(
        "Exported {} to {path}",
        crate::shared::thousands(usize::try_from(users).unwrap_or(usize::MAX))
            + if users == 1 { " user" } else { " users" }
    ));
}

/// The export failed: the dialog stays as filled in, with why.
pub fn failed(state: &mut State, request: RequestId, error: &ErrorInfo) {
    if let Overlay::Export(dialog) = &mut state.overlay
        && dialog.form.submit.awaits(request)
    {
        dialog.form.submit = Submit::Failed(error.clone());
        dialog.progress = None;
    }
}
