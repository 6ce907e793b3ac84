//! How a change to a pool resource begins: which resource the view has selected, and `E`,
//! `e`, `M`, `A`, `D`, `n` opening the editor, a form, or the typed-name delete.

use super::update::{api, open_editor};
use super::{AdminFlow, AdminOp, NewResource, Stage, Subject};
use super::{editor, form, specs};
use crate::app::browse::pane::{Pane, PaneVisitor};
use crate::app::browse::panes;
use crate::app::effect::{Effect, Read};
use crate::app::form::Submit;
use crate::app::input::text::TextField;
use crate::app::remote::RequestId;
use crate::app::state::{Overlay, PoolState, State, Tab};
use crate::cognito::edit::Target;
use crate::cognito::secrets::Redacted;

/// The resource the view shows selected, and the name typed to delete it: the pool itself on
/// the Overview and the Tags tab (its tags are its UserPoolTags), else the selected row of a
/// pane whose rows are resources.
pub fn selected_target(state: &State) -> Option<(Target, String)> {
    struct Selected<'a>(&'a PoolState);
    impl PaneVisitor for Selected<'_> {
        type Out = Option<(Target, String)>;
        fn visit<R: Pane>(self) -> Self::Out {
            R::table(self.0).table.selected()?.target(&self.0.id)
        }
    }
    let pool = state.pool.as_ref()?;
    if matches!(pool.tab, Tab::Overview | Tab::Tags) {
        return Some((Target::Pool(pool.id.clone()), pool.name.clone()));
    }
    panes::visit(pool.tab, Selected(pool)).flatten()
}

/// What `n` creates on the open tab: the pane's Create* operation, from the registry.
fn new_resource(state: &State) -> Option<NewResource> {
    struct Creates;
    impl PaneVisitor for Creates {
        type Out = Option<(&'static str, &'static str)>;
        fn visit<R: Pane>(self) -> Self::Out {
            R::CREATE.map(|operation| (operation, R::INFO.one))
        }
    }
    let Some(pool) = state.pool.as_ref() else {
        // The pools list: a new pool.
        return Some(NewResource {
            pool: None,
            operation: "CreateUserPool",
            one: "pool",
            given: Vec::new(),
        });
    };
    let (operation, one) = panes::visit(pool.tab, Creates).flatten()?;
    Some(NewResource {
        pool: Some(pool.id.clone()),
        operation,
        one,
        given: Vec::new(),
    })
}

/// `E`, `e`, `M`, `A`, `D` or `n` in a pool (`n` on the pools list: a new pool). On the Tags tab
/// the tags are the pool's `UserPoolTags`: `E` and `e` edit them with the rest of the pool as
/// JSON (tag values may hold any text, which a form's field could not split), and `D`, which
/// would delete the pool, says where tags are removed instead.
pub fn start(state: &mut State, mut op: AdminOp) -> Vec<Effect> {
    if state.pool.as_ref().is_some_and(|p| p.tab == Tab::Tags) {
        match op {
            AdminOp::EditForm => op = AdminOp::EditJson,
            AdminOp::Delete | AdminOp::Create => {
                state.toast = Some(
                    "Tags are the pool's UserPoolTags: E edits them (or cognito-tui tags set|unset)"
                        .to_owned(),
                );
                return Vec::new();
            }
            _ => {}
        }
    }
    if op == AdminOp::Create {
        return start_create(state, new_resource(state));
    }
    if op == AdminOp::AddAttributes {
        let new = state.pool.as_ref().map(|p| NewResource {
            pool: Some(p.id.clone()),
            operation: "AddCustomAttributes",
            one: "custom attribute",
            given: Vec::new(),
        });
        return start_create(state, new);
    }
    if op == AdminOp::AddMember {
        let new = state.pool.as_ref().and_then(|p| {
            let group = p.users_group.as_ref()?;
            Some(NewResource {
                pool: Some(p.id.clone()),
                operation: "AdminAddUserToGroup",
                one: "member",
                given: vec![("GroupName", group.to_string())],
            })
        });
        if new.is_none() {
            state.toast =
                Some("Open a group's members first (Enter on a group in the Groups tab)".into());
            return Vec::new();
        }
        return start_create(state, new);
    }
    let selected = match (op, state.pool.as_ref()) {
        (AdminOp::EditMfa, Some(pool)) => Some((Target::Mfa(pool.id.clone()), String::new())),
        _ => selected_target(state),
    };
    let Some((target, name)) = selected else {
        state.toast = Some("Nothing here to change: select a pool resource".to_owned());
        return Vec::new();
    };
    let next = if op == AdminOp::Delete {
        if target.delete_operation().is_none() {
            state.toast = Some(format!("{} cannot be deleted", target.label()));
            return Vec::new();
        }
        Stage::Delete {
            name,
            typed: TextField::default(),
            hint: None,
            submit: Submit::Editing,
        }
    } else {
        Stage::Reading(state.request_id())
    };
    let effects = match &next {
        Stage::Reading(request) => vec![api(*request, Read::EditInput(target.clone()))],
        _ => Vec::new(),
    };
    let with_form = matches!(op, AdminOp::EditForm | AdminOp::EditMfa);
    state.overlay = Overlay::Admin(Box::new(AdminFlow {
        subject: Subject::Existing(target),
        stage: next,
        with_form,
    }));
    effects
}

/// `n` (or `A`): the form of a new resource, or its input in the editor.
fn start_create(state: &mut State, new: Option<NewResource>) -> Vec<Effect> {
    let Some(new) = new else {
        state.toast = Some("Nothing to create here".to_owned());
        return Vec::new();
    };
    let template = editor::template(&new);
    let specs = specs::for_create(new.operation);
    let mut flow = AdminFlow {
        subject: Subject::New(new),
        stage: Stage::Reading(RequestId::default()),
        with_form: specs.is_some(),
    };
    let effects = if let Some(specs) = specs {
        let title = title_of(&flow);
        let form = form::build(&title, specs, &template);
        flow.stage = Stage::Form {
            form: Box::new(form),
            original: Redacted(template),
        };
        Vec::new()
    } else {
        let text = editor::text_for(&flow.subject, &template);
        open_editor(state, &mut flow, Redacted(template), text)
    };
    state.overlay = Overlay::Admin(Box::new(flow));
    effects
}

/// The form's title: `Edit app client 1a2b`, `Create a new group`.
pub(super) fn title_of(flow: &AdminFlow) -> String {
    match &flow.subject {
        Subject::Existing(_) => format!("Edit {}", flow.subject.label()),
        Subject::New(_) => format!("Create {}", flow.subject.label()),
    }
}

/// The specs of the flow's form, if it has one.
pub(super) fn specs_of(flow: &AdminFlow) -> Option<&'static [specs::Spec]> {
    match &flow.subject {
        Subject::Existing(target) => specs::for_target(target),
        Subject::New(new) => specs::for_create(new.operation),
    }
}
