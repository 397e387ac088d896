//! The world page: the provider of the store, the effects (keep unreadable storage aside,
//! save after each change, follow the URL fragment) and the page's layout.

use gloo::events::EventListener;
use yew::prelude::*;

use super::banner::Banner;
use super::details::Details;
use super::diagram::Diagram;
use super::last_step::LastStep;
use super::panel::Panel;
use super::panels::Panels;
use super::store::{self, Store};
use super::timeline::Timeline;
use super::toolbar::Toolbar;
use crate::world_ui::state::Action;

/// The page people meet at `#/`: diagram, consoles, terminal, event log, timeline.
#[component]
pub fn WorldPage() -> Html {
    let boot = use_memo((), |_| store::boot());
    let state: Store = {
        let boot = boot.clone();
        use_reducer(move || boot.state.clone())
    };

    // Unreadable storage is kept aside before anything is saved over it.
    {
        let dispatcher = state.dispatcher();
        let unreadable = boot.unreadable.clone();
        use_effect_with((), move |_| {
            if let Some((text, why)) = unreadable {
                dispatcher.dispatch(Action::Notify(store::keep_aside(&text, &why)));
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(state.revision, move |_| store::save(&state));
    }

    let panel = use_state(|| Panel::from_hash(&store::hash()).unwrap_or(Panel::Terminal));
    {
        let panel = panel.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    if let Some(p) = Panel::from_hash(&store::hash()) {
                        panel.set(p);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let selected = use_state(|| None::<String>);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |key: Option<String>| selected.set(key))
    };
    let embed = crate::route::is_embed(&store::search());

    html! {
        <ContextProvider<Store> context={state.clone()}>
            <div class={classes!("wui", embed.then_some("wui-embed"))} data-testid="world-page">
                <Banner />
                if !embed { <Toolbar /> }
                <section class="wui-diagram card" aria-label="How the permissions flow">
                    <Diagram selected={(*selected).clone()} on_select={on_select.clone()} />
                    if let Some(key) = (*selected).clone() {
                        <Details node={key} on_close={on_select.reform(|_| None)} />
                    }
                </section>
                <div class="wui-grid">
                    <Panels panel={*panel} embed={embed} />
                    if !embed {
                        <aside class="wui-side">
                            <LastStep />
                            <Timeline />
                        </aside>
                    }
                </div>
            </div>
        </ContextProvider<Store>>
    }
}
