//! A dismissible banner: unreadable storage, import errors.

use yew::prelude::*;

use super::state::Action;
use super::store::use_store;

/// Shows the state's notice, if any.
#[component]
pub fn Banner() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let Some(notice) = store.notice.clone() else {
        return Html::default();
    };
    let dismiss = {
        let dispatcher = store.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Dismiss))
    };
    html! {
        <div class={classes!("wui-banner", notice.kind)} role="alert" data-testid="world-banner">
            <p>{ notice.text }</p>
            <button type="button" class="wui-btn" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
