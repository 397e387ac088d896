//! A dismissible notice about saved data (for example unreadable storage).

use yew::prelude::*;

use super::app::AppContext;
use crate::state::Action;

/// Shows `state.notice`, if any.
#[component]
pub fn Notice() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let Some(text) = ctx.notice.clone() else {
        return Html::default();
    };
    let dismiss = {
        let dispatcher = ctx.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::DismissNotice))
    };
    let restore = ctx.previous.is_some().then(|| {
        let dispatcher = ctx.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::RestorePrevious))
    });
    html! {
        <div class="notice" role="status" data-testid="storage-notice">
            <p>{ text }</p>
            if let Some(restore) = restore {
                <button type="button" class="button" onclick={restore} data-testid="restore-playground">
                    { "Restore my playground" }
                </button>
            }
            <button type="button" class="button" onclick={dismiss} data-testid="dismiss-notice">
                { "Dismiss" }
            </button>
        </div>
    }
}
