//! The root component: one `use_reducer` shared through a context, the
//! hash-change listener, saving the playground, and the page for the route.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::pages::Pages;
use super::{browser, header::Header, notice::Notice};
use crate::playground::storage;
use crate::route::{Bundle, Route};
use crate::state::{Action, AppState};

/// What every component reads: the state and the dispatcher.
pub type AppContext = UseReducerHandle<AppState>;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// The state at load (read from the URL and storage by `ui::start`).
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The first state.
    pub initial: Rc<AppState>,
}

/// The app, drawing the pages of one bundle (`P`); a route of another bundle
/// reloads the page into that bundle.
#[component]
pub fn App<P: Pages>(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || (*initial).clone());

    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                dispatcher.dispatch(Action::Navigate(Route::parse(&browser::hash())));
            })
        });
        move || drop(listener)
    });

    // Only the playground bundle reads and writes the saved playground: the other
    // bundles never load it, so they must not overwrite it.
    use_effect_with(state.playground.clone(), |doc| {
        if P::BUNDLE == Bundle::Playground {
            browser::save(storage::STORAGE_KEY, &storage::encode(doc));
        }
    });

    use_effect_with(state.route.clone(), |route| {
        let wanted = route.bundle();
        if wanted != P::BUNDLE {
            browser::switch_bundle(wanted.name());
        }
    });

    let page = P::page(&state.route);
    let class = classes!("shell", state.embed.then_some("embed"));
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div {class} data-testid="app-ready">
                if !state.embed { <Header route={state.route.clone()} /> }
                <Notice />
                <main id="main" class="main" tabindex="-1">{ page }</main>
            </div>
        </ContextProvider<AppContext>>
    }
}
