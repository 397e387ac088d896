//! `#/playground`: policies on the left, the request and its decision on the
//! right. The decision is derived from the doc on every edit (memoized).

use yew::prelude::*;

use super::{decision::DecisionPanel, explanation::Explanation, identity_list::IdentityList};
use super::{
    optional_policy::OptionalPolicyEditor, request_form::RequestForm, templates_bar::TemplatesBar,
};
use crate::playground::analysis::analyse;
use crate::playground::model::{PlaygroundAction, Slot};
use crate::state::Action;
use crate::ui::app::AppContext;

/// The playground page.
#[component]
pub fn PlaygroundPage() -> Html {
    let ctx = use_context::<AppContext>();
    let doc = ctx
        .as_ref()
        .map(|c| c.playground.clone())
        .unwrap_or_default();
    let analysis = use_memo(doc.clone(), |doc| analyse(doc));
    let dispatcher = ctx.map(|c| c.dispatcher());
    let on_edit = use_callback(dispatcher, |edit: PlaygroundAction, dispatcher| {
        if let Some(d) = dispatcher {
            d.dispatch(Action::Playground(edit));
        }
    });
    html! {
        <section class="page playground" data-testid="playground">
            <div class="page-intro">
                <h1>{ "Policy playground" }</h1>
                <p class="lede">
                    { "Edit the policies and the request; the decision and its explanation \
                       follow as you type, evaluated the way IAM does it." }
                </p>
            </div>
            <div class="playground-grid">
                <div class="column">
                    <TemplatesBar on_edit={on_edit.clone()} />
                    <IdentityList policies={doc.identity.clone()} analysis={analysis.clone()}
                        on_edit={on_edit.clone()} />
                    { for Slot::ALL.into_iter().map(|slot| html! {
                        <OptionalPolicyEditor key={slot.key()} {slot}
                            policy={doc.slot(slot).clone()}
                            error={analysis.slot_error(slot).cloned()}
                            trust={doc.resource_is_trust}
                            on_edit={on_edit.clone()} />
                    }) }
                </div>
                <div class="column column-result">
                    <DecisionPanel analysis={analysis.clone()} />
                    <RequestForm request={doc.request.clone()}
                        context_error={analysis.context_error.clone()}
                        request_error={analysis.request_error.clone()}
                        on_edit={on_edit.clone()} />
                    <Explanation analysis={analysis.clone()} />
                </div>
            </div>
        </section>
    }
}
